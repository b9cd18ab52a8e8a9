import { UNIT_LEVELS, type TUnitDetail, type TUnitSearchHit } from '#contracts/units.ts';
import type { Database } from '#server/db/database.ts';
import { clock } from '#server/shared/clock.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { AppError, conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { auditActionOf, checkHistoryWrite, datedUnit } from '#server/shared/history.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { compareVi, foldVi } from '#server/shared/vn-text.ts';
import { recordAudit } from '../audit/index.ts';
import { unitPolicy } from './unit.policy.ts';
import { presentChild, presentRef, presentUnit } from './unit.presenter.ts';
import { VILLAGES_DERIVED } from './unit-derived.ts';
import * as searchRepo from './unit-search.repository.ts';
import * as repo from './unit.repository.ts';

const LEVEL_ORDER: readonly string[] = UNIT_LEVELS;

/**
 * Children of `parentId` valid on `asOf` (or the top units of the actor's scope), as the contract shows them:
 * by level, then by name in Vietnamese order ("Thôn 2" before "Thôn 10", "Dung" before "Đông").
 */
export async function listUnitChildren(db: Database, actor: Actor, asOf: string, parentId?: number) {
  const rows = await repo.listChildren(db, actor.scope, asOf, parentId);
  rows.sort(
    (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || compareVi(a.name, b.name) || compareVi(a.full_name, b.full_name),
  );
  return rows.map(presentChild);
}

/** A unit with its ancestors, succession links and name history, as of a date. */
export async function getUnitDetail(db: Database, actor: Actor, id: number, asOf: string): Promise<TUnitDetail> {
  const unit = await repo.findUnit(db, actor.scope, id, asOf);
  if (!unit) throw notFound('entity.unit');
  const [ancestors, links, history] = await Promise.all([
    ancestorsOf(db, [unit.path], asOf).then((byPath) => byPath(unit.path)),
    repo.findSuccessionLinks(db, id),
    repo.findHistory(db, id),
  ]);
  const link = (row: (typeof links.predecessors)[number]) => ({
    unit: presentRef(row),
    kind: row.kind,
    effectiveDate: row.effective_date,
    certainty: row.certainty,
    instrument: row.instrument,
    confirmed: row.confirmed_at !== null,
    parentName: row.parent_name,
  });
  return {
    unit: presentUnit(unit),
    ancestors,
    predecessors: links.predecessors.map(link),
    successors: links.successors.map(link),
    history: history.map((row) => ({ fullName: row.full_name, type: row.type, validFrom: row.valid_from, validTo: row.valid_to, act: row.act })),
    createdAct: unit.created_act,
    successorUnknown: unit.valid_to !== null && unit.level !== 'village' && links.successors.length === 0,
  };
}

/** The ancestors of every path in one query; returns a lookup giving a path's ancestors, root first. */
async function ancestorsOf(db: Database, paths: string[], asOf: string) {
  const rows = await repo.findUnitsByIds(db, [...new Set(paths.flatMap(repo.ancestorIds))], asOf);
  const byId = new Map(rows.map((row) => [row.id, presentRef(row)]));
  return (path: string) => repo.ancestorIds(path).flatMap((id) => byId.get(id) ?? []);
}

/** Search hits with their ancestors (the ancestors of all hits in one query). */
/**
 * Units matched by name, initials, earlier or common names (see matchUnits), with their ancestors; a unit
 * not in force on `asOf` carries its successors, one found by another name carries that name.
 */
export async function searchUnitsWithAncestors(db: Database, actor: Actor, q: string, asOf: string, limit: number): Promise<TUnitSearchHit[]> {
  const matches = await searchRepo.matchUnits(db, actor.scope, q, asOf, limit);
  const ids = matches.map((match) => match.id);
  const records = new Map((await repo.findUnitsByIds(db, ids, asOf)).map((row) => [row.id, row]));
  const ended = matches.filter((match) => !match.in_force).map((match) => match.id);
  const successors = await searchRepo.successorsOf(db, ended);
  const ancestors = await ancestorsOf(db, [...records.values()].map((row) => row.path), asOf);
  return matches.flatMap((match) => {
    const row = records.get(match.id);
    if (!row) return [];
    return [
      {
        ...presentUnit(row),
        ancestors: ancestors(row.path),
        matchedName: match.other_name,
        successors: successors.filter((link) => link.old_unit_id === match.id).map(presentRef),
      },
    ];
  });
}

/**
 * A commune in scope that can take villages, or a 404/400; a commune that has ended takes villages only as a
 * system administrator's back-fill (409 otherwise). `mode` says which, for the audit.
 */
export async function communeForVillages(db: Database, actor: Actor, communeId: number, backfill?: boolean) {
  authorize(unitPolicy.manageVillages(actor));
  const commune = await repo.findCommune(db, actor.scope, communeId);
  if (!commune) throw notFound('entity.unit');
  if (commune.level !== 'commune') {
    throw new AppError(400, 'validation', msg('units.villagesOnlyInCommune'), [{ field: 'id', message: msg('units.notCommune') }]);
  }
  return { ...commune, mode: checkHistoryWrite(actor, [datedUnit(commune)], backfill) };
}

/** "Thôn Tân Định" from type and name; a name typed with its type already ("Thôn 3", "Khu phố 3") is kept as is. */
export function villageFullName(type: string, name: string): string {
  const label = `${type.charAt(0).toUpperCase()}${type.slice(1)}`;
  return foldVi(name).startsWith(`${foldVi(type)} `) ? `${label}${name.slice(type.length)}` : `${label} ${name}`;
}

export function villageRow(commune: { id: number; structure: '2019' | '2025'; valid_to: string | null }, name: string, type: string) {
  return {
    structure: commune.structure,
    code: null,
    name,
    full_name: villageFullName(type, name),
    level: 'village' as const,
    type,
    parent_id: commune.id,
    valid_from: null,
    valid_to: commune.valid_to,
  };
}

/** Adds one village to a commune; the name must be new in that commune. */
export async function createVillage(
  { db, derived }: Pick<ModuleContext, 'db' | 'derived'>,
  actor: Actor,
  communeId: number,
  input: { name: string; type: string; backfill?: boolean | undefined },
) {
  return db.transaction().execute(async (trx) => {
    const commune = await communeForVillages(trx, actor, communeId, input.backfill);
    const existing = await repo.villageNames(trx, communeId, commune.valid_to);
    if (existing.has(input.name.toLowerCase())) throw conflict(msg('units.villageExists', { commune: commune.full_name, name: input.name }));
    const [created] = await repo.insertUnits(trx, [villageRow(commune, input.name, input.type)]);
    if (!created) throw new Error('insert returned nothing');
    await recordAudit(trx, actor, { action: auditActionOf(commune.mode, 'create'), entity: 'admin_unit', entityId: created.id, unitId: communeId, after: input });
    await derived.touch(trx, actor, VILLAGES_DERIVED, [created.id]);
    const unit = await repo.findUnit(trx, actor.scope, created.id, commune.valid_to ?? clock.today());
    if (!unit) throw new Error('created village not readable');
    return presentUnit(unit);
  });
}

/** Ends a village on a date (merged into another or dissolved); it stays in history. An ended village is history. */
export async function closeVillage(
  { db, derived }: Pick<ModuleContext, 'db' | 'derived'>,
  actor: Actor,
  villageId: number,
  validTo: string,
  backfill?: boolean,
) {
  await db.transaction().execute(async (trx) => {
    authorize(unitPolicy.manageVillages(actor));
    const village = await repo.findCommune(trx, actor.scope, villageId);
    if (!village) throw notFound('entity.unit');
    if (village.level !== 'village') throw invalidField('id', msg('units.closeOnlyVillages'), 'unitId');
    const mode = checkHistoryWrite(actor, [datedUnit(village)], backfill);
    if (village.valid_to && village.valid_to < validTo) throw invalidField('validTo', msg('units.closeBefore', { date: vnDate(village.valid_to) }));
    await repo.closeUnit(trx, villageId, validTo);
    await recordAudit(trx, actor, {
      action: auditActionOf(mode, 'update'),
      entity: 'admin_unit',
      entityId: villageId,
      unitId: villageId,
      before: { validTo: village.valid_to },
      after: { validTo },
    });
    await derived.touch(trx, actor, VILLAGES_DERIVED, [villageId]);
  });
}
