import type { TProgrammeTarget, TTargetInput, TTargetUpdate } from '#contracts/programmes/programmes.api.ts';
import type { TTargetRule } from '#contracts/programmes/target-rule.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { programmePolicy } from '../programme.policy.ts';
import { presentTarget } from '../programme.presenter.ts';
import * as repo from '../programme.repository.ts';
import * as targets from './programme-target.repository.ts';
import { looserPart } from './programme-target.rules.ts';

/** The programme, when the actor may change it: 404 out of reach, 403 readable but not theirs to manage. */
async function manageable(db: Database, actor: Actor, programmeId: number) {
  const programme = await repo.findProgramme(db, actor.scope, programmeId);
  if (!programme) throw notFound('entity.programme');
  authorize(programme.in_scope && programmePolicy.manage(actor));
  return programme;
}

/** Adds a target (its rule checked by the contract's ZTargetRule) after the programme's last one. */
export async function createTarget(db: Database, actor: Actor, programmeId: number, input: TTargetInput): Promise<TProgrammeTarget> {
  return db.transaction().execute(async (trx) => {
    const programme = await manageable(trx, actor, programmeId);
    if (await targets.targetCodeTaken(trx, programme, input.code)) {
      throw invalidField('code', msg('programmes.targetCodeTaken', { code: input.code }));
    }
    const [id] = await targets.insertTargets(trx, [
      {
        province_id: programme.province_id,
        programme_id: programmeId,
        code: input.code,
        text: input.text,
        rule: input.rule ?? null,
        waits_for: input.waitsFor ?? null,
        levels: input.levels ?? null,
        parent_target_id: null,
      },
    ]);
    if (id === undefined) throw new Error('target not written');
    await recordAudit(trx, actor, { action: 'create', entity: 'programme_target', entityId: id, unitId: programme.owner_unit_id, after: { programmeId, ...input } });
    return reread(trx, programme, id);
  });
}

/**
 * Changes a target. An implementation plan's inherited target may be made stricter than the parent programme's,
 * never looser (400 naming the looser part of the rule).
 */
export async function updateTarget(db: Database, actor: Actor, programmeId: number, targetId: number, input: TTargetUpdate): Promise<TProgrammeTarget> {
  return db.transaction().execute(async (trx) => {
    const programme = await manageable(trx, actor, programmeId);
    const current = await targets.findTarget(trx, programme, targetId);
    if (!current) throw notFound('entity.programmeTarget');
    const rule = input.rule === undefined ? ((current.rule ?? null) as TTargetRule | null) : input.rule;
    const waitsFor = input.waitsFor === undefined ? current.waits_for : input.waitsFor;
    if (rule === null && waitsFor === null) throw invalidField('waitsFor', msg('programmes.targetNeedsMeasure'));
    if (current.parent_target_id !== null && input.rule !== undefined) {
      const parent = await targets.findParentTarget(trx, current.parent_target_id);
      const looser = looserPart((parent?.rule ?? null) as TTargetRule | null, rule);
      if (looser !== null) throw invalidField(looser, msg('programmes.targetLooser', { part: looser }), 'rule');
    }
    const changes: targets.TargetChanges = {};
    if (input.text !== undefined) changes.text = input.text;
    if (input.rule !== undefined) changes.rule = input.rule;
    if (input.waitsFor !== undefined) changes.waits_for = input.waitsFor;
    if (input.levels !== undefined) changes.levels = input.levels;
    await targets.updateTarget(trx, programme.province_id, targetId, changes);
    const before = presentTarget(current) as Record<string, unknown>;
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'programme_target',
      entityId: targetId,
      unitId: programme.owner_unit_id,
      before: Object.fromEntries(Object.keys(input).map((key) => [key, before[key]])),
      after: input,
    });
    return reread(trx, programme, targetId);
  });
}

async function reread(db: Database, programme: targets.ProgrammeKey, targetId: number): Promise<TProgrammeTarget> {
  const row = await targets.findTarget(db, programme, targetId);
  if (!row) throw new Error('written target not readable');
  return presentTarget(row);
}
