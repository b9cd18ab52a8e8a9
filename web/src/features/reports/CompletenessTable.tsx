import { useState } from 'react';
import { Link } from 'react-router';
import type { TCompleteness } from '#contracts/indicators/reports.api.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { StateBadge } from './StateBadge.tsx';

/** Counts of a data set and period under the unit, then each reporting unit with its report and a link to it. */
export function CompletenessTable({ completeness: c, dataSetId }: { completeness: TCompleteness; dataSetId: number }) {
  const [onlyMissing, setOnlyMissing] = useState(false);
  const units = onlyMissing ? c.units.filter((u) => u.report === null || !['submitted', 'accepted', 'approved'].includes(u.report.state)) : c.units;
  const counts: [string, number][] = [
    [t('reports.expected'), c.expected],
    [t('reports.submitted'), c.submitted],
    [t('reports.onTime'), c.onTime],
    [t('reports.late'), c.late],
    [t('reports.approved'), c.approved],
    [t('reports.returnedCount'), c.returned],
    [t('reports.missing'), c.missing],
  ];
  return (
    <section aria-labelledby="completeness-title">
      <h2 id="completeness-title">
        {t('reports.completeness')} · {c.unit.name}
      </h2>
      <dl className="report-counts">
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {c.units.length > 1 && (
        <label className="checkbox">
          <input type="checkbox" checked={onlyMissing} onChange={(event) => setOnlyMissing(event.target.checked)} />
          {t('reports.onlyMissing')}
        </label>
      )}
      <table className="table responsive">
        <thead>
          <tr>
            <th scope="col">{t('reports.unit')}</th>
            <th scope="col">{t('reports.state')}</th>
            <th scope="col">{t('reports.submittedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('reports.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unitId}>
              <td data-label={t('reports.unit')}>
                {u.name}
                {u.parentName && <span className="muted"> · {u.parentName}</span>}
              </td>
              <td data-label={t('reports.state')}>
                {u.report ? <StateBadge state={u.report.state} late={u.report.onTime === false} /> : <span className="muted">{t('reports.notStarted')}</span>}
              </td>
              <td data-label={t('reports.submittedAt')}>{u.report?.firstSubmittedAt ? formatDateTime(u.report.firstSubmittedAt) : ''}</td>
              <td>
                <Link to={`/periodic-reports/${dataSetId}/${c.period.id}/${u.unitId}`}>
                  {u.report === null || u.report.state === 'draft' || u.report.state === 'returned' ? t('reports.enter') : t('reports.open')}
                  <span className="visually-hidden"> {u.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
