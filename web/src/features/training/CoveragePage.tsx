import { useId, useState, type FormEvent } from 'react';
import { GROUP_TARGETS, TRAINING_GROUPS, TRAINING_WINDOWS, type TTrainingGroup, type TTrainingWindow } from '#contracts/training/rules.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { UnitPicker, type PickedUnit } from '../units/UnitPicker.tsx';
import { TrainingNav } from './TrainingNav.tsx';
import { dueExportUrl, useCoverage, useDueList } from './training.api.ts';
import './training.css';

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${formatNumber(Math.round((part / whole) * 1000) / 10)}%`);

/** Coverage of a group of roles under a unit (by commune) within a window, and who is not yet trained. */
export function CoveragePage() {
  usePageTitle(t('training.coverage.title'));
  const id = useId();
  const me = useMe();
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [group, setGroup] = useState<TTrainingGroup>('cell_secretary_village_head');
  const [window, setWindow] = useState<TTrainingWindow>(GROUP_TARGETS.cell_secretary_village_head.window);
  const [asOf, setAsOf] = useState('');
  const [query, setQuery] = useState<{ unitId?: number; group: TTrainingGroup; window: TTrainingWindow; asOf?: string } | null>(null);
  const coverage = useCoverage(query);
  const due = useDueList(query);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ group, window, ...(unit ? { unitId: unit.id } : {}), ...(asOf ? { asOf } : {}) });
  };
  const unitName = unit?.fullName ?? me?.unitName ?? '';
  return (
    <section className="tr-page">
      <div className="page-head">
        <h1>{t('training.coverage.title')}</h1>
      </div>
      <TrainingNav />
      <form className="form panel" onSubmit={submit}>
        <UnitPicker label={`${t('training.coverage.unit')}${unitName ? ` (${unitName})` : ''}`} value={unit} onChange={setUnit} />
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-group`}>{t('training.coverage.group')}</label>
            <select
              id={`${id}-group`}
              value={group}
              onChange={(e) => {
                const next = e.target.value as TTrainingGroup;
                setGroup(next);
                setWindow(GROUP_TARGETS[next].window);
              }}
            >
              {TRAINING_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`training.group.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-window`}>{t('training.coverage.window')}</label>
            <select id={`${id}-window`} value={window} onChange={(e) => setWindow(e.target.value as TTrainingWindow)}>
              {TRAINING_WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {t(`training.window.${w}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-asof`}>{t('training.coverage.asOf')}</label>
            <DateField id={`${id}-asof`} value={asOf} onChange={setAsOf} />
          </div>
        </div>
        <div className="buttons">
          <button type="submit">{t('training.coverage.show')}</button>
        </div>
      </form>
      {query && coverage.isPending && <Loading />}
      <ErrorMessage error={coverage.error} />
      {coverage.data && (
        <section aria-labelledby={`${id}-cov`}>
          <h2 id={`${id}-cov`}>
            {t(`training.group.${coverage.data.group}`)} · {coverage.data.unitName}
          </h2>
          <p role="status">
            {t('training.coverage.summary', {
              trained: formatNumber(coverage.data.trained),
              holders: formatNumber(coverage.data.holders),
              percent: percent(coverage.data.trained, coverage.data.holders),
              target: coverage.data.targetPercent,
            })}{' '}
            {t(`training.window.${coverage.data.window}`)}, {formatDate(coverage.data.asOf)}.
          </p>
          {coverage.data.rows.length === 0 ? (
            <Empty>{t('training.coverage.none')}</Empty>
          ) : (
            <table className="table responsive">
              <thead>
                <tr>
                  <th>{t('training.coverage.col.unit')}</th>
                  <th className="num">{t('training.coverage.col.holders')}</th>
                  <th className="num">{t('training.coverage.col.trained')}</th>
                  <th className="num">{t('training.coverage.col.percent')}</th>
                </tr>
              </thead>
              <tbody>
                {coverage.data.rows.map((row) => (
                  <tr key={row.unitId} className={row.holders > 0 && (row.trained * 100) / row.holders < coverage.data.targetPercent ? 'tr-below' : undefined}>
                    <td>{row.unitName}</td>
                    <td className="num" data-label={t('training.coverage.col.holders')}>
                      {formatNumber(row.holders)}
                    </td>
                    <td className="num" data-label={t('training.coverage.col.trained')}>
                      {formatNumber(row.trained)}
                    </td>
                    <td className="num" data-label={t('training.coverage.col.percent')}>
                      {percent(row.trained, row.holders)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {due.data && query && (
        <section aria-labelledby={`${id}-due`}>
          <h2 id={`${id}-due`}>{t('training.due.title', { count: formatNumber(due.data.total) })}</h2>
          {due.data.total > 0 && (
            <p>
              <a href={dueExportUrl(query)} download>
                {t('training.due.export')}
              </a>
            </p>
          )}
          {due.data.people.length === 0 ? (
            <Empty>{t('training.due.none')}</Empty>
          ) : (
            <table className="table responsive" aria-labelledby={`${id}-due`}>
              <thead>
                <tr>
                  <th>{t('training.col.name')}</th>
                  <th className="num">{t('training.col.birthYear')}</th>
                  <th>{t('training.due.col.title')}</th>
                  <th>{t('training.col.unit')}</th>
                  <th>{t('training.due.col.last')}</th>
                  <th>{t('training.due.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {due.data.people.map((p) => (
                  <tr key={p.personId}>
                    <td>{p.fullName}</td>
                    <td className="num" data-label={t('training.col.birthYear')}>
                      {p.birthYear ?? ''}
                    </td>
                    <td data-label={t('training.due.col.title')}>
                      {p.title}
                      <span className="tr-subline">{p.organizationName}</span>
                    </td>
                    <td data-label={t('training.col.unit')}>{p.unitName}</td>
                    <td data-label={t('training.due.col.last')}>{p.lastTrainedOn ? formatDate(p.lastTrainedOn) : '—'}</td>
                    <td data-label={t('training.due.col.status')}>{t(`training.status.${p.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </section>
  );
}
