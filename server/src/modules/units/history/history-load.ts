import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { codeIndex, insertSuccessions, insertUnits } from '../unit.repository.ts';
import { HISTORY_DIR, readHistoryFiles } from './history-csv.ts';
import type { Level, UnitLife, UnitVersion } from './history-types.ts';
import * as repo from './history.repository.ts';
import { HISTORY_LAST_DAY, replayHistory } from './replay.ts';

/**
 * Loads the 2019–2025 history of the 4-level structure into admin_unit (docs/design/unit-history.md): the replay of
 * resources/admin-units/history-2019-2025 on top of the units in force on 30/6/2025, which keep their ids, paths
 * and 2025 links. A unit that changed parent has a row per parent period (a row has one path), chained by 'moved'
 * links; its last period's row carries the code, the earlier ones name it in history_code. Units that ended before
 * the reform become rows ending the day before; renames and type changes become admin_unit_history rows; merged
 * and divided units get succession links with their resolution and certainty (unknown successors get none).
 */

/** One parent period of a unit: the versions it went through under one parent, one row of admin_unit. */
export interface ParentPeriod {
  parentCode: string | null;
  validFrom: string | null;
  validTo: string;
  versions: UnitVersion[];
}

/** A unit's versions grouped by parent, in order: a new period starts with each change of parent. */
export function parentPeriods(life: UnitLife): ParentPeriod[] {
  const periods: ParentPeriod[] = [];
  for (const version of life.versions) {
    const last = periods.at(-1);
    if (last && last.parentCode === version.parentCode) {
      last.versions.push(version);
      last.validTo = version.validTo;
    } else periods.push({ parentCode: version.parentCode, validFrom: version.validFrom, validTo: version.validTo, versions: [version] });
  }
  return periods;
}

export interface HistoryLoadReport {
  /** Rows added: units that ended before the reform, and earlier parent periods. */
  units: number;
  /** Earlier names and types. */
  names: number;
  /** Succession links of the changes (merged, split, moved). */
  links: number;
}

/** A row of one code and the days it covers. */
interface Row {
  id: number;
  from: string | null;
  to: string;
}

const covering = (rows: readonly Row[] | undefined, date: string) => rows?.find((row) => (row.from === null || row.from <= date) && date <= row.to) ?? rows?.at(-1);

/**
 * Loads the history once (null when already loaded, or when `dir` has no history files: a test's small data set).
 * Run inside the official import's transaction, after the two structures and the 2025 links.
 */
export async function loadUnitHistory(db: Kysely<DB>, dir = HISTORY_DIR): Promise<HistoryLoadReport | null> {
  if (!existsSync(join(dir, 'changes-2019-2025.csv')) || (await repo.historyLoaded(db, HISTORY_LAST_DAY))) return null;
  const files = readHistoryFiles(dir);
  const history = replayHistory(files.units, files.changes);
  if (history.problems.length > 0) throw new Error(`unit history: ${history.problems.slice(0, 5).join('; ')}`);
  const existing = await codeIndex(db, '2019');
  const rowsOf = new Map<string, Row[]>();
  const validFrom: { id: number; validFrom: string; act: string | null }[] = [];
  const names: Parameters<typeof repo.insertNameHistory>[1][number][] = [];
  const links: Parameters<typeof insertSuccessions>[1] = [];
  const report: HistoryLoadReport = { units: 0, names: 0, links: 0 };
  for (const level of ['province', 'district', 'commune'] as Level[]) {
    const lives = [...history.units.values()].filter((life) => life.level === level);
    const drafts: { code: string; period: ParentPeriod; last: boolean }[] = [];
    for (const life of lives) {
      const periods = parentPeriods(life);
      for (const [k, period] of periods.entries()) {
        const last = k === periods.length - 1;
        if (last && life.validTo === HISTORY_LAST_DAY) {
          // the row of the 30/6/2025 list: same id, same path
          const id = existing.get(life.code);
          if (id === undefined) throw new Error(`unit history: ${life.code} is in force on ${HISTORY_LAST_DAY} but not in units-2019.csv`);
          rowsOf.set(life.code, [...(rowsOf.get(life.code) ?? []), { id, from: period.validFrom, to: period.validTo }]);
          if (period.validFrom !== null) validFrom.push({ id, validFrom: period.validFrom, act: period.versions[0]?.act ?? null });
        } else drafts.push({ code: life.code, period, last });
      }
    }
    const inserted = await insertUnits(
      db,
      drafts.map(({ code, period, last }) => {
        const version = period.versions.at(-1) as UnitVersion;
        const parentId = period.parentCode === null ? null : covering(rowsOf.get(period.parentCode), period.validTo)?.id;
        if (parentId === undefined) throw new Error(`unit history: parent ${period.parentCode} of ${code} has no row`);
        return {
          structure: '2019' as const,
          code: last ? code : null,
          history_code: code,
          name: version.name,
          full_name: version.fullName,
          level,
          type: version.type,
          parent_id: parentId,
          valid_from: period.validFrom,
          valid_to: period.validTo,
          created_act: period.versions[0]?.act ?? null,
        };
      }),
    );
    const insertedId = new Map(inserted.map((row) => [`${row.history_code}|${row.valid_from ?? ''}`, row.id]));
    for (const { code, period } of drafts) {
      const id = insertedId.get(`${code}|${period.validFrom ?? ''}`);
      if (id === undefined) throw new Error(`unit history: row of ${code} from ${period.validFrom} not inserted`);
      rowsOf.set(code, [...(rowsOf.get(code) ?? []), { id, from: period.validFrom, to: period.validTo }]);
    }
    report.units += inserted.length;
    for (const life of lives) {
      const rows = (rowsOf.get(life.code) ?? []).sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
      for (const [k, period] of parentPeriods(life).entries()) {
        const row = rows[k] as Row;
        // earlier names and types under this parent, each ended by the act of the next version
        for (const [v, version] of period.versions.slice(0, -1).entries()) {
          const next = period.versions[v + 1] as UnitVersion;
          names.push({ unit_id: row.id, name: version.name, full_name: version.fullName, type: version.type, valid_from: version.validFrom, valid_to: version.validTo, act: next.act });
        }
        const before = rows[k - 1];
        if (before) links.push({ old_unit_id: before.id, new_unit_id: row.id, kind: 'moved', effective_date: period.validFrom as string, certainty: 'certain', instrument: period.versions[0]?.act ?? null });
      }
    }
  }
  for (const link of history.successions) {
    const oldRow = rowsOf.get(link.oldCode)?.at(-1);
    const newRow = covering(rowsOf.get(link.newCode), link.effectiveDate);
    if (!oldRow || !newRow) throw new Error(`unit history: succession ${link.oldCode} → ${link.newCode} has no row`);
    links.push({ old_unit_id: oldRow.id, new_unit_id: newRow.id, kind: link.kind, effective_date: link.effectiveDate, certainty: link.certainty, instrument: link.instrument });
  }
  await repo.setValidFrom(db, validFrom);
  await repo.insertNameHistory(db, names);
  await insertSuccessions(db, links);
  report.names = names.length;
  report.links = links.length;
  return report;
}
