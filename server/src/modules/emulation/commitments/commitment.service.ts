import type { Kysely } from 'kysely';
import {
  REGISTRANT_KINDS,
  type TCommitmentBreach,
  type TCommitmentBreachInput,
  type TCommitmentCount,
  type TCommitmentCountInput,
  type TCommitmentFigures,
  type TRegistrantKind,
} from '#contracts/emulation/commitment.api.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, forbidden, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { recordAudit } from '../../audit/index.ts';
import { findOrganization } from '../../organizations/index.ts';
import { findUnit } from '../../units/index.ts';
import { readableCampaign, type CommitmentCampaign } from './commitment-campaign.ts';
import { touchCommitments } from './commitment-derived.ts';
import { commitmentPolicy } from './commitment.policy.ts';
import { presentBreach, presentChange, presentCount } from './commitment.presenter.ts';
import * as repo from './commitment.repository.ts';

/** What a write needs: the database, and the derived values it refreshes in its transaction. */
export type Deps = Pick<ModuleContext, 'db' | 'derived'>;

/** The day units and bodies are named as of: today within the campaign's period, else its nearest end. */
export const campaignDay = (campaign: Pick<CommitmentCampaign, 'startsOn' | 'endsOn'>) => {
  const today = clock.today();
  return today < campaign.startsOn ? campaign.startsOn : today > campaign.endsOn ? campaign.endsOn : today;
};

/**
 * The unit of a count or breach: in the actor's scope, in the campaign's province, and under the campaign's unit
 * when the campaign was launched below province level (a commune's own campaign). 400 naming `field` otherwise.
 */
export async function unitOfCampaign(db: Kysely<DB>, actor: Actor, campaign: CommitmentCampaign, unitId: number, field = 'unitId') {
  const unit = await findUnit(db, actor.scope, unitId, campaignDay(campaign));
  if (!unit) throw notFound('entity.unit');
  const provinceId = await repo.provinceOf(db, unitId);
  const under = campaign.unitLevel === 'province' || unit.path === campaign.unitPath || unit.path.startsWith(`${campaign.unitPath}.`);
  if (provinceId !== campaign.provinceId || !under) throw invalidField(field, msg('emulation.commitments.unitOutsideCampaign'), 'unitId');
  return { ...unit, provinceId };
}

/** The body of a count or breach: an organisation in scope attached to the count's unit (400 naming the field). */
export async function bodyOfUnit(db: Kysely<DB>, actor: Actor, campaign: CommitmentCampaign, unitId: number, organizationId: number | null | undefined) {
  if (organizationId == null) return null;
  const organization = await findOrganization(db, actor.scope, organizationId, campaignDay(campaign));
  if (!organization || Number(organization.unit_id) !== unitId) throw invalidField('organizationId', msg('emulation.commitments.bodyNotOfUnit'));
  return organization;
}

const commitmentOf = (campaign: CommitmentCampaign, commitmentId: number) => {
  const commitment = campaign.commitments.find((c) => c.id === commitmentId);
  if (!commitment) throw invalidField('commitmentId', msg('emulation.commitments.notOfCampaign'));
  return commitment;
};

/** Refuses a write of a body the actor may not manage (a focal point: another organisation's, or the unit's as a whole). */
function authorizeManage(actor: Actor, organizationId: number | null) {
  authorize(commitmentPolicy.manageAny(actor));
  if (!commitmentPolicy.manage(actor, organizationId)) throw forbidden(msg('emulation.commitments.ownBodyOnly'));
}

// ---------- counts

export async function listCounts(db: Database, actor: Actor, filter: repo.CountFilter) {
  authorize(commitmentPolicy.read(actor));
  await readableCampaign(db, actor, filter.campaignId);
  const rows = await repo.listCounts(db, actor.scope, await repo.scopeProvinces(db, actor.scope), filter);
  return rows.map(presentCount);
}

export async function countHistory(db: Database, actor: Actor, id: string) {
  authorize(commitmentPolicy.read(actor));
  const row = await repo.findCount(db, actor.scope, await repo.scopeProvinces(db, actor.scope), id);
  if (!row) throw notFound('entity.commitmentCount');
  const changes = await repo.listChanges(db, Number(row.province_id), id);
  return { count: presentCount(row), changes: changes.map(presentChange) };
}

export interface CountWrite {
  key: repo.CountKey;
  registered: number;
  eligible: number | null;
  /** 0: a count not registered yet; else the version the writer read. */
  expectedVersion: number;
}

/**
 * Writes one count in the caller's transaction: a registration (version 1) or a correction (the version read + 1,
 * the value before kept in the change row). False when the count changed meanwhile (the caller answers 409).
 * An unchanged value writes nothing ('unchanged').
 */
export async function writeCount(
  trx: Kysely<DB>,
  write: CountWrite,
  change: Omit<repo.ChangeValues, 'registered' | 'eligible'>,
): Promise<{ status: 'created' | 'corrected' | 'unchanged' | 'stale'; id: string; before: { registered: number; eligible: number | null } | null }> {
  const current = await repo.findCountByKey(trx, write.key);
  const values = { ...change, registered: write.registered, eligible: write.eligible };
  if (!current) {
    if (write.expectedVersion !== 0) return { status: 'stale', id: '', before: null };
    const id = uuidv7();
    await repo.insertCount(trx, id, uuidv7(), write.key, values);
    return { status: 'created', id, before: null };
  }
  const before = { registered: Number(current.registered), eligible: current.eligible === null ? null : Number(current.eligible), version: Number(current.version) };
  if (write.expectedVersion !== before.version) return { status: 'stale', id: current.id, before };
  if (before.registered === write.registered && before.eligible === write.eligible) return { status: 'unchanged', id: current.id, before };
  const ok = await repo.correctCount(trx, uuidv7(), write.key.provinceId, current.id, before, values);
  return { status: ok ? 'corrected' : 'stale', id: current.id, before };
}

export async function saveCount({ db, derived }: Deps, actor: Actor, input: TCommitmentCountInput): Promise<TCommitmentCount> {
  const organizationId = input.organizationId ?? null;
  authorizeManage(actor, organizationId);
  return db.transaction().execute(async (trx) => {
    const campaign = await readableCampaign(trx, actor, input.campaignId);
    commitmentOf(campaign, input.commitmentId);
    const unit = await unitOfCampaign(trx, actor, campaign, input.unitId);
    await bodyOfUnit(trx, actor, campaign, input.unitId, organizationId);
    const eligible = input.eligible ?? null;
    if (eligible !== null && input.registered > eligible) throw invalidField('registered', msg('emulation.commitments.aboveEligible', { eligible }));
    if (input.expectedVersion > 0 && !input.reason) throw invalidField('reason', msg('emulation.commitments.reasonRequired'));
    const key = { provinceId: unit.provinceId, campaignId: campaign.id, unitId: input.unitId, commitmentId: input.commitmentId, registrantKind: input.registrantKind, organizationId };
    const result = await writeCount(
      trx,
      { key, registered: input.registered, eligible, expectedVersion: input.expectedVersion },
      { source: 'entry', reason: input.expectedVersion > 0 ? (input.reason ?? null) : (input.reason ?? null), userId: actor.userId, at: clock.now() },
    );
    if (result.status === 'stale') {
      throw conflict(result.before ? msg('emulation.commitments.stale', { registered: result.before.registered }) : msg('emulation.commitments.staleGone'));
    }
    const row = await repo.findCount(trx, actor.scope, [unit.provinceId], result.id);
    if (!row) throw new Error('written commitment count not readable');
    if (result.status !== 'unchanged') {
      await recordAudit(trx, actor, {
        action: result.status === 'created' ? 'create' : 'update',
        entity: 'emulation_commitment_count',
        entityId: result.id,
        unitId: input.unitId,
        before: result.before ?? undefined,
        after: { ...presentCount(row), reason: input.reason ?? null },
      });
      await touchCommitments(trx, derived, actor, 'count', [input.unitId]);
    }
    return presentCount(row);
  });
}

// ---------- breaches

export async function listBreaches(db: Database, actor: Actor, filter: repo.BreachFilter) {
  authorize(commitmentPolicy.read(actor));
  await readableCampaign(db, actor, filter.campaignId);
  const rows = await repo.listBreaches(db, actor.scope, await repo.scopeProvinces(db, actor.scope), filter);
  return rows.map(presentBreach);
}

export async function recordBreach({ db, derived }: Deps, actor: Actor, input: TCommitmentBreachInput): Promise<TCommitmentBreach> {
  const organizationId = input.organizationId ?? null;
  authorizeManage(actor, organizationId);
  if (input.reportedOn > clock.today()) throw invalidField('reportedOn', msg('emulation.commitments.inFuture'));
  return db.transaction().execute(async (trx) => {
    const campaign = await readableCampaign(trx, actor, input.campaignId);
    commitmentOf(campaign, input.commitmentId);
    const unit = await unitOfCampaign(trx, actor, campaign, input.unitId);
    await bodyOfUnit(trx, actor, campaign, input.unitId, organizationId);
    const id = uuidv7();
    await repo.insertBreach(trx, {
      id,
      province_id: unit.provinceId,
      campaign_id: campaign.id,
      commitment_id: input.commitmentId,
      unit_id: input.unitId,
      registrant_kind: input.registrantKind,
      organization_id: organizationId,
      occurred_on: input.occurredOn,
      reported_on: input.reportedOn,
      description: input.description,
      reported_by: input.reportedBy ?? null,
      created_by: actor.userId,
      created_at: clock.now(),
    });
    const row = await repo.findBreach(trx, actor.scope, [unit.provinceId], id);
    if (!row) throw new Error('written breach not readable');
    const breach = presentBreach(row);
    await recordAudit(trx, actor, { action: 'create', entity: 'emulation_commitment_breach', entityId: id, unitId: input.unitId, after: breach });
    await touchCommitments(trx, derived, actor, 'breach', [input.unitId], [input.occurredOn]);
    return breach;
  });
}

// ---------- figures

export async function figures(db: Database, actor: Actor, query: { campaignId: number; unitId?: number | undefined; by: 'commune' | 'body' }): Promise<TCommitmentFigures> {
  authorize(commitmentPolicy.read(actor));
  const campaign = await readableCampaign(db, actor, query.campaignId);
  const rows = await repo.figures(db, actor.scope, await repo.scopeProvinces(db, actor.scope), campaign.id, query.unitId, query.by);
  const groupIds = [...new Set(rows.map((r) => r.group_id).filter((id): id is number => id !== null))];
  const units = query.by === 'commune' ? await repo.unitNames(db, groupIds) : new Map<number, { name: string; path: string }>();
  const bodies = query.by === 'body' ? await repo.organizationNames(db, groupIds) : new Map<number, string>();
  const cellOrder = (a: { commitment_id: number; registrant_kind: TRegistrantKind }, b: typeof a) =>
    campaign.commitments.findIndex((c) => c.id === a.commitment_id) - campaign.commitments.findIndex((c) => c.id === b.commitment_id) ||
    REGISTRANT_KINDS.indexOf(a.registrant_kind) - REGISTRANT_KINDS.indexOf(b.registrant_kind);
  const cell = (r: repo.FigureRow) => ({ commitmentId: r.commitment_id, registrantKind: r.registrant_kind, registered: r.registered, eligible: r.eligible, breaches: r.breaches });
  const grouped = new Map<number | null, repo.FigureRow[]>();
  for (const row of rows) grouped.set(row.group_id, [...(grouped.get(row.group_id) ?? []), row]);
  const groups = [...grouped.entries()].map(([groupId, cells]) => ({
    unitId: query.by === 'commune' ? groupId : null,
    organizationId: query.by === 'body' ? groupId : null,
    name:
      groupId === null
        ? msg('emulation.commitments.noBody')
        : query.by === 'commune'
          ? (units.get(groupId)?.name ?? String(groupId))
          : (bodies.get(groupId) ?? String(groupId)),
    sortKey: groupId === null ? '' : query.by === 'commune' ? (units.get(groupId)?.path ?? '') : (bodies.get(groupId) ?? ''),
    cells: [...cells].sort(cellOrder).map(cell),
    registered: cells.reduce((sum, c) => sum + c.registered, 0),
    breaches: cells.reduce((sum, c) => sum + c.breaches, 0),
  }));
  groups.sort((a, b) => (a.sortKey === b.sortKey ? 0 : a.sortKey === '' ? 1 : b.sortKey === '' ? -1 : a.sortKey.localeCompare(b.sortKey, 'vi')));
  const totals = new Map<string, repo.FigureRow>();
  for (const r of rows) {
    const key = `${r.commitment_id}|${r.registrant_kind}`;
    const t = totals.get(key) ?? { ...r, group_id: null, registered: 0, eligible: 0, breaches: 0 };
    t.registered += r.registered;
    t.eligible += r.eligible;
    t.breaches += r.breaches;
    totals.set(key, t);
  }
  return {
    campaignId: campaign.id,
    by: query.by,
    commitments: campaign.commitments.map((c) => ({ id: c.id, code: c.code, title: c.title })),
    groups: groups.map(({ sortKey: _sortKey, ...group }) => group),
    totals: [...totals.values()].sort(cellOrder).map(cell),
  };
}
