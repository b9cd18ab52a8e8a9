import type { TOrganization, TOrganizationInput, TOrganizationType } from '#contracts/organizations.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { clock } from '#server/shared/clock.ts';
import { auditActionOf, checkHistoryWrite, datedOrganization, datedUnit } from '#server/shared/history.ts';
import { msg } from '#server/shared/messages.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { recordAudit } from '../audit/index.ts';
import { listOrganizationRoles } from '../people/index.ts';
import { findUnit } from '../units/index.ts';
import { touchOrganization } from './organization-derived.ts';
import { organizationPolicy } from './organization.policy.ts';
import { compareOrganizations, compareRoles, presentOrganization } from './organization.presenter.ts';
import * as repo from './organization.repository.ts';
import { checkOrganizationShape, checkTypeInForce } from './organization.rules.ts';
import { unitSetting } from '../settings/index.ts';
import { findOrganizationHistory } from './history/organization-history.service.ts';

type OrganizationChanges = Omit<Partial<TOrganizationInput>, 'unitId'>;
/** What a write needs: the database, and the derived values it refreshes in its transaction. */
type Deps = Pick<ModuleContext, 'db' | 'derived'>;

/** Organisations of a unit in scope that exist on `asOf`, with member counts on that date. */
export async function listOrganizations(db: Database, actor: Actor, unitId: number, asOf: string, type?: TOrganizationType) {
  const unit = await findUnit(db, actor.scope, unitId, asOf);
  if (!unit) throw notFound('entity.unit');
  const rows = await repo.listOrganizations(db, actor.scope, unitId, asOf, type);
  return rows.map(presentOrganization).sort(compareOrganizations);
}

/**
 * An organisation with the roles current on `asOf`: heads first, then by title, then by name; one that ended
 * with its unit comes with the organisations that carry it on (continuedAs).
 */
export async function getOrganizationDetail(db: Database, actor: Actor, id: number, asOf: string) {
  const organization = await repo.findOrganization(db, actor.scope, id, asOf);
  if (!organization) throw notFound('entity.organization');
  const roles = await listOrganizationRoles(db, actor, id, asOf);
  const history = await findOrganizationHistory(db, actor, id);
  // a recorded successor says who carries it on; else, for one that ended with its unit, the same body there
  const recorded = history.successors.map((link) => link.organization);
  const continuedAs = recorded.length > 0 ? recorded : organization.ended_with_unit ? await findContinuations(db, actor, organization) : [];
  return { organization: presentOrganization(organization), roles: roles.sort(compareRoles), continuedAs, ...history };
}

/**
 * How continuation is modelled: an organisation is registered again on each unit its unit went into (the
 * 2019 row ends with its unit, the 2025 row starts the next day). Per successor unit, the organisation of the
 * same type and name, or else the only one of the type there (a branch among several is left unmatched).
 */
async function findContinuations(db: Database, actor: Actor, organization: repo.OrganizationRecord) {
  const candidates = await repo.findContinuationCandidates(db, actor.scope, organization);
  const byUnit = new Map<number, typeof candidates>();
  for (const candidate of candidates) byUnit.set(candidate.unit_id, [...(byUnit.get(candidate.unit_id) ?? []), candidate]);
  return [...byUnit.values()].flatMap((inUnit) => {
    const sameName = inUnit.find((candidate) => foldVi(candidate.name) === foldVi(organization.name));
    const match = sameName ?? (inUnit.length === 1 ? inUnit[0] : undefined);
    return match ? [{ id: match.id, name: match.name, unitId: match.unit_id, unitName: match.unit_name }] : [];
  });
}

/**
 * What the province settled about the 2025 open points (Cài đặt của tỉnh): no Khối dân vận where the province
 * keeps none, no Tổ dân vận where villages keep none, and a commune's trade union sits under the commune's Front
 * only where the province has one there (the union law has no commune tier since 1/7/2025).
 */
async function checkProvinceSettings(
  db: Database,
  actor: Actor,
  unitId: number,
  level: string,
  org: { type: TOrganizationType; parentOrganizationId?: number | null | undefined },
) {
  const disabled = async (key: 'communeBloc.enabled' | 'villageTeam.enabled') => !(await unitSetting(db, unitId, key));
  const typeName = { commune_bloc: msg('organizations.setting.communeBloc'), village_team: msg('organizations.setting.villageTeam') };
  if ((org.type === 'commune_bloc' && (await disabled('communeBloc.enabled'))) || (org.type === 'village_team' && (await disabled('villageTeam.enabled')))) {
    throw invalidField('type', msg('organizations.settingDisabled', { type: typeName[org.type] }));
  }
  if (org.type === 'trade_union' && level === 'commune' && org.parentOrganizationId != null) {
    const parent = await repo.findOrganization(db, actor.scope, org.parentOrganizationId, clock.today());
    if (parent?.type === 'fatherland_front' && !(await unitSetting(db, unitId, 'communeTradeUnion.enabled'))) {
      throw invalidField('parentOrganizationId', msg('organizations.settingDisabled', { type: msg('organizations.setting.communeTradeUnion') }));
    }
  }
}

/** The organisation above must be in scope and must not be the organisation itself or one below it. */
async function checkParent(db: Database, actor: Actor, parentId: number | null | undefined, selfId?: number) {
  if (parentId == null) return;
  const parent = await repo.findOrganization(db, actor.scope, parentId, clock.today());
  if (!parent) throw notFound('entity.parentOrganization');
  if (selfId !== undefined && (parentId === selfId || (await repo.findParentChain(db, parentId)).includes(selfId))) {
    throw invalidField('parentOrganizationId', msg('organizations.parentCycle'));
  }
}

/** Contract fields → columns, only for the fields present. */
function toColumns(input: OrganizationChanges): Partial<Omit<repo.OrganizationValues, 'unit_id'>> {
  const columns: Partial<Omit<repo.OrganizationValues, 'unit_id'>> = {};
  if (input.type !== undefined) columns.type = input.type;
  if (input.name !== undefined) columns.name = input.name;
  if (input.parentOrganizationId !== undefined) columns.parent_organization_id = input.parentOrganizationId;
  if (input.workerCount !== undefined) columns.worker_count = input.workerCount;
  if (input.hasTradeUnion !== undefined) columns.has_trade_union = input.hasTradeUnion;
  if (input.religionName !== undefined) columns.religion_name = input.religionName;
  if (input.foundedOn !== undefined) columns.founded_on = input.foundedOn;
  if (input.dissolvedOn !== undefined) columns.dissolved_on = input.dissolvedOn;
  return columns;
}

/** Reads back an organisation just written (member count as of today). */
async function reread(db: Database, actor: Actor, id: number): Promise<TOrganization> {
  const row = await repo.findOrganization(db, actor.scope, id, clock.today());
  if (!row) throw new Error('written organisation not readable');
  return presentOrganization(row);
}

/** Creates an organisation in a unit in scope; in an ended unit only as a system administrator's back-fill. */
export async function createOrganization({ db, derived }: Deps, actor: Actor, input: TOrganizationInput): Promise<TOrganization> {
  authorize(organizationPolicy.create(actor));
  checkOrganizationShape(input);
  return db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, actor.scope, input.unitId, clock.today());
    if (!unit) throw notFound('entity.unit');
    const mode = checkHistoryWrite(actor, [datedUnit(unit)], input.backfill);
    // an organisation with no founding date is judged on its unit's last day (a back-fill of 2019), else today
    checkTypeInForce(input, unit.level, unit.valid_to ?? clock.today());
    await checkProvinceSettings(trx, actor, input.unitId, unit.level, input);
    await checkParent(trx, actor, input.parentOrganizationId);
    const id = await repo.insertOrganization(trx, {
      unit_id: input.unitId,
      type: input.type,
      name: input.name,
      parent_organization_id: input.parentOrganizationId ?? null,
      worker_count: input.workerCount ?? null,
      has_trade_union: input.hasTradeUnion ?? null,
      religion_name: input.religionName ?? null,
      founded_on: input.foundedOn ?? null,
      dissolved_on: input.dissolvedOn ?? null,
    });
    await recordAudit(trx, actor, { action: auditActionOf(mode, 'create'), entity: 'organization', entityId: id, unitId: input.unitId, after: input });
    await touchOrganization(trx, derived, actor, { types: [input.type], unitIds: [input.unitId] });
    return reread(trx, actor, id);
  });
}

/**
 * Changes an organisation; only the fields sent change, and the result must still satisfy the type rules. An
 * ended organisation is history: changed only by a system administrator's back-fill.
 */
export async function updateOrganization({ db, derived }: Deps, actor: Actor, id: number, changes: OrganizationChanges): Promise<TOrganization> {
  const { backfill, ...input } = changes;
  return db.transaction().execute(async (trx) => {
    const current = await repo.findOrganization(trx, actor.scope, id, clock.today());
    if (!current) throw notFound('entity.organization');
    authorize(organizationPolicy.write(actor, id));
    const mode = checkHistoryWrite(actor, [datedOrganization(current)], backfill);
    const before = presentOrganization(current);
    const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as OrganizationChanges;
    checkOrganizationShape({ ...before, ...defined });
    if (defined.type !== undefined || defined.foundedOn !== undefined) {
      const level = await repo.findUnitLevel(trx, current.unit_id);
      checkTypeInForce({ ...before, ...defined }, level, current.last_day ?? clock.today());
      await checkProvinceSettings(trx, actor, current.unit_id, level, { ...before, ...defined });
    }
    if (input.parentOrganizationId !== undefined) await checkParent(trx, actor, input.parentOrganizationId, id);
    await repo.updateOrganization(trx, id, toColumns(input));
    const beforeChanged = Object.fromEntries(Object.keys(defined).map((key) => [key, before[key as keyof TOrganization]]));
    await recordAudit(trx, actor, {
      action: auditActionOf(mode, 'update'),
      entity: 'organization',
      entityId: id,
      unitId: current.unit_id,
      before: beforeChanged,
      after: defined,
    });
    // a type, founding or dissolution change moves the derived values of the organisation's unit
    if (defined.type !== undefined || 'foundedOn' in defined || 'dissolvedOn' in defined) {
      await touchOrganization(trx, derived, actor, { types: [current.type, defined.type ?? current.type], unitIds: [current.unit_id] });
    }
    return reread(trx, actor, id);
  });
}
