import { useState } from 'react';
import { Link } from 'react-router';
import type { TDashboardChildren, TDashboardRow } from '#contracts/indicators/dashboard.api.ts';
import { Empty } from '../../components/Status.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { dashboardHref, type DashboardParams } from './dashboard-params.ts';
import { formatOperand, formatValue, standing } from './figures.ts';

type SortKey = 'gap' | 'name' | 'numerator' | 'denominator' | 'value';
interface Sort {
  key: SortKey;
  ascending: boolean;
}

const COLUMNS: { key: SortKey; label: MessageKey; numeric: boolean }[] = [
  { key: 'name', label: 'dashboard.unit', numeric: false },
  { key: 'numerator', label: 'dashboard.numerator', numeric: true },
  { key: 'denominator', label: 'dashboard.denominator', numeric: true },
  { key: 'value', label: 'dashboard.value', numeric: true },
  { key: 'gap', label: 'dashboard.gap', numeric: true },
];

/** Rows in the chosen order; the server's order (furthest from the target first) for 'gap' descending. Nulls last. */
function sorted(rows: readonly TDashboardRow[], sort: Sort): TDashboardRow[] {
  if (sort.key === 'gap' && !sort.ascending) return [...rows];
  const collator = new Intl.Collator('vi');
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') return (sort.ascending ? 1 : -1) * collator.compare(a.name, b.name);
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
    return (sort.ascending ? 1 : -1) * (x - y) || collator.compare(a.name, b.name);
  });
}

/**
 * The children table: sortable, "≈" before estimates (explained by `note`), "—" without data; a name opens that
 * unit's dashboard.
 */
export function ChildrenTable({ data, params, note }: { data: TDashboardChildren; params: DashboardParams; note?: string | undefined }) {
  const [sort, setSort] = useState<Sort>({ key: 'gap', ascending: false });
  const { indicator } = data;
  const hasTarget = indicator.target !== null;
  const columns = COLUMNS.filter((column) => column.key !== 'gap' || hasTarget);
  if (data.rows.length === 0) return <Empty>{t('dashboard.noChildren')}</Empty>;
  const toggle = (key: SortKey) =>
    setSort((current) => (current.key === key ? { key, ascending: !current.ascending } : { key, ascending: key === 'name' }));
  const cell = (row: TDashboardRow, key: SortKey) =>
    key === 'value' ? formatValue(row.value, indicator.decimals, row.apportioned) : key === 'gap' ? formatValue(row.gap, indicator.decimals) : formatOperand(row[key as 'numerator' | 'denominator'], row.apportioned);
  return (
    <section aria-labelledby="dash-children">
      <h2 id="dash-children">{t('dashboard.children')}</h2>
      <p className="hint">{t('dashboard.drillHint')}</p>
      {note && <p className="footnote">{note}</p>}
      <table className="table responsive dash-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                className={column.numeric ? 'num' : undefined}
                aria-sort={sort.key === column.key ? (sort.ascending ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" className="sort-button" onClick={() => toggle(column.key)} title={t('dashboard.sortBy', { column: t(column.label) })}>
                  {t(column.label)}
                  <span aria-hidden="true">{sort.key === column.key ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted(data.rows, sort).map((row) => (
            <tr key={row.unitId} className={`standing-row-${standing(row, indicator)}`}>
              <td className="dash-name">
                <Link to={dashboardHref({ ...params, unitId: row.unitId })}>{row.name}</Link>
                {row.childCount > 0 && <span className="muted dash-count"> {t('dashboard.subUnits', { count: formatNumber(row.childCount) })}</span>}
              </td>
              {columns.slice(1).map((column) => (
                <td key={column.key} data-label={t(column.label)} className="num">
                  <span>
                    {column.key === 'value' && <span className={`dot standing-${standing(row, indicator)}`} aria-hidden="true" />}
                    {cell(row, column.key)}
                    {column.key === 'value' && row.apportioned && <span className="visually-hidden"> ({t('dashboard.estimateLabel')})</span>}
                    {column.key === 'value' && row.value === null && <span className="visually-hidden"> ({t('dashboard.noData')})</span>}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
