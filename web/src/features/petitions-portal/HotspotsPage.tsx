import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CASE_FLAGS, CASE_KINDS } from '#contracts/petitions/case.schemas.ts';
import type { THotspotQuery } from '#contracts/petitions/portal.schemas.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { usePortalForm, useHotspots } from './portal.api.ts';
import './portal.css';

/**
 * Cases per commune (2025) of a province, with filters: circles on the province outline, and the table.
 * `?flag=hot_spot&commune=<id>` (the link from a sentiment alert) opens it on one flag and one commune's row.
 */
export function HotspotsPage() {
  const id = useId();
  usePageTitle(t('hotspots.title'));
  const [params] = useSearchParams();
  const flagParam = CASE_FLAGS.find((f) => f === params.get('flag'));
  const onlyCommune = Number(params.get('commune')) || null;
  const [query, setQuery] = useState<THotspotQuery>(flagParam ? { flag: flagParam } : {});
  const hotspots = useHotspots(query);
  const data = hotspots.data;
  const fields = usePortalForm(data?.province.id ?? null);
  const set = (patch: Partial<THotspotQuery>) => setQuery((q) => Object.fromEntries(Object.entries({ ...q, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as THotspotQuery);
  const most = Math.max(1, ...(data?.communes.map((c) => c.cases) ?? [1]));
  const unit = data?.map ? Number(data.map.viewBox.split(' ')[2]) / 60 : 1;
  return (
    <section>
      <h1>{t('hotspots.title')}</h1>
      <div className="hotspot-filters">
        {data && data.provinces.length > 1 && (
          <label htmlFor={`${id}-p`}>
            {t('hotspots.province')}
            <select id={`${id}-p`} value={data.province.id} onChange={(e) => set({ provinceId: Number(e.target.value) })}>
              {data.provinces.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label htmlFor={`${id}-f`}>
          {t('hotspots.field')}
          <select id={`${id}-f`} value={query.fieldId ?? ''} onChange={(e) => set({ fieldId: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t('hotspots.all')}</option>
            {fields.data?.fields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-k`}>
          {t('hotspots.kind')}
          <select id={`${id}-k`} value={query.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || undefined) as THotspotQuery['kind'] })}>
            <option value="">{t('hotspots.all')}</option>
            {CASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`portal.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-g`}>
          {t('hotspots.flag')}
          <select id={`${id}-g`} value={query.flag ?? ''} onChange={(e) => set({ flag: (e.target.value || undefined) as THotspotQuery['flag'] })}>
            <option value="">{t('hotspots.all')}</option>
            {CASE_FLAGS.map((f) => (
              <option key={f} value={f}>
                {t(`hotspots.flag.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <div>
          <label htmlFor={`${id}-from`}>{t('hotspots.from')}</label>
          <DateField id={`${id}-from`} value={query.from ?? ''} onChange={(iso) => set({ from: iso || undefined })} />
        </div>
        <div>
          <label htmlFor={`${id}-to`}>{t('hotspots.to')}</label>
          <DateField id={`${id}-to`} value={query.to ?? ''} onChange={(iso) => set({ to: iso || undefined })} />
        </div>
      </div>
      {hotspots.isPending && <Loading />}
      <ErrorMessage error={hotspots.error} />
      {data && (
        <>
          <p>{t('hotspots.total', { total: formatNumber(data.total) })}</p>
          {data.withoutCommune > 0 && <p className="hint">{t('hotspots.withoutCommune', { count: formatNumber(data.withoutCommune) })}</p>}
          {data.map && (
            <svg viewBox={data.map.viewBox} className="hotspot-map" role="group" aria-labelledby={`${id}-mt`}>
              <title id={`${id}-mt`}>{t('hotspots.mapTitle', { province: data.province.name })}</title>
              <path d={data.map.path} className="province" />
              {data.communes
                .filter((c) => c.x !== null && c.y !== null)
                .map((c) => (
                  <circle key={c.communeId} cx={c.x ?? 0} cy={c.y ?? 0} r={unit * (0.35 + 1.65 * Math.sqrt(c.cases / most))}>
                    <title>{t('hotspots.marker', { name: c.name, count: c.cases })}</title>
                  </circle>
                ))}
            </svg>
          )}
          <p className="hint">{t('hotspots.mapNote')}</p>
          {data.communes.length === 0 ? (
            <p>{t('hotspots.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('hotspots.commune')}</th>
                    <th scope="col" className="num">{t('hotspots.cases')}</th>
                    <th scope="col" className="num">{t('hotspots.open')}</th>
                    <th scope="col" className="num">{t('hotspots.crowd')}</th>
                    <th scope="col" className="num">{t('hotspots.hotSpot')}</th>
                    <th scope="col" className="num">{t('hotspots.located')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.communes.filter((c) => onlyCommune === null || c.communeId === onlyCommune).map((c) => (
                    <tr key={c.communeId}>
                      <th scope="row">{c.name}</th>
                      <td className="num">{formatNumber(c.cases)}</td>
                      <td className="num">{formatNumber(c.open)}</td>
                      <td className="num">{formatNumber(c.crowd)}</td>
                      <td className="num">{formatNumber(c.hotSpot)}</td>
                      <td className="num">{formatNumber(c.located)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {onlyCommune !== null && (
                <p>
                  <Link to="/petitions/hotspots">{t('hotspots.allCommunes')}</Link>
                </p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
