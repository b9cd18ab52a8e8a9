import { useId, useState } from 'react';
import { Link } from 'react-router';
import { MODEL_FIELDS, MODEL_KINDS, MODEL_STATUSES, RECOGNITION_LEVELS } from '#contracts/emulation/enums.ts';
import type { TModelListQuery } from '#contracts/emulation/model.schemas.ts';
import { can } from '../../../app/can.ts';
import { useMe } from '../../../app/session.ts';
import { Empty, ErrorMessage, Loading, Searching } from '../../../components/Status.tsx';
import { useDebounced } from '../../../components/useDebounced.ts';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { UnitPicker, type PickedUnit } from '../../units/UnitPicker.tsx';
import { EmulationNav } from '../EmulationNav.tsx';
import { fieldLabel, kindLabel, levelLabel, statusLabel } from './model-text.ts';
import { CampaignOptions } from './CampaignOptions.tsx';
import { useModelCounts, useModels } from './models.api.ts';
import '../emulation.css';
import './models.css';

const LEVEL_COLUMNS = [...RECOGNITION_LEVELS, 'none'] as const;
type Level = (typeof LEVEL_COLUMNS)[number];

/**
 * "Mô hình, điển hình": counts by field × recognition level (each cell filters the list), filters (campaign, field,
 * kind, level, status, unit subtree, replicas, text without diacritics) and the list.
 */
export function ModelsPage() {
  usePageTitle(t('emulationModels.title'));
  const id = useId();
  const me = useMe();
  const [q, setQ] = useState('');
  const [field, setField] = useState('');
  const [kind, setKind] = useState('');
  const [level, setLevel] = useState('');
  const [status, setStatus] = useState('');
  const [replica, setReplica] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [page, setPage] = useState(1);
  const search = useDebounced(q.trim());
  const filters: TModelListQuery = {
    ...(search ? { q: search } : {}),
    ...(field ? { field: field as TModelListQuery['field'] } : {}),
    ...(kind ? { kind: kind as TModelListQuery['kind'] } : {}),
    ...(level ? { level: level as TModelListQuery['level'] } : {}),
    ...(status ? { status: status as TModelListQuery['status'] } : {}),
    ...(replica ? { replica: replica as 'true' | 'false' } : {}),
    ...(campaignId ? { campaignId: Number(campaignId) } : {}),
    ...(unit ? { unitId: unit.id } : {}),
  };
  // the counts ignore the field and level chosen (they are its rows and columns)
  const { field: _f, level: _l, ...countFilters } = filters;
  const list = useModels({ ...filters, page, pageSize: 50 });
  const counts = useModelCounts(countFilters);
  if (!can(me, 'emulation.read')) return <p className="alert">{t('emulationModels.notAllowed')}</p>;
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const pick = (f: string, l: string) => {
    setField(f);
    setLevel(l);
    setPage(1);
  };
  const cell = (f: string, l: Level) => counts.data?.cells.find((c) => c.field === f && c.level === l)?.count ?? 0;
  return (
    <section className="emu-page">
      <EmulationNav />
      <div className="page-head">
        <h1>{t('emulationModels.title')}</h1>
        {can(me, 'emulation.registerModels') && (
          <Link className="button" to="/emulation/models/new">
            {t('emulationModels.new')}
          </Link>
        )}
      </div>
      <ErrorMessage error={counts.error} />
      {counts.data && (
        <div className="emu-counts-wrap">
          <table className="table emu-counts" aria-label={t('emulationModels.counts')}>
            <caption>{t('emulationModels.counts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('emulationModels.countsField')}</th>
                {LEVEL_COLUMNS.map((l) => (
                  <th key={l} scope="col">
                    {levelLabel(l)}
                  </th>
                ))}
                <th scope="col">{t('emulationModels.countsTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {MODEL_FIELDS.map((f) => (
                <tr key={f}>
                  <th scope="row">{fieldLabel(f)}</th>
                  {LEVEL_COLUMNS.map((l) => (
                    <td key={l}>
                      <button
                        type="button"
                        className={`link-button${field === f && level === l ? ' is-on' : ''}`}
                        aria-label={`${fieldLabel(f)} · ${levelLabel(l)}: ${cell(f, l)}`}
                        onClick={() => pick(f, l)}
                      >
                        {formatNumber(cell(f, l))}
                      </button>
                    </td>
                  ))}
                  <td>
                    <button type="button" className="link-button" onClick={() => pick(f, '')}>
                      {formatNumber(counts.data.byField.find((b) => b.field === f)?.count ?? 0)}
                    </button>
                  </td>
                </tr>
              ))}
              <tr className="emu-total">
                <th scope="row">{t('emulationModels.countsTotal')}</th>
                {LEVEL_COLUMNS.map((l) => (
                  <td key={l}>
                    <button type="button" className="link-button" onClick={() => pick('', l)}>
                      {formatNumber(counts.data.byLevel.find((b) => b.level === l)?.count ?? 0)}
                    </button>
                  </td>
                ))}
                <td>
                  <button type="button" className="link-button" onClick={() => pick('', '')}>
                    {formatNumber(counts.data.total)}
                  </button>
                </td>
              </tr>
            </tbody>
          </table>
          <p className="muted">{t('emulationModels.replicaCount', { count: formatNumber(counts.data.replicas) })}</p>
        </div>
      )}
      <form className="filters emu-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field emu-search">
          <label htmlFor={`${id}-q`}>{t('emulationModels.search')}</label>
          <input id={`${id}-q`} type="search" value={q} maxLength={200} placeholder={t('emulationModels.searchHint')} onChange={(e) => reset(setQ)(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-field`}>{t('emulationModels.field')}</label>
          <select id={`${id}-field`} value={field} onChange={(e) => reset(setField)(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {MODEL_FIELDS.map((f) => (
              <option key={f} value={f}>
                {fieldLabel(f)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-level`}>{t('emulationModels.level')}</label>
          <select id={`${id}-level`} value={level} onChange={(e) => reset(setLevel)(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {LEVEL_COLUMNS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('emulationModels.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => reset(setStatus)(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {MODEL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('emulationModels.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => reset(setKind)(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {MODEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-replica`}>{t('emulationModels.replicaFilter')}</label>
          <select id={`${id}-replica`} value={replica} onChange={(e) => reset(setReplica)(e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="true">{t('emulationModels.replicaOnly')}</option>
            <option value="false">{t('emulationModels.originalOnly')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-campaign`}>{t('emulationModels.campaign')}</label>
          <select id={`${id}-campaign`} value={campaignId} onChange={(e) => reset(setCampaignId)(e.target.value)}>
            <option value="">{t('common.all')}</option>
            <CampaignOptions />
          </select>
        </div>
        <UnitPicker label={t('emulationModels.unitFilter')} value={unit} onChange={reset(setUnit)} />
      </form>
      {list.data && <p className="emu-listhead">{t('emulationModels.listAll', { count: formatNumber(list.data.total) })}</p>}
      {(q.trim() !== search || (list.isFetching && !list.isPending)) && <Searching />}
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.items.length === 0 && <Empty>{t('emulationModels.none')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <table className="table responsive emu-table">
          <thead>
            <tr>
              <th>{t('emulationModels.model')}</th>
              <th>{t('emulationModels.field')}</th>
              <th>{t('emulationModels.unit')}</th>
              <th>{t('emulationModels.startedOn')}</th>
              <th>{t('emulationModels.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/emulation/models/${m.id}`}>{m.title}</Link>
                  <span className="emu-subline">
                    {[kindLabel(m.kind), m.owner?.name, m.origin ? t('emulationModels.replicaOf', { title: m.origin.title ?? '' }) : null, m.replicaCount > 0 ? t('emulationModels.replicas', { count: m.replicaCount }) : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </td>
                <td data-label={t('emulationModels.field')}>{fieldLabel(m.field)}</td>
                <td data-label={t('emulationModels.unit')}>{[m.village?.name, m.unit.fullName].filter(Boolean).join(', ')}</td>
                <td data-label={t('emulationModels.startedOn')}>{m.startedOn ? formatDate(m.startedOn) : '—'}</td>
                <td data-label={t('emulationModels.status')}>
                  {statusLabel(m.status)}
                  {m.recognisedLevel && m.recognisedOn && (
                    <span className="emu-subline">{t('emulationModels.recognisedAt', { level: levelLabel(m.recognisedLevel), date: formatDate(m.recognisedOn) })}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && list.data.total > list.data.pageSize && (
        <nav className="emu-pages" aria-label={t('emulationModels.pages')}>
          <button type="button" className="button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('emulationModels.prev')}
          </button>
          <span>{t('emulationModels.pageOf', { page, pages: Math.ceil(list.data.total / list.data.pageSize) })}</span>
          <button type="button" className="button-secondary" disabled={page * list.data.pageSize >= list.data.total} onClick={() => setPage(page + 1)}>
            {t('emulationModels.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
