import type { Kysely } from 'kysely';
import type { TProgrammePack } from '#contracts/programmes/pack.ts';
import type { TPackLoadInput, TPackLoadResult, TPackSummary } from '#contracts/programmes/programmes.api.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import { authorize, type Actor, type Scope } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, conflict, fieldMessage, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { findUnit } from '../../units/index.ts';
import { checkPack, packCounts } from './pack-check.ts';
import { shippedPacks, summarisePack } from './pack-store.ts';
import { bodyKey, matchOrganizations, writePack } from './pack-write.repository.ts';
import { programmePolicy } from '../programme.policy.ts';
import { findPackProgramme, lockPackLoad } from '../programme.repository.ts';

/** The packs shipped with the application. */
export function listPacks(actor: Actor): TPackSummary[] {
  authorize(programmePolicy.read(actor));
  return [...shippedPacks().values()].map(summarisePack);
}

/**
 * Loads a shipped pack (by code) or an uploaded one into a unit of the actor's scope, in one transaction, audited.
 * Idempotent: the same code and version already in that unit creates nothing (alreadyLoaded); another version of
 * it is refused (409). `dryRun` answers the same counts without writing.
 */
export async function loadPack(db: Database, actor: Actor, input: TPackLoadInput): Promise<TPackLoadResult> {
  authorize(programmePolicy.manage(actor));
  const pack = input.code !== undefined ? shippedPacks().get(input.code) : checked(input.pack);
  if (!pack) throw notFound('entity.programmePack');
  return db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, actor.scope, input.unitId, clock.today());
    if (!unit) throw notFound('entity.unit');
    return loadPackInto(trx, { actor, scope: actor.scope }, { id: unit.id, path: unit.path }, pack, input.dryRun);
  });
}

/** An uploaded pack passed the schema (the contract); its references are checked here: 400 naming the first bad field. */
function checked(raw: unknown): TProgrammePack {
  const { pack, problems } = checkPack(raw);
  if (pack) return pack;
  const fields = problems.map((p) => ({ field: `pack.${p.field}`, message: p.message }));
  const first = fields[0] ?? { field: 'pack', message: msg('http.invalidValue') };
  throw new AppError(400, 'validation', fieldMessage(first.field, first.message, 'pack'), fields);
}

/**
 * The load itself, inside the caller's transaction, for a unit the caller has checked (the service: in the actor's
 * scope; the demo step: the demo province). `by.actor` null: the system (demo).
 */
export async function loadPackInto(
  trx: Kysely<DB>,
  by: { actor: Actor | null; scope: Scope },
  unit: { id: number; path: string },
  pack: TProgrammePack,
  dryRun: boolean,
): Promise<TPackLoadResult> {
  const ref = { code: pack.code, version: pack.version };
  // two loads of the same pack into the same unit at once: the second waits here until the first commits, then
  // finds its programme and answers alreadyLoaded (transaction-level lock, SCALE.md rule 6)
  await lockPackLoad(trx, unit.id, pack.code);
  const existing = await findPackProgramme(trx, unit.id, pack.code);
  if (existing && existing.pack_version !== pack.version) {
    throw conflict(msg('programmes.packOtherVersion', { code: pack.code, loaded: existing.pack_version ?? 0, version: pack.version }));
  }
  if (existing) {
    const none = { targets: 0, groups: 0, tasks: 0, assignments: 0, matchedAssignments: 0, reviews: 0, budgetLines: 0 };
    return { dryRun, pack: ref, alreadyLoaded: true, programmeId: existing.id, created: none };
  }
  const bodies = pack.solutionGroups.flatMap((group) => group.tasks.flatMap((task) => [...task.lead, ...task.coordinating]));
  const matches = await matchOrganizations(trx, by.scope, unit.path, bodies, clock.today());
  const created = { ...packCounts(pack), matchedAssignments: bodies.filter((body) => matches.has(bodyKey(body))).length };
  if (dryRun) return { dryRun, pack: ref, alreadyLoaded: false, programmeId: null, created };
  const programmeId = await writePack(trx, pack, unit.id, by.actor?.userId ?? null, matches);
  await recordAudit(trx, by.actor, { action: 'load_pack', entity: 'programme', entityId: programmeId, unitId: unit.id, after: { pack: ref, created } });
  return { dryRun, pack: ref, alreadyLoaded: false, programmeId, created };
}
