import type { Kysely } from 'kysely';
import type { TCourse, TCourseData, TCourseDetail, TCoverage } from '#contracts/training/api.ts';
import { DUE_SOON_DAYS, GROUP_TARGETS, shiftDate, type TTrainingGroup, type TTrainingWindow } from '#contracts/training/rules.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { recordAudit } from '../audit/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { findUnit } from '../units/index.ts';
import { coverageByUnit, untrainedHolders } from './training-coverage.repository.ts';
import { touchTraining } from './training-derived.ts';
import { trainingPolicy } from './training.policy.ts';
import { presentCourse, presentParticipant } from './training.presenter.ts';
import * as repo from './training.repository.ts';

export type Deps = Pick<ModuleContext, 'db' | 'derived'>;

/** A unit in the actor's scope as of today (404 otherwise); default: the actor's own unit. */
async function unitInScope(db: Kysely<DB>, actor: Actor, unitId: number | undefined, field = 'unitId') {
  const id = unitId ?? actor.unitId;
  if (id == null) throw invalidField(field, msg('common.required'));
  const unit = await findUnit(db, actor.scope, id, clock.today());
  if (!unit) throw notFound('entity.unit');
  return unit;
}

export async function listCourses(db: Database, actor: Actor, query: { unitId?: number | undefined; from?: string | undefined; to?: string | undefined; limit: number }): Promise<TCourse[]> {
  authorize(trainingPolicy.read(actor));
  const underPath = query.unitId === undefined ? undefined : (await unitInScope(db, actor, query.unitId)).path;
  const rows = await repo.listCourses(db, actor.scope, { underPath, from: query.from, to: query.to, limit: query.limit });
  return rows.map(presentCourse);
}

/** A course in scope with its participants (404 outside the scope). */
export async function courseDetail(db: Kysely<DB>, actor: Actor, id: string): Promise<TCourseDetail> {
  authorize(trainingPolicy.read(actor));
  const course = await repo.findCourse(db, actor.scope, id);
  if (!course) throw notFound('entity.trainingCourse');
  const participants = await repo.listParticipants(db, actor.scope, Number(course.province_id), id);
  return { ...presentCourse(course), participantList: participants.map(presentParticipant) };
}

export async function createCourse({ db }: Deps, actor: Actor, input: TCourseData): Promise<TCourse> {
  authorize(trainingPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const unit = await unitInScope(trx, actor, input.unitId);
    if (input.organizationId != null) {
      const organization = await findOrganization(trx, actor.scope, input.organizationId, clock.today());
      if (!organization || Number(organization.unit_id) !== Number(unit.id)) throw invalidField('organizationId', msg('training.organizationNotOfUnit'));
    }
    const id = uuidv7();
    const at = clock.now();
    const provinceId = await repo.provinceOf(trx, Number(unit.id));
    await repo.insertCourse(trx, {
      id,
      province_id: provinceId,
      unit_id: Number(unit.id),
      organization_id: input.organizationId ?? null,
      title: input.title,
      kind: input.kind,
      level: input.level,
      subject: input.subject,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      target_groups: [...new Set(input.targetGroups)],
      place: input.place ?? null,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'training_course', entityId: id, unitId: Number(unit.id), after: input });
    const course = await repo.findCourse(trx, actor.scope, id);
    if (!course) throw notFound('entity.trainingCourse');
    return presentCourse(course);
  });
}

/** Adds a person of the registry (in scope) to a course the actor manages, or changes their completion. */
export async function setParticipant({ db, derived }: Deps, actor: Actor, courseId: string, input: { personId: number; completed: boolean }) {
  authorize(trainingPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const course = await repo.findCourse(trx, actor.scope, courseId);
    if (!course) throw notFound('entity.trainingCourse');
    const person = await repo.findPerson(trx, actor.scope, input.personId);
    if (!person) throw invalidField('personId', msg('training.personOutside'));
    await repo.upsertParticipants(trx, [
      { provinceId: Number(course.province_id), courseId, personId: input.personId, unitId: Number(person.unit_id), completed: input.completed, source: 'entry', userId: actor.userId, at: clock.now() },
    ]);
    await recordAudit(trx, actor, { action: 'update', entity: 'training_course', entityId: courseId, unitId: Number(course.unit_id), after: { participant: input } });
    await touchTraining(trx, derived, actor, await repo.unitsOfPeople(trx, [input.personId], clock.today()));
    return courseDetail(trx, actor, courseId);
  });
}

interface CoverageQuery {
  unitId?: number | undefined;
  group: TTrainingGroup;
  window?: TTrainingWindow | undefined;
  asOf?: string | undefined;
}

async function coverageArgs(db: Kysely<DB>, actor: Actor, query: CoverageQuery) {
  authorize(trainingPolicy.read(actor));
  const unit = await unitInScope(db, actor, query.unitId);
  const window = query.window ?? GROUP_TARGETS[query.group].window;
  const asOf = query.asOf ?? clock.today();
  return { unit, args: { group: query.group, window, asOf, underPath: unit.path } };
}

/** Holders and trained holders of a group under a unit, by commune. */
export async function coverage(db: Database, actor: Actor, query: CoverageQuery): Promise<TCoverage> {
  const { unit, args } = await coverageArgs(db, actor, query);
  const rows = await coverageByUnit(db, actor.scope, args);
  return {
    unitId: Number(unit.id),
    unitName: unit.full_name,
    group: args.group,
    window: args.window,
    asOf: args.asOf,
    targetPercent: GROUP_TARGETS[args.group].percent,
    holders: rows.reduce((sum, row) => sum + row.holders, 0),
    trained: rows.reduce((sum, row) => sum + row.trained, 0),
    rows: rows.map(({ provinceId: _provinceId, ...row }) => row),
  };
}

/** Who of a group under a unit is not trained within the window (never, overdue) or due soon. */
export async function dueList(db: Database, actor: Actor, query: CoverageQuery & { limit: number }) {
  const { args } = await coverageArgs(db, actor, query);
  const rows = await untrainedHolders(db, actor.scope, { ...args, dueBy: shiftDate(args.asOf, 0, DUE_SOON_DAYS), limit: query.limit });
  return {
    total: rows[0]?.total ?? 0,
    people: rows.map((row) => ({
      personId: Number(row.person_id),
      fullName: row.full_name,
      birthYear: row.birth_year,
      title: row.title,
      organizationName: row.organization_name,
      unitId: Number(row.unit_id),
      unitName: row.unit_name,
      termFrom: row.term_from,
      lastTrainedOn: row.last_trained_on,
      status: row.in_window ? ('due' as const) : row.last_trained_on === null ? ('never' as const) : ('overdue' as const),
    })),
  };
}

/** The due list as an .xlsx (every row, up to 20,000). */
export async function dueExport(db: Database, actor: Actor, query: CoverageQuery) {
  const list = await dueList(db, actor, { ...query, limit: 20_000 });
  const { unit, args } = await coverageArgs(db, actor, query);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(msg('training.due.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(
    (['order', 'fullName', 'birthYear', 'title', 'organization', 'unit', 'termFrom', 'lastTrained', 'status'] as const).map((key) => msg(`training.due.column.${key}`)),
  ).font = { bold: true };
  list.people.forEach((p, i) => {
    sheet.addRow([i + 1, p.fullName, p.birthYear ?? '', p.title, p.organizationName, p.unitName, vnDate(p.termFrom), p.lastTrainedOn ? vnDate(p.lastTrainedOn) : '', msg(`training.status.${p.status}`)]);
  });
  sheet.columns.forEach((column, i) => {
    column.width = [6, 28, 10, 36, 36, 30, 14, 18, 22][i] ?? 14;
  });
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { filename: `chua-tap-huan_${args.group}_${unit.id}_${args.asOf}.xlsx`, data };
}
