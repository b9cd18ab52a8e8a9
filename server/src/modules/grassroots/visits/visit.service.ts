import { spanProblem, visitDays, MAX_VISIT_SPAN_DAYS } from '#contracts/grassroots/days.ts';
import { ZVisitCreate, ZVisitListQuery, type TCadre, type TVisitCreate } from '#contracts/grassroots/visit.schemas.ts';
import type { z } from 'zod';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValues } from '#server/shared/module.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { recordAudit } from '../../audit/index.ts';
import { touchVisitFigures } from '../figures/field-days.ts';
import { grassrootsPolicy } from '../grassroots.policy.ts';
import * as repo from './visit.repository.ts';
import { presentVisit } from './visit.presenter.ts';

const presentPurpose = (row: { id: number; code: string; name: string; active: boolean }) => ({ id: Number(row.id), code: row.code, name: row.name, active: row.active });

export async function listPurposes(db: Database, actor: Actor) {
  authorize(grassrootsPolicy.read(actor));
  return (await repo.listPurposes(db, await repo.provincesOf(db, actor.scope))).map(presentPurpose);
}

/** Adds a purpose to the actor's province's list (a system administrator: the national list), audited. */
export async function addPurpose(db: Database, actor: Actor, body: { code: string; name: string }) {
  authorize(grassrootsPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const provinceId = actor.unitId === null ? null : await repo.provinceOfUnit(trx, actor.unitId);
    if (await repo.purposeCodeTaken(trx, provinceId, body.code)) throw invalidField('code', msg('grassroots.purposes.codeTaken'));
    const row = await repo.insertPurpose(trx, { province_id: provinceId, code: body.code, name: body.name, sort_order: 80 });
    await recordAudit(trx, actor, { action: 'create', entity: 'field_visit_purpose', entityId: Number(row.id), unitId: provinceId, after: body });
    return presentPurpose(row);
  });
}

export async function listCadres(db: Database, actor: Actor, query: { unitId?: number | undefined; q?: string | undefined; asOf?: string | undefined }): Promise<TCadre[]> {
  authorize(grassrootsPolicy.read(actor));
  const unitPath = query.unitId ? await repo.findUnitPath(db, actor.scope, query.unitId) : undefined;
  if (query.unitId && !unitPath) throw notFound('entity.unit');
  const rows = await repo.listCadres(db, actor.scope, { asOf: query.asOf ?? clock.today(), ...(unitPath ? { unitPath } : {}), ...(query.q ? { q: foldVi(query.q) } : {}) });
  return rows.map((row) => ({
    roleId: Number(row.role_id),
    personId: Number(row.person_id),
    personName: row.person_name,
    title: row.title,
    organizationId: Number(row.organization_id),
    organizationName: row.organization_name,
    organizationType: row.organization_type,
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
  }));
}

/** Communes and villages under a unit in scope (default: the reader's own; a system administrator must name one). */
export async function listPlaces(db: Database, actor: Actor, query: { unitId?: number | undefined }) {
  authorize(grassrootsPolicy.read(actor));
  const unitId = query.unitId ?? actor.unitId;
  if (unitId === null) return [];
  const path = await repo.findUnitPath(db, actor.scope, unitId);
  if (!path) throw notFound('entity.unit');
  const rows = await repo.listPlaces(db, actor.scope, path, clock.today());
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.full_name,
    level: row.level as 'commune' | 'village',
    communeId: row.level === 'commune' ? Number(row.id) : Number(row.parent_id),
  }));
}

/**
 * Logs a visit under the client's id, in one transaction: the role in scope and held on the dates, the place a
 * commune or village in scope, the purpose active; then the row (a resend of a stored id stores nothing and answers
 * the stored visit, even when two copies race), the audit entry and the figures of the person's bodies.
 */
export async function logVisit(db: Database, derived: DerivedValues, actor: Actor, body: TVisitCreate) {
  const input = ZVisitCreate.parse(body);
  authorize(grassrootsPolicy.log(actor, { organizationId: actor.organizationId }));
  const today = clock.today();
  return db.transaction().execute(async (trx) => {
    const place = await repo.findPlace(trx, actor.scope, input.unitId);
    if (!place) throw invalidField('unitId', msg('grassroots.visits.placeNotInScope'));
    const provinceId = await repo.provinceOfUnit(trx, place.id);
    if (provinceId === null) throw notFound('entity.unit');
    const stored = await repo.findVisitKey(trx, actor.scope, provinceId, input.id);
    if (stored) return receipt(trx, actor, provinceId, input.id, true);
    const role = await repo.findRole(trx, actor.scope, input.roleId);
    if (!role) throw invalidField('roleId', msg('grassroots.visits.roleNotInScope'));
    authorize(grassrootsPolicy.log(actor, { organizationId: Number(role.organization_id) }));
    if (place.level !== 'commune' && place.level !== 'village') throw invalidField('unitId', msg('grassroots.visits.placeLevel'));
    const span = { from: input.from, to: input.to, startHalf: input.startHalf, endHalf: input.endHalf };
    const problem = spanProblem(span);
    if (problem) throw invalidField(problem.field, msg(`grassroots.visits.${problem.problem}`, { days: MAX_VISIT_SPAN_DAYS }));
    if (input.to > today) throw invalidField('to', msg('grassroots.visits.inFuture'));
    if ((place.valid_to !== null && place.valid_to < input.from) || (place.valid_from !== null && place.valid_from > input.to)) {
      throw invalidField('unitId', msg('grassroots.visits.placeEnded'));
    }
    if (role.term_from > input.to || (role.term_to !== null && role.term_to < input.from)) throw invalidField('roleId', msg('grassroots.visits.roleNotHeld'));
    const purpose = await repo.findPurpose(trx, input.purposeId, provinceId);
    if (!purpose?.active) throw invalidField('purposeId', msg('grassroots.visits.purposeUnknown'));
    if ((input.lat == null) !== (input.lon == null)) throw invalidField(input.lat == null ? 'lat' : 'lon', msg('grassroots.visits.pointNeedsBoth'));
    const inserted = await repo.insertVisit(trx, {
      id: input.id, province_id: provinceId, unit_id: place.id, person_id: Number(role.person_id), role_id: Number(role.id), organization_id: Number(role.organization_id),
      from_date: input.from, to_date: input.to, start_half: input.startHalf, end_half: input.endHalf, days: visitDays(span), purpose_id: Number(purpose.id),
      lat: input.lat ?? null, lon: input.lon ?? null, met_with: input.metWith ?? null, heard: input.heard ?? null, topics: [...new Set(input.topics)],
      entered_by: actor.userId, created_at: clock.now(),
    });
    // a copy that raced this one was stored first: it stands
    if (!inserted) return receipt(trx, actor, provinceId, input.id, true);
    await recordAudit(trx, actor, {
      action: 'create', entity: 'field_visit', entityId: input.id, unitId: place.id,
      after: { personId: Number(role.person_id), roleId: Number(role.id), from: input.from, to: input.to, days: visitDays(span), purpose: purpose.code },
    });
    await touchVisitFigures(trx, derived, actor, { ...span, provinceId, personId: Number(role.person_id) });
    return receipt(trx, actor, provinceId, input.id, false);
  });
}

async function receipt(trx: Database, actor: Actor, provinceId: number, id: string, duplicate: boolean) {
  const row = await repo.findVisit(trx, actor.scope, provinceId, id);
  if (!row) throw invalidField('id', msg('grassroots.visits.idOfAnotherVisit'));
  return { id, duplicate, visit: presentVisit(row) };
}

export async function listVisits(db: Database, actor: Actor, query: z.input<typeof ZVisitListQuery>) {
  authorize(grassrootsPolicy.read(actor));
  const q = ZVisitListQuery.parse(query);
  const unitPath = q.unitId ? await repo.findUnitPath(db, actor.scope, q.unitId) : undefined;
  if (q.unitId && !unitPath) throw notFound('entity.unit');
  const provinces = await repo.provincesOf(db, actor.scope);
  const { items, total } = await repo.listVisits(db, actor.scope, provinces, { ...q, ...(unitPath ? { unitPath } : {}) });
  return { items: items.map(presentVisit), total, page: q.page, pageSize: q.pageSize };
}
