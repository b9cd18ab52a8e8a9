import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { parseCsvText } from '#server/shared/csv.ts';
import { loadUnitHistory } from './history/history-load.ts';
import { insertAliases } from './unit-search.repository.ts';
import * as repo from './unit.repository.ts';

/** The official data copied from ../shared/data/admin-units (see its README for sources and licences). */
export const ADMIN_UNITS_DIR = join(import.meta.dirname, '../../../../resources/admin-units');

/** Last day of the 4-level structure and first day of the 2-level one. */
export const REFORM_LAST_DAY = '2025-06-30';
export const REFORM_DAY = '2025-07-01';

type Level = 'province' | 'district' | 'commune';

function readCsv(dir: string, file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvText(readFileSync(join(dir, file), 'utf8').trimEnd());
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((key, i) => [key, cells[i] ?? ''])));
}

async function importStructure(db: Kysely<DB>, dir: string, structure: '2019' | '2025'): Promise<number> {
  const rows = readCsv(dir, `units-${structure}.csv`);
  const ids = new Map<string, number>();
  let total = 0;
  for (const level of ['province', 'district', 'commune'] as Level[]) {
    const batch = rows
      .filter((row) => row.level === level)
      .map((row) => ({
        structure,
        code: row.code as string,
        name: row.name as string,
        full_name: row.full_name as string,
        level,
        type: row.type as string,
        parent_id: row.parent_code ? (ids.get(row.parent_code) ?? null) : null,
        valid_from: structure === '2019' ? null : REFORM_DAY,
        valid_to: structure === '2019' ? REFORM_LAST_DAY : null,
      }));
    const missingParent = batch.find((unit) => level !== 'province' && unit.parent_id === null);
    if (missingParent) throw new Error(`unit ${missingParent.code} has an unknown parent`);
    for (const unit of await repo.insertUnits(db, batch)) ids.set(unit.code as string, unit.id);
    total += batch.length;
  }
  return total;
}

/** Summary of what an import run did; zeros when the data was already there. */
export interface OfficialImportReport {
  units2019: number;
  units2025: number;
  successions: number;
  datedChanges: number;
  /** Common names added (resources/admin-units/common-names.csv). */
  aliases: number;
  /** Rows, earlier names and links of the 2019–2025 history (history-2019-2025/), when loaded by this run. */
  history: { units: number; names: number; links: number } | null;
}

/**
 * Loads both official structures, the 2025 succession, the 2019–2025 history of the 4-level structure and the dated
 * changes after 2025 (Đồng Nai 2026).
 * Idempotent: a structure already present is not loaded again; dated changes are applied once.
 * Run it inside a transaction so a failure leaves nothing half-loaded.
 */
export async function importOfficialUnits(db: Kysely<DB>, dir = ADMIN_UNITS_DIR): Promise<OfficialImportReport> {
  const report: OfficialImportReport = { units2019: 0, units2025: 0, successions: 0, datedChanges: 0, aliases: 0, history: null };
  const fresh2019 = (await repo.countStructure(db, '2019')) === 0;
  const fresh2025 = (await repo.countStructure(db, '2025')) === 0;
  if (fresh2019) report.units2019 = await importStructure(db, dir, '2019');
  if (fresh2025) report.units2025 = await importStructure(db, dir, '2025');
  if (fresh2019 || fresh2025) {
    const old = await repo.codeIndex(db, '2019');
    const current = await repo.codeIndex(db, '2025');
    const links = readCsv(dir, 'succession-2025.csv').map((row) => {
      const oldId = old.get(row.old_code as string);
      const newId = current.get(row.new_code as string);
      if (!oldId || !newId) throw new Error(`succession ${row.old_code} → ${row.new_code}: unknown code`);
      return { old_unit_id: oldId, new_unit_id: newId, kind: row.kind as 'merged' | 'split', effective_date: REFORM_DAY };
    });
    await repo.insertSuccessions(db, links);
    report.successions = links.length;
  }
  // the 4-level structure since 2019-01-01, on top of the 30/6/2025 rows (once; also on a database loaded before it)
  report.history = await loadUnitHistory(db, join(dir, 'history-2019-2025'));
  const structures = { '2019': await repo.codeIndex(db, '2019'), '2025': await repo.codeIndex(db, '2025') };
  for (const change of readCsv(dir, 'dated-changes.csv')) {
    const unitId = structures[change.structure as '2019' | '2025'].get(change.code as string);
    if (!unitId) throw new Error(`dated change for unknown unit ${change.structure}:${change.code}`);
    const fullName = change.full_name as string;
    const applied = await repo.applyDatedChange(db, unitId, {
      effectiveDate: change.effective_date as string,
      type: change.type as string,
      fullName,
      act: change.act as string,
    });
    if (applied) report.datedChanges++;
  }
  const aliases = readCsv(dir, 'common-names.csv').map((row) => {
    const unitId = structures[row.structure as '2019' | '2025'].get(row.code as string);
    if (!unitId) throw new Error(`common name for unknown unit ${row.structure}:${row.code}`);
    return { unit_id: unitId, alias: row.alias as string };
  });
  report.aliases = await insertAliases(db, aliases);
  return report;
}
