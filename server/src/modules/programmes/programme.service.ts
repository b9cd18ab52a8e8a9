import type { TPlanInput, TProgrammeDetail, TProgrammeInput, TProgrammeUpdate } from '#contracts/programmes/programmes.api.ts';
import type { Database } from '#server/db/database.ts';
import { listFiles } from '#server/platform/files/file.service.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { findUnit } from '../units/index.ts';
import { programmePolicy } from './programme.policy.ts';
import { presentProgramme, presentTarget } from './programme.presenter.ts';
import * as repo from './programme.repository.ts';
import * as targets from './targets/programme-target.repository.ts';

type Deps = Pick<ModuleContext, 'db' | 'files' | 'fileOwners'>;

/** Programmes the actor may read: issued by a unit in or above their scope. */
export async function listProgrammes(db: Database, actor: Actor, filter: repo.ProgrammeFilter) {
  authorize(programmePolicy.read(actor));
  return (await repo.listProgrammes(db, actor.scope, filter)).map(presentProgramme);
}

/** A programme with its targets, solution groups, the plans below it the actor may read, and its document files. */
export async function getProgramme(deps: Deps, actor: Actor, id: number): Promise<TProgrammeDetail> {
  authorize(programmePolicy.read(actor));
  return readDetail(deps, deps.db, actor, id);
}

async function readDetail(deps: Deps, db: Database, actor: Actor, id: number): Promise<TProgrammeDetail> {
  const row = await repo.findProgramme(db, actor.scope, id);
  if (!row) throw notFound('entity.programme');
  const [targetRows, groups, plans] = await Promise.all([
    targets.listTargets(db, row),
    targets.listSolutionGroups(db, row),
    repo.listProgrammes(db, actor.scope, { parentId: id }),
  ]);
  const attachments = await listFiles({ ...deps, db }, actor, 'programme', String(id));
  return {
    ...presentProgramme(row),
    targets: targetRows.map(presentTarget),
    solutionGroups: groups,
    plans: plans.map(presentProgramme),
    attachments,
    canManage: row.in_scope && programmePolicy.manage(actor),
  };
}

/** Creates a programme owned by a unit in the actor's scope. */
export async function createProgramme(deps: Deps, actor: Actor, input: TProgrammeInput): Promise<TProgrammeDetail> {
  authorize(programmePolicy.manage(actor));
  return deps.db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, actor.scope, input.unitId, clock.today());
    if (!unit) throw notFound('entity.unit');
    const { id } = await repo.insertProgramme(trx, {
      owner_unit_id: unit.id,
      parent_programme_id: null,
      kind: input.kind,
      number: input.number,
      issuer: input.issuer,
      issued_on: input.issuedOn,
      title: input.title,
      from_year: input.fromYear,
      to_year: input.toYear,
      general_objective: input.generalObjective ?? null,
      status: input.status ?? 'active',
      pack_code: null,
      pack_version: null,
      created_by: actor.userId,
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'programme', entityId: id, unitId: unit.id, after: input });
    return readDetail(deps, trx, actor, id);
  });
}

/**
 * Changes a programme of a unit in scope, if nobody changed it since the actor read it (409 otherwise). A reader
 * from below (a commune reading its province's programme) gets 403; a programme out of reach, 404.
 */
export async function updateProgramme(deps: Deps, actor: Actor, id: number, input: TProgrammeUpdate): Promise<TProgrammeDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await repo.findProgramme(trx, actor.scope, id);
    if (!current) throw notFound('entity.programme');
    authorize(current.in_scope && programmePolicy.manage(actor));
    const { version: seen, ...fields } = input;
    const fromYear = fields.fromYear ?? current.from_year;
    const toYear = fields.toYear ?? current.to_year;
    if (toYear < fromYear) throw invalidField('toYear', msg('programmes.yearsOrder', { from: fromYear, to: toYear }));
    const changes: repo.ProgrammeChanges = {};
    if (fields.kind !== undefined) changes.kind = fields.kind;
    if (fields.number !== undefined) changes.number = fields.number;
    if (fields.issuer !== undefined) changes.issuer = fields.issuer;
    if (fields.issuedOn !== undefined) changes.issued_on = fields.issuedOn;
    if (fields.title !== undefined) changes.title = fields.title;
    if (fields.fromYear !== undefined) changes.from_year = fields.fromYear;
    if (fields.toYear !== undefined) changes.to_year = fields.toYear;
    if (fields.generalObjective !== undefined) changes.general_objective = fields.generalObjective;
    if (fields.status !== undefined) changes.status = fields.status;
    if (!(await repo.updateProgramme(trx, id, seen, changes))) {
      throw conflict(msg('programmes.staleVersion', { current: current.version, seen }));
    }
    const before = presentProgramme(current) as Record<string, unknown>;
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'programme',
      entityId: id,
      unitId: current.owner_unit_id,
      before: Object.fromEntries(Object.keys(fields).map((key) => [key, before[key]])),
      after: fields,
    });
    return readDetail(deps, trx, actor, id);
  });
}

/**
 * A lower unit's implementation plan of a programme the actor reads: owned by a unit in the actor's scope strictly
 * below the programme's owner; it inherits every target of the programme (parent_target_id), which the plan may
 * then make stricter.
 */
export async function createPlan(deps: Deps, actor: Actor, parentId: number, input: TPlanInput): Promise<TProgrammeDetail> {
  authorize(programmePolicy.manage(actor));
  return deps.db.transaction().execute(async (trx) => {
    const parent = await repo.findProgramme(trx, actor.scope, parentId);
    if (!parent) throw notFound('entity.programme');
    const unit = await findUnit(trx, actor.scope, input.unitId, clock.today());
    if (!unit) throw notFound('entity.unit');
    if (!unit.path.startsWith(`${parent.owner_path}.`)) {
      throw invalidField('unitId', msg('programmes.planUnitNotBelow', { owner: parent.owner_full_name }));
    }
    const { id, inherited } = await writePlan(trx, parent, unit.id, input, actor.userId);
    await recordAudit(trx, actor, { action: 'create', entity: 'programme', entityId: id, unitId: unit.id, after: { ...input, parentProgrammeId: parent.id, inheritedTargets: inherited } });
    return readDetail(deps, trx, actor, id);
  });
}

/**
 * Writes an implementation plan of `unitId` (checked by the caller: in scope, below the parent's owner) and copies
 * every target of the parent into it. Returns the plan's id and how many targets it inherited.
 */
export async function writePlan(
  trx: Database,
  parent: { id: number; province_id: number; from_year: number; to_year: number },
  unitId: number,
  input: TPlanInput,
  createdBy: number | null,
): Promise<{ id: number; inherited: number }> {
  const fromYear = input.fromYear ?? parent.from_year;
  const toYear = input.toYear ?? parent.to_year;
  if (toYear < fromYear) throw invalidField('toYear', msg('programmes.yearsOrder', { from: fromYear, to: toYear }));
  const plan = await repo.insertProgramme(trx, {
    owner_unit_id: unitId,
    parent_programme_id: parent.id,
    kind: input.kind,
    number: input.number,
    issuer: input.issuer,
    issued_on: input.issuedOn,
    title: input.title,
    from_year: fromYear,
    to_year: toYear,
    general_objective: input.generalObjective ?? null,
    status: 'active',
    pack_code: null,
    pack_version: null,
    created_by: createdBy,
  });
  const inherited = await targets.listTargets(trx, parent);
  await targets.insertTargets(
    trx,
    inherited.map((t) => ({ province_id: plan.province_id, programme_id: plan.id, code: t.code, text: t.text, rule: t.rule ?? null, waits_for: t.waits_for, levels: t.levels, parent_target_id: t.id })),
  );
  return { id: plan.id, inherited: inherited.length };
}
