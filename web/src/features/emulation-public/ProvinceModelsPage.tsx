import { useId, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { MODEL_FIELDS, MODEL_KINDS, RECOGNITION_LEVELS, type TModelField, type TModelKind, type TRecognitionLevel } from '#contracts/emulation/enums.ts';
import type { TPublicModelQuery, TPublicModels } from '#contracts/emulation/public.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { usePublicModels } from './emulation-public.api.ts';
import { ModelCard, ProvinceMap } from './ModelParts.tsx';
import './emulation-public.css';

const FILTER_KEYS = ['field', 'level', 'kind', 'communeId', 'q'] as const;

/** The filters of the list, from the address (so a filtered list can be shared and reloaded). */
function queryOf(params: URLSearchParams): TPublicModelQuery {
  const query: Record<string, string | number> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) query[key] = key === 'communeId' ? Number(value) : value;
  }
  const page = Number(params.get('page') ?? '1');
  if (page > 1) query.page = page;
  return query as TPublicModelQuery;
}

/** The published models of a province: filters, counts by field × level, the map, the list. */
export function ProvinceModelsPage() {
  const id = useId();
  const provinceId = Number(useParams().provinceId);
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const models = usePublicModels(provinceId, query);
  const data = models.data;
  usePageTitle(data ? t('dvk.provinceTitle', { province: data.province.name }) : t('dvk.title'));

  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    set({ q: String(new FormData(event.currentTarget).get('q') ?? '').trim() });
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  return (
    <main className="dvk">
      <p>
        <Link to="/dan-van-kheo">{t('dvk.otherProvince')}</Link>
      </p>
      <h1>{data ? t('dvk.provinceTitle', { province: data.province.name }) : t('dvk.title')}</h1>
      {models.isPending && <Loading />}
      <ErrorMessage error={models.error} />
      {data && (
        <>
          <div className="dvk-filters">
            <Choice id={`${id}-f`} label={t('dvk.field')} value={query.field ?? ''} onChange={(v) => set({ field: v })}
              options={MODEL_FIELDS.map((f: TModelField) => [f, t(`dvk.field.${f}`)])} />
            <Choice id={`${id}-l`} label={t('dvk.level')} value={query.level ?? ''} onChange={(v) => set({ level: v })}
              options={RECOGNITION_LEVELS.map((l: TRecognitionLevel) => [l, t(`dvk.level.${l}`)])} />
            <Choice id={`${id}-k`} label={t('dvk.kind')} value={query.kind ?? ''} onChange={(v) => set({ kind: v })}
              options={MODEL_KINDS.map((k: TModelKind) => [k, t(`dvk.kind.${k}`)])} />
            <Choice id={`${id}-c`} label={t('dvk.commune')} value={query.communeId ? String(query.communeId) : ''} onChange={(v) => set({ communeId: v })}
              options={data.communes.map((c) => [String(c.id), `${c.name} (${formatNumber(c.models)})`])} />
            <form onSubmit={search} role="search" className="dvk-search">
              <label htmlFor={`${id}-q`}>{t('dvk.words')}</label>
              <span>
                <input id={`${id}-q`} name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} key={query.q ?? ''} />
                <button type="submit">{t('dvk.search')}</button>
              </span>
            </form>
          </div>
          <p role="status">{t('dvk.total', { total: formatNumber(data.total) })}</p>
          {data.items.length === 0 ? (
            <p>{t('dvk.none')}</p>
          ) : (
            <ul className="dvk-cards">
              {data.items.map((model) => (
                <ModelCard key={model.id} model={model} />
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav className="dvk-pager" aria-label={t('dvk.pageOf', { page, pages })}>
              <button type="button" className="secondary" disabled={page <= 1} onClick={() => set({ page: String(page - 1) })}>
                {t('dvk.previous')}
              </button>
              <span>{t('dvk.pageOf', { page, pages })}</span>
              <button type="button" className="secondary" disabled={page >= pages} onClick={() => set({ page: String(page + 1) })}>
                {t('dvk.next')}
              </button>
            </nav>
          )}
          <div className="dvk-overview">
            {data.map && (
              <section>
                <ProvinceMap map={data.map} points={data.points} provinceId={data.province.id} title={t('dvk.mapTitle', { province: data.province.name })} />
                {data.points.length > 0 && <p className="hint">{t('dvk.mapNote')}</p>}
              </section>
            )}
            <Counts counts={data.counts} />
          </div>
        </>
      )}
    </main>
  );
}

function Choice({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: [string, string][]; onChange: (value: string) => void }) {
  return (
    <span className="dvk-choice">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('dvk.all')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Published models by field (rows) × level (columns), with totals. */
function Counts({ counts }: { counts: TPublicModels['counts'] }) {
  if (counts.length === 0) return null;
  const of = (field: string | null, level: string | null) =>
    counts.filter((c) => (field === null || c.field === field) && (level === null || c.level === level)).reduce((sum, c) => sum + c.models, 0);
  const levels = RECOGNITION_LEVELS.filter((l) => of(null, l) > 0);
  return (
    <section>
      <h2 id="dvk-counts">{t('dvk.countsTitle')}</h2>
      <div className="table-scroll">
        <table className="table" aria-labelledby="dvk-counts">
          <thead>
            <tr>
              <th scope="col">{t('dvk.field')}</th>
              {levels.map((l) => (
                <th key={l} scope="col" className="num">
                  {t(`dvk.level.${l}`)}
                </th>
              ))}
              <th scope="col" className="num">{t('dvk.countsTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {MODEL_FIELDS.map((f) => (
              <tr key={f}>
                <th scope="row">{t(`dvk.field.${f}`)}</th>
                {levels.map((l) => (
                  <td key={l} className="num">{formatNumber(of(f, l))}</td>
                ))}
                <td className="num">{formatNumber(of(f, null))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('dvk.countsTotal')}</th>
              {levels.map((l) => (
                <td key={l} className="num">{formatNumber(of(null, l))}</td>
              ))}
              <td className="num">{formatNumber(of(null, null))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
