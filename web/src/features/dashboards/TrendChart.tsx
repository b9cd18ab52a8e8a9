import { useEffect, useId, useRef, useState } from 'react';
import type { TDashboardTrend } from '#contracts/indicators/dashboard.api.ts';
import { t } from '../../i18n/i18n.ts';
import { formatOperand, formatValue, shortPeriodLabel, targetText } from './figures.ts';

const M = { top: 16, right: 24, bottom: 34, left: 48 };

/** A round step for the value axis: 1, 2 or 5 × 10^n giving about four ticks. */
function niceStep(max: number): number {
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * power).find((step) => step >= raw) ?? raw;
}

/**
 * "Diễn biến theo kỳ": the indicator per period as an inline SVG line (gaps where a period has no value) with the
 * target as a dashed line; titled for screen readers, with the same figures as a table below.
 */
export function TrendChart({ trend }: { trend: TDashboardTrend }) {
  const id = useId();
  // drawn at the size it is shown, so its 11 px labels stay 11 px on a phone
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const W = Math.max(280, width);
  const H = W < 480 ? 200 : 240;
  const { indicator, points } = trend;
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const top = Math.max(...values, indicator.target ?? 0, 1);
  const step = niceStep(top * 1.05);
  const max = Math.ceil((top * 1.05) / step) * step;
  const min = Math.min(0, ...values);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => M.top + plotH - ((v - min) / (max - min)) * plotH;
  const ticks = Array.from({ length: Math.floor((max - min) / step) + 1 }, (_, i) => min + i * step);
  const labelEvery = Math.ceil(points.length / Math.max(3, Math.floor(plotW / 56)));
  // one path segment per run of consecutive periods with a value
  const segments: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length > 0) segments.push(run.join(' '));
      run = [];
    } else run.push(`${run.length === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`);
  });
  if (run.length > 0) segments.push(run.join(' '));
  const title = t('dashboard.trendTitle', { indicator: indicator.name, unit: trend.unit.name, period: trend.periodLabel });
  return (
    <section aria-labelledby={`${id}-h`} className="dash-trend">
      <h2 id={`${id}-h`}>{t('dashboard.trend')}</h2>
      <div ref={box}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby={`${id}-title`} className="dash-chart">
        <title id={`${id}-title`}>{title}</title>
        {ticks.map((tick) => (
          <g key={tick} className="grid">
            <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} />
            <text x={M.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatValue(tick, Number.isInteger(step) ? 0 : 1)}
            </text>
          </g>
        ))}
        {indicator.target !== null && indicator.target <= max && (
          <line className="target" x1={M.left} x2={W - M.right} y1={y(indicator.target)} y2={y(indicator.target)}>
            <title>{t('dashboard.targetLine')}</title>
          </line>
        )}
        {segments.map((d) => (
          <path key={d} d={d} className="line" />
        ))}
        {points.map((p, i) => (
          <g key={p.period}>
            {p.value !== null && (
              <circle cx={x(i)} cy={y(p.value)} r={points.length > 24 ? 2.5 : 4} className={p.apportioned ? 'point estimate' : 'point'}>
                <title>{`${p.label}: ${formatValue(p.value, indicator.decimals, p.apportioned)}`}</title>
              </circle>
            )}
            {i % labelEvery === 0 && (
              <text x={x(i)} y={H - M.bottom + 18} textAnchor="middle" className="axis">
                {shortPeriodLabel(p.period)}
              </text>
            )}
          </g>
        ))}
      </svg>
      </div>
      <ul className="dash-legend">
        <li>
          <span className="swatch-line" aria-hidden="true" />
          {t('dashboard.value')}
        </li>
        {indicator.target !== null && (
          <li>
            <span className="swatch-line target" aria-hidden="true" />
            {targetText(indicator)}
          </li>
        )}
        {points.some((p) => p.apportioned && p.value !== null) && (
          <li>
            <span className="swatch-point" aria-hidden="true" />
            {t('dashboard.estimatePoint')}
          </li>
        )}
      </ul>
      <details>
        <summary>{t('dashboard.trendTable')}</summary>
        <table className="table dash-trend-table">
          <thead>
            <tr>
              <th>{t('dashboard.period')}</th>
              <th className="num">{t('dashboard.numerator')}</th>
              <th className="num">{t('dashboard.denominator')}</th>
              <th className="num">{t('dashboard.value')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period}>
                <td>{p.label}</td>
                <td className="num">{formatOperand(p.numerator, p.apportioned)}</td>
                <td className="num">{formatOperand(p.denominator, p.apportioned)}</td>
                <td className="num">{formatValue(p.value, indicator.decimals, p.apportioned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
