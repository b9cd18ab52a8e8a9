import { useId, useState } from 'react';
import type { TEvaluationQuery, TTargetUnits } from '#contracts/programmes/targets.api.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { figureText, formatFigure, thresholdFor } from './programme-text.ts';
import { useTargetUnits } from './programmes.api.ts';
import { TargetStatus } from './StatusBadge.tsx';

/** Laggards listed before the user asks for more. */
const TOP = 10;
const W = 320;
const H = 150;
const M = { top: 12, right: 12, bottom: 26, left: 40 };

/** The figure at the unit over the programme's years (a line, the threshold dashed), with the same figures as a table. */
function Trend({ data }: { data: TTargetUnits }) {
  const id = useId();
  const points = data.trend;
  const values = points.flatMap((p) => [p.figure.value, p.threshold].filter((v): v is number => v !== null));
  if (points.length === 0) return null;
  const max = Math.max(1, ...values) * 1.1;
  const min = Math.min(0, ...values);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => M.top + plotH - ((v - min) / (max - min)) * plotH;
  const line = points
    .map((p, i) => (p.figure.value === null ? null : `${x(i).toFixed(1)},${y(p.figure.value).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  const thresholds = points.map((p, i) => (p.threshold === null ? null : `${x(i).toFixed(1)},${y(p.threshold).toFixed(1)}`)).filter((p): p is string => p !== null);
  return (
    <section aria-labelledby={`${id}-h`} className="prog-trend">
      <h4 id={`${id}-h`}>{t('programmes.trend', { unit: data.unit.name })}</h4>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`} className="prog-chart">
        <title id={`${id}-title`}>{t('programmes.trendTitle', { unit: data.unit.name, code: data.target.code })}</title>
        <line x1={M.left} x2={W - M.right} y1={y(min)} y2={y(min)} className="axis" />
        <text x={M.left - 4} y={y(max / 1.1) + 4} textAnchor="end">
          {formatFigure(Math.round(max / 1.1))}
        </text>
        <text x={M.left - 4} y={y(min) + 4} textAnchor="end">
          {formatFigure(min)}
        </text>
        {thresholds.length > 1 && <polyline points={thresholds.join(' ')} className="threshold" />}
        {line.length > 1 && <polyline points={line.join(' ')} className="line" />}
        {points.map((p, i) => (
          <g key={p.year}>
            {p.figure.value !== null && <circle cx={x(i)} cy={y(p.figure.value)} r={3.5} className="point" />}
            <text x={x(i)} y={H - 8} textAnchor="middle">
              {p.year}
            </text>
          </g>
        ))}
      </svg>
      <ul className="prog-legend">
        <li>
          <span className="swatch-line" aria-hidden="true" />
          {t('programmes.figure')}
        </li>
        <li>
          <span className="swatch-line threshold" aria-hidden="true" />
          {t('programmes.threshold')}
        </li>
      </ul>
      <details>
        <summary>{t('programmes.trendTable')}</summary>
      <table className="table responsive prog-trend-table">
        <thead>
          <tr>
            <th>{t('programmes.year')}</th>
            <th className="num">{t('programmes.figure')}</th>
            <th className="num">{t('programmes.threshold')}</th>
            <th>{t('programmes.status')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.year}>
              <td className="prog-unit-name">{p.year}</td>
              <td className="num" data-label={t('programmes.figure')}>
                {figureText(p.figure, data.target.rule)}
              </td>
              <td className="num" data-label={t('programmes.threshold')}>
                {thresholdFor(data.target.comparator, p.threshold, data.target.rule)}
              </td>
              <td data-label={t('programmes.status')}>
                <TargetStatus status={p.status} projected={p.basis === 'projected'} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </details>
    </section>
  );
}

/**
 * A target's drill-down: the units of the chosen level that pull the figure down (not met and at risk, furthest
 * from the threshold first, as the server orders them), with their figures; every unit on request; the trend.
 */
export function TargetDrill({ programmeId, targetId, query }: { programmeId: number; targetId: number; query: TEvaluationQuery }) {
  const id = useId();
  const [shown, setShown] = useState<'top' | 'laggards' | 'all'>('top');
  const drill = useTargetUnits(programmeId, targetId, query);
  const data = drill.data;
  const laggards = data?.rows.filter((row) => row.status === 'not_met' || row.status === 'at_risk') ?? [];
  const rows = shown === 'all' ? (data?.rows ?? []) : shown === 'laggards' ? laggards : laggards.slice(0, TOP);
  const levelUnits = data ? t(`programmes.levelUnits.${data.level}`) : '';
  return (
    <div className="prog-drill">
      {drill.isPending && <Loading />}
      <ErrorMessage error={drill.error} />
      {data && (
        <>
          <section aria-labelledby={`${id}-h`}>
            <h3 id={`${id}-h`}>{t('programmes.laggards', { units: levelUnits, code: data.target.code })}</h3>
            <p className="hint">{t('programmes.laggardsHint', { count: formatNumber(laggards.length), total: formatNumber(data.rows.length), units: levelUnits })}</p>
            {rows.length === 0 && <Empty>{data.rows.length === 0 ? t('programmes.noUnits') : t('programmes.noLaggards', { units: levelUnits })}</Empty>}
            {rows.length > 0 && (
              <table className="table responsive prog-drill-table">
                <thead>
                  <tr>
                    <th>{t('programmes.unit')}</th>
                    <th className="num">{t('programmes.figure')}</th>
                    <th className="num">{t('programmes.threshold')}</th>
                    <th className="num">{t('programmes.gap')}</th>
                    <th>{t('programmes.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.unitId}>
                      <td className="prog-unit-name">{row.name}</td>
                      <td className="num" data-label={t('programmes.figure')}>
                        {figureText(row.figure, data.target.rule)}
                      </td>
                      <td className="num" data-label={t('programmes.threshold')}>
                        {thresholdFor(row.comparator, row.threshold, data.target.rule)}
                      </td>
                      <td className="num" data-label={t('programmes.gap')}>
                        {row.gap === null || row.gap <= 0 ? t('common.none') : formatFigure(row.gap)}
                      </td>
                      <td data-label={t('programmes.status')}>
                        <TargetStatus status={row.status} projected={row.basis === 'projected'} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="prog-buttons">
              {shown === 'top' && laggards.length > TOP && (
                <button type="button" className="button-secondary button-small" onClick={() => setShown('laggards')}>
                  {t('programmes.showLaggards', { count: formatNumber(laggards.length) })}
                </button>
              )}
              {shown !== 'all' && data.rows.length > laggards.length && (
                <button type="button" className="button-secondary button-small" onClick={() => setShown('all')}>
                  {t('programmes.showAllUnits', { count: formatNumber(data.rows.length) })}
                </button>
              )}
            </div>
          </section>
          <Trend data={data} />
        </>
      )}
    </div>
  );
}
