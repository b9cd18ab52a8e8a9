import { addDays } from '#contracts/indicators/period.ts';
import type { TUnitDetail } from '#contracts/units.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { TOTALS_REBUILD_JOB } from '#server/shared/totals-rebuild.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './succession.repository.ts';
import { unitPolicy } from './unit.policy.ts';
import { getUnitDetail } from './unit.service.ts';

/**
 * Successors of ended official units (issue 9): 635 communes ended before 2025 with no known successor and 476 with
 * a likely one. A system administrator confirms a likely successor or sets one, with a reason; both are audited,
 * and a successor given by a published resolution (certain) can never be replaced here (409 naming it). The
 * province's totals are rebuilt by a job afterwards, since figures follow the succession links.
 */

type Deps = Pick<ModuleContext, 'db' | 'jobs'>;

type Links = Awaited<ReturnType<typeof repo.lockSuccessorLinks>>;

/** The audit row of a change of a unit's successors: the links before, and what changed. */
const auditSuccession = (trx: Deps['db'], actor: Actor, unitId: number, links: Links, after: object) =>
  recordAudit(trx, actor, {
    action: 'update',
    entity: 'unit_succession',
    entityId: unitId,
    unitId,
    before: { successors: links.map((l) => ({ successorId: l.new_unit_id, certainty: l.certainty, instrument: l.instrument, confirmed: l.confirmed_at !== null })) },
    after,
  });

/** Sets the successor of an ended unit whose successor is unknown or only likely. */
export async function setSuccessor(deps: Deps, actor: Actor, unitId: number, body: { successorId: number; reason: string }): Promise<TUnitDetail> {
  const lastDay = await deps.db.transaction().execute(async (trx) => {
    authorize(unitPolicy.manageSuccession(actor));
    const unit = await repo.findOfficialUnit(trx, actor.scope, unitId);
    if (!unit) throw notFound('entity.unit');
    if (unit.valid_to === null) throw invalidField('id', msg('units.notEnded'));
    const links = await repo.lockSuccessorLinks(trx, unitId);
    const published = links.find((link) => link.certainty === 'certain');
    if (published) {
      throw conflict(
        published.instrument === null
          ? msg('units.successorPublishedOn', { date: vnDate(published.effective_date) })
          : msg('units.successorPublished', { instrument: published.instrument }),
      );
    }
    const day = addDays(unit.valid_to, 1);
    const successor = await repo.findOfficialUnit(trx, actor.scope, body.successorId);
    if (!successor) throw notFound('entity.unit');
    if ((successor.valid_from !== null && successor.valid_from > day) || (successor.valid_to !== null && successor.valid_to < day)) {
      throw invalidField('successorId', msg('units.successorNotInForce', { date: vnDate(day) }));
    }
    if (successor.level !== unit.level && successor.id !== unit.parent_id) throw invalidField('successorId', msg('units.successorLevel'));
    await repo.replaceSuccessor(trx, { oldUnitId: unitId, newUnitId: successor.id, effectiveDate: day, by: actor.userId, at: clock.now(), reason: body.reason });
    await auditSuccession(trx, actor, unitId, links, { successors: [{ successorId: successor.id, certainty: 'likely', confirmed: true }], reason: body.reason });
    await rebuildTotalsLater(deps, trx, actor, unitId);
    return unit.valid_to;
  });
  deps.jobs.kick();
  return getUnitDetail(deps.db, actor, unitId, lastDay);
}

/** Confirms a likely successor: the link then grants access to the ended unit's records, as a certain one does. */
export async function confirmSuccessor(deps: Deps, actor: Actor, unitId: number, successorId: number, reason: string): Promise<TUnitDetail> {
  const lastDay = await deps.db.transaction().execute(async (trx) => {
    authorize(unitPolicy.manageSuccession(actor));
    const unit = await repo.findOfficialUnit(trx, actor.scope, unitId);
    if (!unit) throw notFound('entity.unit');
    const links = await repo.lockSuccessorLinks(trx, unitId);
    if (!(await repo.confirmLink(trx, { oldUnitId: unitId, newUnitId: successorId, by: actor.userId, at: clock.now(), reason }))) throw conflict(msg('units.noLikelySuccessor'));
    await auditSuccession(trx, actor, unitId, links, { confirmed: successorId, reason });
    return unit.valid_to ?? clock.today();
  });
  return getUnitDetail(deps.db, actor, unitId, lastDay);
}

/** Figures add up along the succession links: the totals of the unit's province are recomputed in a job. */
async function rebuildTotalsLater(deps: Deps, trx: Deps['db'], actor: Actor, unitId: number): Promise<void> {
  const provinceId = await repo.provinceOfUnit(trx, unitId);
  await deps.jobs.enqueue(trx, actor, { kind: TOTALS_REBUILD_JOB, payload: { provinceId }, target: `admin_unit:${provinceId}`, unitId: provinceId, maxAttempts: 3 });
}
