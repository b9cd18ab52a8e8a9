import { Link } from 'react-router';
import type { TDashboardChildren } from '#contracts/indicators/dashboard.api.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { dashboardHref, toQuery, type DashboardParams } from './dashboard-params.ts';
import { exportUrl } from './dashboards.api.ts';
import { formatOperand, formatValue, standing, targetText } from './figures.ts';

/** Units above (links where the user may go), the unit, its total against the target, and the Excel link. */
export function DashboardHeader({ data, params }: { data: TDashboardChildren; params: DashboardParams }) {
  const { indicator, total } = data;
  const state = standing(total, indicator);
  const query = toQuery(params);
  const crumbs = [
    ...(data.nationReachable && data.unit.id !== null ? [{ id: null as number | null, name: t('dashboard.nation'), reachable: true }] : []),
    ...data.ancestors,
  ];
  return (
    <header className="dash-head">
      {crumbs.length > 0 && (
        <nav aria-label={t('dashboard.breadcrumb')} className="dash-breadcrumb">
          <ol>
            {crumbs.map((crumb) => (
              <li key={crumb.id ?? 'nation'}>
                {crumb.reachable ? <Link to={dashboardHref({ ...params, unitId: crumb.id })}>{crumb.name}</Link> : crumb.name}
              </li>
            ))}
            <li aria-current="page">{data.unit.id === null ? t('dashboard.nation') : data.unit.name}</li>
          </ol>
        </nav>
      )}
      <h2 className="dash-unit">{data.unit.id === null ? t('dashboard.nation') : data.unit.name}</h2>
      <p className="muted">
        {data.periodLabel} · {t(data.view === 'current' ? 'dashboard.asOfNote' : 'dashboard.asOfEntered', { date: formatDate(data.asOf) })}
      </p>
      <div className="dash-summary">
        <p className={`dash-total standing-${state}`}>
          <span className="dash-total-value">
            {formatValue(total.value, indicator.decimals, total.apportioned)}
            {total.value !== null && indicator.unitOfMeasure ? ` ${indicator.unitOfMeasure}` : ''}
          </span>
          <span className="dash-total-label">{t('dashboard.overall')}</span>
        </p>
        <div className="dash-facts">
          <p>
            <strong>{targetText(indicator)}</strong>
            {state !== 'untargeted' && <span className={`badge standing-badge-${state}`}>{t(state === 'none' ? 'dashboard.noData' : `dashboard.${state}`)}</span>}
          </p>
          {total.hasData && (
            <p className="muted">
              {t('dashboard.ratio', { numerator: formatOperand(total.numerator, total.apportioned), denominator: formatOperand(total.denominator, total.apportioned) })}
            </p>
          )}
          {query && (
            <a className="button button-secondary button-small" href={exportUrl(query)} download>
              {t('dashboard.export')}
            </a>
          )}
        </div>
      </div>
    </header>
  );
}
