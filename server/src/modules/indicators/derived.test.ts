import { describe, expect, it } from 'vitest';
import { derivedMemo, memoized } from '#server/shared/derived-values.ts';
import type { DerivedValue } from '#server/shared/module.ts';
import { backfillBatches, backfillDays, backfills } from './derived-backfill.ts';
import { derivedElementCode, derivedWrites, openPeriods } from './derived.ts';

const element = { id: 7, code: 'ORG_X', derived_code: 'organizations.x', name: 'X', value_type: 'yes_no' as const, unit_of_measure: null, coc_id: 3 };
const value = (code: string, elementCode?: string) =>
  ({ code, name: 'x', valueType: 'yes_no', level: 'village', compute: async () => [], ...(elementCode ? { elementCode } : {}) }) satisfies DerivedValue;

describe('derived values: periods and writes', () => {
  it('backfills every value, or only the codes or modules a job names', () => {
    expect(backfills({}, 'units.villages')).toBe(true);
    expect(backfills({ codes: ['petitions.resolved'] }, 'petitions.resolved')).toBe(true);
    expect(backfills({ codes: ['petitions.resolved'] }, 'petitions.kd_resolved')).toBe(false);
    expect(backfills({ modules: ['units', 'organizations'] }, 'organizations.villages_with_team')).toBe(true);
    expect(backfills({ modules: ['units', 'organizations'] }, 'grassroots.cadres_commune')).toBe(false);
    // a module named as a prefix of another does not match it
    expect(backfills({ modules: ['unit'] }, 'units.villages')).toBe(false);
    // a code without a module part is its own module, never cut short
    expect(backfills({ modules: ['unit'] }, 'units')).toBe(false);
    expect(backfills({ modules: ['units'] }, 'units')).toBe(true);
  });

  it('the open periods of a day are the month, quarter, half and year containing it', () => {
    expect(openPeriods('2026-03-02')).toEqual(['202603', '2026Q1', '2026S1', '2026']);
    expect(openPeriods('2025-12-31')).toEqual(['202512', '2025Q4', '2025S2', '2025']);
  });

  it('a backfill computes once per day: periods ending that day share it, open periods are computed as of today', () => {
    expect(backfillDays('2025-11-01', '2026-03-02')).toEqual([
      { asOf: '2025-11-30', periods: ['202511'] },
      { asOf: '2025-12-31', periods: ['202512', '2025Q4', '2025S2', '2025'] },
      { asOf: '2026-01-31', periods: ['202601'] },
      { asOf: '2026-02-28', periods: ['202602'] },
      { asOf: '2026-03-02', periods: ['202603', '2026Q1', '2026S1', '2026'] },
    ]);
    const since2019 = backfillDays('2019-01-01', '2026-03-02');
    // 86 month ends from January 2019 to February 2026, and today for the open periods
    expect(since2019).toHaveLength(87);
    expect(since2019.flatMap((day) => day.periods)).toHaveLength(87 + 29 + 15 + 8);
    expect(since2019.find((day) => day.asOf === '2025-06-30')?.periods).toEqual(['202506', '2025Q2', '2025S1']);
  });

  it('a 1 is stored, a 0 or a unit not computed removes the value (zeros of derived elements are not stored)', () => {
    const writes = derivedWrites(element, [11, 12, 13], [{ unitId: 11, value: 1 }, { unitId: 12, value: 0 }], ['202603', '2026']);
    expect(writes.map((w) => [w.unitId, w.period, w.num, w.deleted, w.dataElementId, w.cocId])).toEqual([
      [11, '202603', 1, false, 7, 3],
      [11, '2026', 1, false, 7, 3],
      [12, '202603', null, true, 7, 3],
      [12, '2026', null, true, 7, 3],
      [13, '202603', null, true, 7, 3],
      [13, '2026', null, true, 7, 3],
    ]);
    expect(new Set(writes.map((w) => w.writeId)).size).toBe(6);
  });

  it('the element code is the declared one, or the code upper-cased', () => {
    expect(derivedElementCode(value('units.villages'))).toBe('UNITS_VILLAGES');
    expect(derivedElementCode(value('organizations.villages_with_team', 'ORG_VILLAGES_WITH_TEAM'))).toBe('ORG_VILLAGES_WITH_TEAM');
  });
});

describe('derived values computed together', () => {
  /** Four measures read from one shared statement (counted), as the grassroots figures are. */
  const shared = (runs: { n: number }, group: string | undefined, codes: readonly string[]) =>
    codes.map(
      (code, index): DerivedValue => ({
        ...value(code),
        periodType: 'monthly',
        ...(group ? { group } : {}),
        compute: async (_db, args) => {
          const rows = await memoized(args.memo, `${group}:${JSON.stringify([args.provinceId, args.from, args.asOf, args.unitIds ?? null])}`, async () => {
            runs.n += 1;
            return [1, 2, 3, 4];
          });
          return [{ unitId: 11, value: rows[index] as number }];
        },
      }),
    );

  it('a backfill batches the values of a group, in code order, and leaves the others alone', () => {
    const runs = { n: 0 };
    const values = [...shared(runs, 'm.figures', ['m.d', 'm.b', 'm.c', 'm.a']), value('m.alone'), value('a.first')];
    expect(backfillBatches(values).map((batch) => batch.map((v) => v.code))).toEqual([['a.first'], ['m.a', 'm.b', 'm.c', 'm.d'], ['m.alone']]);
    // '_' sorts after letters, as the writers' `.sort()` locks them
    expect(backfillBatches([value('g.x_b'), value('g.xa')].map((v) => ({ ...v, group: 'g' })))[0]?.map((v) => v.code)).toEqual(['g.x_b', 'g.xa']);
  });

  it('the shared statement runs once for the values of a group computed with one memo, once per distinct arguments', async () => {
    const runs = { n: 0 };
    const [batch] = backfillBatches(shared(runs, 'm.figures', ['m.a', 'm.b', 'm.c', 'm.d']));
    const memo = derivedMemo();
    const args = { provinceId: 1, asOf: '2026-02-28', from: '2026-02-01', memo };
    const values = [];
    for (const v of batch ?? []) values.push(...(await v.compute(undefined as never, args)));
    expect(values.map((v) => v.value)).toEqual([1, 2, 3, 4]);
    expect(runs.n).toBe(1);
    // other arguments (another month, other units) are another computation
    await batch?.[0]?.compute(undefined as never, { ...args, asOf: '2026-03-31', from: '2026-03-01' });
    await batch?.[1]?.compute(undefined as never, { ...args, unitIds: [11] });
    expect(runs.n).toBe(3);
    // without a memo (a value computed alone) each compute runs it, as before
    for (const v of batch ?? []) await v.compute(undefined as never, { provinceId: 1, asOf: '2026-02-28', from: '2026-02-01' });
    expect(runs.n).toBe(7);
    // a new memo (the next transaction) computes afresh
    await batch?.[0]?.compute(undefined as never, { ...args, memo: derivedMemo() });
    expect(runs.n).toBe(8);
  });
});
