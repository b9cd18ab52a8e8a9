import type { Random } from '#server/demo/random.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import type { ValueWrite } from '../value-store.ts';
import type { DemoDataSet } from './demo-catalogue.ts';
import { draftRows, misfiledCells, type Cell } from './demo-figures.ts';
import type { DemoActor, Timeline } from './demo-timeline.ts';
import type * as repo from './indicators-demo.repository.ts';

/** How the demo's reports become rows: the report, its history and its values, gathered before any write. */

/** A commune reporting a period, with its villages valid on the period's last day. */
export type ReportingCommune = repo.TerritoryCommune & { villages: { id: number; name: string }[] };

/** A report's rows: one for a commune form, one per village for a village-level form. */
export type Rows = { unitId: number; cells: Cell[] }[];

export interface ReportContext {
  provinceId: number;
  dataSets: Map<string, number>;
  elements: Map<string, repo.StoredElement>;
  userOf: (actor: DemoActor, communeId: number) => number;
}

/** Everything the step writes, gathered first so that each table gets a few large statements. */
export class Gathered {
  reports: repo.DemoReportRow[] = [];
  transitions: repo.DemoTransitionRow[] = [];
  /**
   * Values per data set, structure and author: the same units in every period, so rollup targets are read once
   * per batch, and each value is stored by the account that typed it.
   */
  batches = new Map<string, { userId: number; writes: ValueWrite[] }>();
  corrections = new Map<number, ValueWrite[]>();
  /** When the values of returned reports were typed and corrected (their history is the one worth reading). */
  stamps: repo.ValueStamp[] = [];
  correctionStamps: repo.ValueStamp[] = [];
  counts = { approved: 0, late: 0, returned: 0, awaitingCorrection: 0, draft: 0, pending: 0 };
}

function writesOf(ctx: ReportContext, rows: Rows, period: string, at: Date): ValueWrite[] {
  return rows.flatMap(({ unitId, cells }) =>
    cells.map((cell) => {
      const element = ctx.elements.get(cell.element);
      const cocId = element?.cocs.get(cell.option);
      if (!element || cocId === undefined) throw new Error(`demo cell ${cell.element}.${cell.option} has no element`);
      return { writeId: uuidv7(at), unitId, period, dataElementId: element.id, cocId, num: cell.value, txt: null };
    }),
  );
}

/** Adds one report: its row, its history, its values (what was typed first, and the correction if returned). */
export function addReport(ctx: ReportContext, out: Gathered, args: { set: DemoDataSet; commune: ReportingCommune; period: string; timeline: Timeline; rows: Rows; rng: Random }) {
  const { set, commune, period, timeline, rng } = args;
  const holders = [commune.id, commune.parentId, commune.grandparentId];
  const holderUnitId = holders[timeline.holder];
  if (holderUnitId === null || holderUnitId === undefined) throw new Error(`commune ${commune.code} has no unit ${timeline.holder} levels up`);
  const id = uuidv7(timeline.createdAt);
  const author = ctx.userOf('unit', commune.id);
  out.reports.push({
    id,
    provinceId: ctx.provinceId,
    unitId: commune.id,
    dataSetId: ctx.dataSets.get(set.code) as number,
    period,
    state: timeline.state,
    version: timeline.events.length,
    holderUnitId,
    firstSubmittedAt: timeline.firstSubmittedAt,
    onTime: timeline.onTime,
    approvedAt: timeline.approvedAt,
    createdAt: timeline.createdAt,
  });
  timeline.events.forEach((event, i) =>
    out.transitions.push({
      id: uuidv7(event.at),
      provinceId: ctx.provinceId,
      entityId: id,
      from: event.from,
      to: event.to,
      version: i + 1,
      byUserId: ctx.userOf(event.by, commune.id),
      at: event.at,
      reason: event.reason,
    }),
  );
  const returned = timeline.events.some((event) => event.to === 'returned');
  let rows = args.rows;
  if (timeline.state === 'draft') rows = draftRows(rng, rows, (element) => set.elements.find((e) => e.code === element)?.section ?? '');
  if (returned) {
    const [only] = rows;
    if (!only || rows.length !== 1) throw new Error('only commune forms are returned in the demo');
    const wrong = misfiledCells(only.cells);
    const sameKey = (a: Cell, b: Cell) => a.element === b.element && a.option === b.option;
    rows = [{ unitId: only.unitId, cells: only.cells.map((cell) => wrong.find((w) => sameKey(w, cell)) ?? cell) }];
    if (timeline.correctedAt) {
      const at = new Date(timeline.correctedAt.getTime() - 15 * 60_000);
      const right = only.cells.filter((cell) => wrong.some((w) => sameKey(w, cell)));
      out.corrections.set(author, [...(out.corrections.get(author) ?? []), ...writesOf(ctx, [{ unitId: only.unitId, cells: right }], period, at)]);
      out.correctionStamps.push({ unitId: only.unitId, period, at, userId: author });
    }
    out.stamps.push({ unitId: only.unitId, period, at: timeline.createdAt, userId: author });
  }
  const key = `${set.code}|${commune.structure}|${author}`;
  const batch = out.batches.get(key) ?? { userId: author, writes: [] };
  batch.writes.push(...writesOf(ctx, rows, period, timeline.createdAt));
  out.batches.set(key, batch);

  const counts = out.counts;
  if (timeline.state === 'approved') counts.approved++;
  else if (timeline.state === 'draft') counts.draft++;
  else if (timeline.state === 'returned') counts.awaitingCorrection++;
  else counts.pending++;
  if (timeline.onTime === false) counts.late++;
  if (returned) counts.returned++;
}

