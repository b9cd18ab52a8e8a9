import type { TOrganizationDetail } from '#contracts/organizations.ts';
import type { z } from 'zod';
import type { ZOrganizationAbbreviationInput, ZOrganizationSuccessorInput } from '#contracts/organizations.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { organizationPolicy } from '../organization.policy.ts';
import { findOrganization } from '../organization.repository.ts';
import * as repo from './organization-history.repository.ts';

type LinkRow = Awaited<ReturnType<typeof repo.findLinks>>[number];

const presentLink = (row: LinkRow) => ({
  organization: { id: row.id, name: row.name, unitId: row.unit_id, unitName: row.unit_name },
  kind: row.kind,
  effectiveDate: row.effective_date,
  instrument: row.instrument,
  certainty: row.certainty,
  note: row.note,
});

/** The recorded predecessors and successors of an organisation the actor reads, and its dated abbreviations. */
export async function findOrganizationHistory(
  db: Database,
  actor: Actor,
  id: number,
): Promise<Pick<TOrganizationDetail, 'predecessors' | 'successors' | 'abbreviations'>> {
  const [before, after, abbreviations] = await Promise.all([
    repo.findLinks(db, actor.scope, id, 'before'),
    repo.findLinks(db, actor.scope, id, 'after'),
    repo.findAbbreviations(db, id),
  ]);
  return {
    predecessors: before.map(presentLink),
    successors: after.map(presentLink),
    abbreviations: abbreviations.map((row) => ({ abbreviation: row.abbreviation, validFrom: row.valid_from, validTo: row.valid_to })),
  };
}

/**
 * Records that `successorId` took over organisation `id` (merged into it, renamed as it, re-parented as it, or
 * took its duty when it was abolished), in one transaction with its audit row. The writer must be able to change
 * the successor and read the predecessor; a link is never overwritten, and no chain may loop.
 */
export async function addSuccessor(db: Database, actor: Actor, id: number, input: z.infer<typeof ZOrganizationSuccessorInput>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const today = clock.today();
    const old = await findOrganization(trx, actor.scope, id, today);
    if (!old) throw notFound('entity.organization');
    if (input.successorId === id) throw invalidField('successorId', msg('organizations.successorSelf'));
    const successor = await findOrganization(trx, actor.scope, input.successorId, today);
    if (!successor) throw notFound('entity.organization');
    authorize(organizationPolicy.write(actor, successor.id));
    if ((await repo.findLineage(trx, id)).includes(successor.id)) throw invalidField('successorId', msg('organizations.successorCycle'));
    if (successor.founded_on !== null && input.effectiveDate < successor.founded_on) {
      throw invalidField('effectiveDate', msg('organizations.successorBeforeStart', { date: vnDate(successor.founded_on) }));
    }
    if (await repo.findSuccession(trx, id, successor.id)) throw conflict(msg('organizations.successorExists'));
    const row = {
      old_organization_id: id,
      new_organization_id: successor.id,
      kind: input.kind,
      effective_date: input.effectiveDate,
      instrument: input.instrument ?? null,
      certainty: input.certainty ?? 'certain',
      note: input.reason,
      recorded_by: actor.userId,
    };
    await repo.insertSuccession(trx, row);
    await recordAudit(trx, actor, { action: 'create', entity: 'organization_succession', entityId: id, unitId: successor.unit_id, after: row });
  });
}

/** Starts an abbreviation of an organisation on a date, ending the one in force the day before (audited). */
export async function addAbbreviation(db: Database, actor: Actor, id: number, input: z.infer<typeof ZOrganizationAbbreviationInput>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const organization = await findOrganization(trx, actor.scope, id, clock.today());
    if (!organization) throw notFound('entity.organization');
    authorize(organizationPolicy.write(actor, id));
    const existing = await repo.findAbbreviations(trx, id);
    const latest = existing.findLast((row) => row.valid_from !== null);
    if (latest?.valid_from != null && input.validFrom <= latest.valid_from) {
      throw invalidField('validFrom', msg('organizations.abbreviationOverlap', { date: vnDate(latest.valid_from) }));
    }
    await repo.startAbbreviation(trx, id, input.abbreviation, input.validFrom);
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'organization_abbreviation',
      entityId: id,
      unitId: organization.unit_id,
      before: existing.length > 0 ? { abbreviations: existing.map((row) => row.abbreviation) } : undefined,
      after: input,
    });
  });
}
