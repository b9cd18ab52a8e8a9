import { useId } from 'react';
import { useNavigate } from 'react-router';
import type { TDashboardChildren, TDashboardFigures } from '#contracts/indicators/dashboard.api.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { dashboardHref, type DashboardParams } from './dashboard-params.ts';
import { useProvinceOutlines } from './dashboards.api.ts';
import { formatValue, shade, standing } from './figures.ts';

/** Fill class of a province: its standing against the target, or a shade of blue without a target. */
function fillClass(figures: TDashboardFigures | undefined, data: TDashboardChildren, range: { min: number; max: number }): string {
  if (!figures) return 'fill-none';
  const state = standing(figures, data.indicator);
  if (state === 'untargeted') return `fill-shade-${shade(figures.value as number, range.min, range.max)}`;
  return `fill-${state}`;
}

/**
 * Choropleth of the 34 provinces (outlines from resources/admin-units, projected by the server, inline SVG, no map
 * host). For the nation each province is coloured by its value and opens its dashboard; for a province, it is
 * shown alone in colour on the country.
 */
export function ProvinceMap({ data, params }: { data: TDashboardChildren; params: DashboardParams }) {
  const id = useId();
  const navigate = useNavigate();
  const outlines = useProvinceOutlines(true);
  const nation = data.unit.id === null;
  const byCode = new Map<string, { figures: TDashboardFigures; unitId: number | null; name: string }>(
    nation
      ? data.rows.flatMap((row) => (row.code ? [[row.code, { figures: row, unitId: row.unitId, name: row.name }]] : []))
      : data.unit.code
        ? [[data.unit.code, { figures: data.total, unitId: data.unit.id, name: data.unit.name }]]
        : [],
  );
  const values = [...byCode.values()].flatMap((entry) => (entry.figures.value === null ? [] : [entry.figures.value]));
  const range = { min: Math.min(...values), max: Math.max(...values) };
  const untargeted = data.indicator.target === null;
  const title = nation ? t('dashboard.mapTitle', { indicator: data.indicator.name }) : t('dashboard.mapLocator', { unit: data.unit.name });
  return (
    <section aria-labelledby={`${id}-h`} className="dash-map">
      <h2 id={`${id}-h`}>{t('dashboard.map')}</h2>
      {outlines.isPending && <Loading />}
      <ErrorMessage error={outlines.error} />
      {outlines.data && (
        <svg viewBox={outlines.data.viewBox} role="group" aria-labelledby={`${id}-title`} className="dash-map-svg">
          <title id={`${id}-title`}>{title}</title>
          {outlines.data.provinces.map((province) => {
            const entry = byCode.get(province.code);
            const label = entry ? `${entry.name}: ${formatValue(entry.figures.value, data.indicator.decimals, entry.figures.apportioned)}` : province.name;
            // on a province's map the other provinces are only context, not "no data"
            const fill = !nation && !entry ? 'fill-context' : fillClass(entry?.figures, data, range);
            const shape = <path d={province.path} className={`province ${fill}`} />;
            if (!nation || !entry) {
              return (
                <g key={province.code} aria-hidden={entry ? undefined : true}>
                  <title>{label}</title>
                  {shape}
                </g>
              );
            }
            const href = dashboardHref({ ...params, unitId: entry.unitId });
            return (
              <a
                key={province.code}
                href={href}
                aria-label={label}
                onClick={(event) => {
                  event.preventDefault();
                  void navigate(href);
                }}
              >
                <title>{label}</title>
                {shape}
              </a>
            );
          })}
        </svg>
      )}
      {nation && (
      <ul className="dash-legend" aria-label={t('dashboard.legend')}>
        {untargeted ? (
          <>
            <li>
              <span className="swatch fill-shade-1" aria-hidden="true" />
              {t('dashboard.legendLow')}
            </li>
            <li>
              <span className="swatch fill-shade-4" aria-hidden="true" />
              {t('dashboard.legendHigh')}
            </li>
          </>
        ) : (
          (['reached', 'near', 'short'] as const).map((state) => (
            <li key={state}>
              <span className={`swatch fill-${state}`} aria-hidden="true" />
              {t(`dashboard.${state}`)}
            </li>
          ))
        )}
        <li>
          <span className="swatch fill-none" aria-hidden="true" />
          {t('dashboard.noData')}
        </li>
      </ul>
      )}
    </section>
  );
}
