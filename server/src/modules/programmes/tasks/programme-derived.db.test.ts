import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildOrganization, buildProvince } from '#test/factories.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { tasksDoneOnTime, tasksOverdue } from './programme-derived.ts';
import { insertProgramme } from '../programme.repository.ts';
import { insertProgress } from './task-progress.repository.ts';
import { insertAssignment, insertTask } from './task.repository.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const asMap = (values: ReadonlyArray<{ unitId: number; value: number }>) => Object.fromEntries(values.map((v) => [v.unitId, v.value]));
let serial = 0;

async function programme(ownerUnitId: number, status: 'active' | 'draft' = 'active') {
  return insertProgramme(handle.db, {
    owner_unit_id: ownerUnitId, parent_programme_id: null, kind: 'plan', number: `${++serial}-KH/PS`, issuer: 'Tỉnh ủy',
    issued_on: '2025-12-20', title: `Kế hoạch thử ${serial}`, from_year: 2026, to_year: 2027, general_objective: null,
    status, pack_code: null, pack_version: null, created_by: null,
  });
}

/** A task created on `createdOn` (09:00 in Vietnam), assigned to these organisations (null: the body as written). */
async function task(p: { id: number; province_id: number }, timing: { dueOn?: string; recurrence?: 'quarterly'; createdOn: string }, bodies: Array<number | null>) {
  const id = await insertTask(handle.db, {
    province_id: p.province_id, programme_id: p.id, group_id: null, code: `${++serial}`, text: `Nhiệm vụ ${serial}`,
    due_on: timing.dueOn ?? null, recurrence: timing.recurrence ?? null, expected_output: null, position: serial,
    created_at: new Date(`${timing.createdOn}T09:00:00+07:00`),
  });
  for (const [i, organizationId] of bodies.entries()) {
    await insertAssignment(handle.db, {
      province_id: p.province_id, task_id: id, role: i === 0 ? 'lead' : 'coordinate', body_name: `Cơ quan ${i + 1}`,
      organization_type: null, level: null, organization_id: organizationId,
    });
  }
  return id;
}

async function report(taskId: number, unitId: number, on: string, percent: number) {
  await insertProgress(handle.db, {
    id: uuidv7(), task_id: taskId, assignment_id: null, unit_id: unitId, reported_by: 0,
    reported_at: new Date(`${on}T10:00:00+07:00`), percent, note: `Báo cáo ${percent}%`,
  });
}

describe('derived values of the programmes: tasks overdue and done on time per commune, as of a day', () => {
  it('counts the tasks of each commune from its bodies and the reports up to the day', async () => {
    const p = await buildProvince(handle.db, { communes: 3, villagesPerCommune: 1 });
    const [c1, c2, c3] = p.communeIds as [number, number, number];
    const [v1] = p.villageIds as [number];
    const orgA = await buildOrganization(handle.db, v1, { type: 'village_team' });
    const orgC = await buildOrganization(handle.db, c1, { type: 'committee' });
    const orgB = await buildOrganization(handle.db, c2, { type: 'commune_bloc' });
    const province = await programme(p.provinceId);
    const commune3 = await programme(c3);
    const draft = await programme(c3, 'draft');

    // T1: due 31/03, done on 20/03 (c1 through its village's team, c2 as coordinating body)
    const t1 = await task(province, { dueOn: '2026-03-31', createdOn: '2026-01-05' }, [orgA, orgB]);
    await report(t1, v1, '2026-03-20', 100);
    // T2: due 28/02, done late on 10/04; two bodies of c1 count it once
    const t2 = await task(province, { dueOn: '2026-02-28', createdOn: '2026-01-05' }, [orgA, orgC]);
    await report(t2, c1, '2026-02-10', 50);
    await report(t2, c1, '2026-04-10', 100);
    // T3: quarterly for c2, Q1 done on 15/03, Q2 never
    const t3 = await task(province, { recurrence: 'quarterly', createdOn: '2026-01-01' }, [orgB]);
    await report(t3, c2, '2026-03-15', 100);
    // T4, T5: the commune's own plan, bodies not matched to an organisation (they belong to the issuing commune)
    await task(commune3, { dueOn: '2026-01-31', createdOn: '2026-01-10' }, [null]);
    await task(commune3, { dueOn: '2026-03-20', createdOn: '2026-03-10' }, [null]);
    // a draft programme counts nothing
    await task(draft, { dueOn: '2026-01-31', createdOn: '2026-01-10' }, [null]);

    const overdue = async (asOf: string) => asMap(await tasksOverdue.compute(handle.db, { provinceId: p.provinceId, asOf }));
    const onTime = async (asOf: string) => asMap(await tasksDoneOnTime.compute(handle.db, { provinceId: p.provinceId, asOf }));

    // T5 did not exist on 28/02; T2 is due that day, not yet late
    expect(await overdue('2026-02-28')).toEqual({ [c1]: 0, [c2]: 0, [c3]: 1 });
    expect(await overdue('2026-03-31')).toEqual({ [c1]: 1, [c2]: 0, [c3]: 2 });
    // T2 done late; T3's second quarter ended without a report
    expect(await overdue('2026-07-15')).toEqual({ [c1]: 0, [c2]: 1, [c3]: 2 });

    expect(await onTime('2026-03-19')).toEqual({ [c1]: 0, [c2]: 1, [c3]: 0 });
    expect(await onTime('2026-07-15')).toEqual({ [c1]: 1, [c2]: 2, [c3]: 0 });
    // a new year starts from nothing
    expect(await onTime('2027-01-31')).toEqual({ [c1]: 0, [c2]: 0, [c3]: 0 });
    // only the communes asked for
    expect(await tasksOverdue.compute(handle.db, { provinceId: p.provinceId, asOf: '2026-03-31', unitIds: [c3] })).toEqual([{ unitId: c3, value: 2 }]);

    // another province's tasks are not this province's
    const other = await buildProvince(handle.db, { communes: 1, villagesPerCommune: 1 });
    expect(await overdue('2026-03-31')).toEqual({ [c1]: 1, [c2]: 0, [c3]: 2 });
    expect(asMap(await tasksOverdue.compute(handle.db, { provinceId: other.provinceId, asOf: '2026-03-31' }))).toEqual({ [other.communeIds[0] as number]: 0 });
  });
});
