import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseKind, TCaseOutcome, TCaseStatus } from '#contracts/petitions/case.schemas.ts';
import type { DatabaseHandle } from '#server/db/database.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince, type TestProvince } from '#test/factories.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { petitionDerivedValues } from './figures-derived.ts';
import { figureCounts } from './figures.repository.ts';
import { resolutionRate } from './figures.rules.ts';

let handle: DatabaseHandle;
let old: TestProvince;
let p: TestProvince;
let fieldId: number;
beforeAll(async () => {
  handle = await createTestDatabase();
  old = await buildProvince(handle.db, { structure: '2019', communes: 2, villagesPerCommune: 1 });
  p = await buildProvince(handle.db, { communes: 2, villagesPerCommune: 1 });
  // the 2019 province and its first commune went into the 2025 ones (the second 2019 commune: no successor)
  await handle.db
    .insertInto('unit_succession')
    .values([
      { old_unit_id: old.provinceId, new_unit_id: p.provinceId, kind: 'merged', effective_date: '2025-07-01' },
      { old_unit_id: old.communeIds[0] as number, new_unit_id: p.communeIds[0] as number, kind: 'merged', effective_date: '2025-07-01' },
    ])
    .execute();
  fieldId = (await handle.db.selectFrom('petition_field').select('id').where('code', '=', 'land').executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(() => handle.close());

let n = 0;
interface Case {
  commune: number;
  unit?: number;
  kind: TCaseKind;
  received: string;
  status: TCaseStatus;
  resolved?: string;
  due?: string;
  outcome?: TCaseOutcome;
  extensions?: number;
  noCommune?: boolean;
}
async function insertCase(c: Case) {
  const id = uuidv7();
  n++;
  const dup = c.status === 'duplicate' ? await firstCaseId() : null;
  await handle.db
    .insertInto('petition_case')
    .values({
      id, province_id: p.provinceId, unit_id: c.unit ?? c.commune, commune_id: c.noCommune ? null : c.commune, code: `FIG-${n}`, kind: c.kind, channel: 'in_person',
      field_id: fieldId, subject: 'Tranh chấp đất đai', content: 'Nội dung', received_on: c.received, status: c.status, resolved_on: c.resolved ?? null,
      due_on: c.due ?? null, outcome: c.outcome ?? null, extensions: c.extensions ?? 0, duplicate_of_id: dup,
      closed_on: c.status === 'closed' ? (c.resolved ?? c.received) : null, source: 'officer', search_text: 'tranh chap dat dai', subject_fold: 'tranh chap dat dai',
      created_at: new Date(), updated_at: new Date(),
    })
    .execute();
  return id;
}
let first: string | null = null;
async function firstCaseId() {
  return first as string;
}

const asMap = (values: ReadonlyArray<{ unitId: number; value: number }>) => Object.fromEntries(values.map((v) => [v.unitId, v.value]));
const byCode = (code: string) => {
  const value = petitionDerivedValues.find((v) => v.code === code);
  if (!value) throw new Error(code);
  return value;
};

describe('figures of cases: a worked set', () => {
  it('counts received, resolved, on time and the complaints and denunciations of the resolution rate per commune and month, across the reform', async () => {
    const [a, b] = p.communeIds as [number, number];
    const [oldA, oldB] = old.communeIds as [number, number];
    // March 2026, commune a
    first = await insertCase({ commune: a, kind: 'complaint', received: '2026-03-02', status: 'closed', resolved: '2026-03-20', due: '2026-04-01', outcome: 'on_time' });
    await insertCase({ commune: a, kind: 'complaint', received: '2026-03-05', status: 'duplicate' }); // not counted twice
    await insertCase({ commune: a, kind: 'denunciation', received: '2026-03-10', status: 'concluded', resolved: '2026-03-30', due: '2026-03-25' }); // late
    await insertCase({ commune: a, kind: 'denunciation', received: '2026-03-11', status: 'transferred' }); // not the commune's to resolve
    await insertCase({ commune: a, kind: 'complaint', received: '2026-03-12', status: 'withdrawn' });
    await insertCase({ commune: a, kind: 'complaint', received: '2026-03-13', status: 'verifying', due: '2026-04-20' }); // to resolve, open
    await insertCase({ commune: a, kind: 'feedback', received: '2026-03-14', status: 'notified', resolved: '2026-03-16', due: '2026-03-28' }); // not closed: no outcome yet
    await insertCase({ commune: a, kind: 'petition', received: '2026-03-15', status: 'refused' });
    // received by the province, matter in commune b; a complaint of February resolved in March with an extension
    await insertCase({ commune: b, unit: p.provinceId, kind: 'complaint', received: '2026-03-03', status: 'accepted' });
    await insertCase({ commune: b, kind: 'complaint', received: '2026-02-10', status: 'closed', resolved: '2026-03-25', due: '2026-03-30', outcome: 'late_extended', extensions: 1 });
    // no commune given, received by a village of commune b: counts for b
    await insertCase({ commune: p.villagesByCommune[1]?.[0] as number, kind: 'feedback', received: '2026-03-20', status: 'received', noCommune: true });
    // before the reform, on 2019 communes: the first one's case resolved after the reform counts for its successor a
    await insertCase({ commune: oldA, kind: 'complaint', received: '2025-06-10', status: 'closed', resolved: '2025-07-15', due: '2025-07-20', outcome: 'on_time' });
    await insertCase({ commune: oldB, kind: 'denunciation', received: '2025-06-12', status: 'verifying' });

    const march = { provinceId: p.provinceId, asOf: '2026-03-31', from: '2026-03-01' };
    expect(asMap(await byCode('petitions.received').compute(handle.db, march))).toEqual({ [a]: 7, [b]: 2 });
    expect(asMap(await byCode('petitions.resolved').compute(handle.db, march))).toEqual({ [a]: 3, [b]: 1 });
    expect(asMap(await byCode('petitions.resolved_on_time').compute(handle.db, march))).toEqual({ [a]: 1, [b]: 0 });
    expect(asMap(await byCode('petitions.kd_to_resolve').compute(handle.db, march))).toEqual({ [a]: 3, [b]: 1 });
    expect(asMap(await byCode('petitions.kd_resolved').compute(handle.db, march))).toEqual({ [a]: 2, [b]: 1 });
    // an open month counts up to the day asked; only the communes asked for
    expect(await byCode('petitions.received').compute(handle.db, { provinceId: p.provinceId, asOf: '2026-03-10', from: '2026-03-01', unitIds: [a] })).toEqual([{ unitId: a, value: 2 }]);
    // June 2025: the 2019 communes (valid then) hold their cases; July 2025: the resolution counts for the successor
    const june = { provinceId: p.provinceId, asOf: '2025-06-30', from: '2025-06-01' };
    expect(asMap(await byCode('petitions.kd_to_resolve').compute(handle.db, june))).toEqual({ [oldA]: 1, [oldB]: 1 });
    expect(asMap(await byCode('petitions.kd_resolved').compute(handle.db, { provinceId: p.provinceId, asOf: '2025-07-31', from: '2025-07-01' }))).toEqual({ [a]: 1, [b]: 0 });

    // the endpoint's counts: by province over the first quarter of 2026 and by commune
    const scope = { all: true as const };
    const [quarter] = await figureCounts(handle.db, scope, { from: '2026-01-01', to: '2026-03-31', by: 'province', provinceIds: [p.provinceId] });
    expect(quarter).toEqual({ key: p.provinceId, received: 10, resolved: 4, resolvedOnTime: 1, kdToResolve: 5, kdResolved: 3 });
    expect(resolutionRate(quarter?.kdResolved ?? 0, quarter?.kdToResolve ?? 0)).toBe(60);
    const communes = await figureCounts(handle.db, scope, { from: '2026-03-01', to: '2026-03-31', by: 'commune', provinceIds: [p.provinceId] });
    expect(communes.map((row) => [row.key, row.received, row.kdToResolve, row.kdResolved])).toEqual([
      [a, 7, 3, 2],
      [b, 1, 1, 1],
      [null, 1, 0, 0],
    ]);
    // a scope without the province reads nothing
    expect(await figureCounts(handle.db, { all: false, roots: [String(old.provinceId)] }, { from: '2026-01-01', to: '2026-03-31', by: 'province', provinceIds: null })).toEqual([]);
    expect(resolutionRate(0, 0)).toBeNull();
    expect(resolutionRate(17, 20)).toBe(85);
  });
});
