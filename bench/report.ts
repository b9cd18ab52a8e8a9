import type { BenchDatabase } from './db.ts';
import type { Machine } from './machine.ts';

/** What every benchmark receives from bench/run.ts. */
export interface BenchContext {
  bench: BenchDatabase;
  machine: Machine;
  /** 'YYYY-MM-DD' the run treats as "today" (the as-of date of current-structure queries). */
  today: string;
}

/** A stated target and whether this run met it. */
export interface Verdict {
  target: string;
  met: boolean;
  detail: string;
}

/** What a benchmark hands back: a table, a few notes, verdicts; bench/run.ts prints and records it. */
export interface BenchReport {
  title: string;
  table: string[][];
  /** Further tables, each under a one-line caption. */
  extraTables?: { caption: string; rows: string[][] }[];
  notes: string[];
  verdicts: Verdict[];
  /** Two or three sentences: what the figures mean. */
  interpretation: string;
  /** Preformatted text (a plan), shown in a code block. */
  block?: string;
}

/** A benchmark module under bench/: `*.bench.ts` exporting these. */
export interface BenchModule {
  /** Run order (lower first). */
  order: number;
  run(ctx: BenchContext): Promise<BenchReport>;
}

/** The q-quantile (0…1) of samples, nearest-rank on a sorted copy. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Milliseconds with a precision that suits the magnitude. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** A ratio as "0.97×". */
export const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');

/** Whole numbers with thin grouping: 12 345. */
export const count = (value: number) => Math.round(value).toLocaleString('en-US').replaceAll(',', ' ');

/** A GitHub-flavoured markdown table (also readable in a terminal: columns padded). */
export function markdownTable(rows: string[][]): string {
  const [header, ...body] = rows;
  if (!header) return '';
  const widths = header.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length), 3));
  const line = (row: string[]) => `| ${header.map((_, col) => (row[col] ?? '').padEnd(widths[col] as number)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** The report as markdown: heading, table(s), block, notes (verdicts and interpretation go in the summary). */
export function renderReport(report: BenchReport, heading = '###'): string {
  const parts = [`${heading} ${report.title}`, '', markdownTable(report.table)];
  for (const extra of report.extraTables ?? []) parts.push('', extra.caption, '', markdownTable(extra.rows));
  if (report.block) parts.push('', '```', report.block, '```');
  if (report.notes.length > 0) parts.push('', ...report.notes.map((note) => `- ${note}`));
  return parts.join('\n');
}

/** Targets met or not, then each benchmark's interpretation. */
export function renderSummary(reports: BenchReport[]): string {
  const verdicts = reports.flatMap((report) => report.verdicts);
  return [
    '**Targets**',
    '',
    ...verdicts.map((v) => `- ${v.met ? '✅ met' : '❌ not met'}: ${v.target}: ${v.detail}.`),
    '',
    '**Interpretation**',
    '',
    ...reports.map((report) => `- ${report.title}: ${report.interpretation}`),
  ].join('\n');
}
