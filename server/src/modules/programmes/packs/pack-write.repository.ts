import { typePeriodAt, type TOrganizationType } from '#contracts/organizations.ts';
import type { Kysely } from 'kysely';
import type { TPackBody, TProgrammePack } from '#contracts/programmes/pack.ts';
import type { TTargetLevel } from '#contracts/programmes/target-rule.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';
import { insertProgramme } from '../programme.repository.ts';
import { insertTargets } from '../targets/programme-target.repository.ts';

/** A body's key for matching: organisation type and level. */
export const bodyKey = (body: { organizationType?: string | undefined; level?: string | undefined }) => `${body.organizationType}@${body.level}`;

/**
 * The organisations a pack's bodies are matched to: for each (type, level) the pack names, the one organisation
 * of that type in force on `today` in a unit of that level in the owner unit's subtree (the owner included). Two
 * or more (every commune's committee) or none: the body keeps its name as written, unmatched.
 */
export async function matchOrganizations(db: Kysely<DB>, scope: Scope, ownerPath: string, bodies: readonly TPackBody[], today: string) {
  const wanted = bodies.filter((b) => b.organizationType !== undefined && b.level !== undefined);
  const matches = new Map<string, number>();
  if (wanted.length === 0) return matches;
  // a body of a type ended at its level (a 2019 pack's Ban Dân vận Tỉnh ủy) is the body that took its duty over
  // today (the Ban Tuyên giáo và Dân vận): ORGANIZATION_TYPE_PERIODS
  const keyOf = new Map<string, string>();
  for (const body of wanted) {
    const period = typePeriodAt(body.organizationType as TOrganizationType, body.level as string);
    const type = period?.to != null && period.to < today && period.duty ? period.duty : (body.organizationType as string);
    keyOf.set(bodyKey({ organizationType: type, level: body.level }), bodyKey(body));
  }
  const types = [...new Set([...keyOf.keys()].map((key) => key.split('@')[0] as string))];
  const rows = await unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .select(['o.id', 'o.type', 'unit.level'])
    .where('unit.path', '<@', ownerPath)
    .where('o.type', 'in', types)
    .where('unit.level', 'in', [...new Set(wanted.map((b) => b.level as TTargetLevel))])
    .where((eb) => eb.or([eb('o.dissolved_on', 'is', null), eb('o.dissolved_on', '>', today)]))
    .where((eb) => eb.or([eb('unit.valid_to', 'is', null), eb('unit.valid_to', '>=', today)]))
    .orderBy('o.id')
    .execute();
  const byKey = new Map<string, number[]>();
  for (const row of rows) {
    const key = keyOf.get(bodyKey({ organizationType: row.type, level: row.level }));
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), row.id]);
  }
  for (const [key, ids] of byKey) if (ids.length === 1 && ids[0] !== undefined) matches.set(key, ids[0]);
  return matches;
}

/** Writes a pack as a programme of `ownerUnitId`: targets, groups, tasks, assignments, reviews, budget. Returns its id. */
export async function writePack(db: Kysely<DB>, pack: TProgrammePack, ownerUnitId: number, createdBy: number | null, matches: ReadonlyMap<string, number>): Promise<number> {
  const p = pack.programme;
  const { id: programmeId, province_id: provinceId } = await insertProgramme(db, {
    owner_unit_id: ownerUnitId,
    parent_programme_id: null,
    kind: p.kind,
    number: p.number,
    issuer: p.issuer,
    issued_on: p.issuedOn,
    title: p.title,
    from_year: p.fromYear,
    to_year: p.toYear,
    general_objective: p.generalObjective ?? null,
    status: 'active',
    pack_code: pack.code,
    pack_version: pack.version,
    created_by: createdBy,
  });
  await insertTargets(
    db,
    pack.targets.map((t) => ({ province_id: provinceId, programme_id: programmeId, code: t.code, text: t.text, rule: t.rule ?? null, waits_for: t.waitsFor ?? null, levels: t.levels ?? null, parent_target_id: null })),
  );
  let taskPosition = 0;
  for (const [groupIndex, group] of pack.solutionGroups.entries()) {
    const { id: groupId } = await db
      .insertInto('programme_solution_group')
      .values({ province_id: provinceId, programme_id: programmeId, code: group.code, position: groupIndex + 1, title: group.title })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const task of group.tasks) {
      const { id: taskId } = await db
        .insertInto('programme_task')
        .values({
          province_id: provinceId,
          programme_id: programmeId,
          group_id: groupId,
          code: task.code,
          position: ++taskPosition,
          text: task.text,
          due_on: task.dueOn ?? null,
          recurrence: task.recurrence ?? null,
          expected_output: task.expectedOutput ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const bodies = [...task.lead.map((body) => ({ body, role: 'lead' as const })), ...task.coordinating.map((body) => ({ body, role: 'coordinate' as const }))];
      await db
        .insertInto('task_assignment')
        .values(
          bodies.map(({ body, role }, i) => ({
            province_id: provinceId,
            task_id: taskId,
            role,
            body_name: body.name,
            organization_type: body.organizationType ?? null,
            level: body.level ?? null,
            organization_id: matches.get(bodyKey(body)) ?? null,
            position: i + 1,
          })),
        )
        .execute();
    }
  }
  if (pack.reviews.length > 0) {
    await db
      .insertInto('programme_review')
      .values(pack.reviews.map((r) => ({ province_id: provinceId, programme_id: programmeId, kind: r.kind, title: r.title, from_year: r.fromYear, to_year: r.toYear, due_on: r.dueOn })))
      .execute();
  }
  if (pack.budget.length > 0) {
    await db
      .insertInto('programme_budget_line')
      .values(pack.budget.map((b, i) => ({ province_id: provinceId, programme_id: programmeId, year: b.year ?? null, title: b.title, source: b.source ?? null, planned: b.planned ?? null, position: i + 1 })))
      .execute();
  }
  return programmeId;
}
