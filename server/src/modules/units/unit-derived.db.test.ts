import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import { buildProvince } from '#test/factories.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { villagesDerived } from './unit-derived.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('units.villages', () => {
  it('is 1 for each village valid on the day in the province, none for communes or other provinces', async () => {
    const p = await buildProvince(handle.db, { communes: 2, villagesPerCommune: 2 });
    await buildProvince(handle.db, { communes: 1, villagesPerCommune: 3 });
    const [a, b, c, d] = p.villageIds as [number, number, number, number];
    await handle.db.updateTable('admin_unit').set({ valid_to: '2025-12-31' }).where('id', '=', d).execute();
    const values = (asOf: string, unitIds?: number[]) => villagesDerived.compute(handle.db, { provinceId: p.provinceId, asOf, ...(unitIds ? { unitIds } : {}) });
    expect(await values('2025-12-31')).toEqual([a, b, c, d].map((unitId) => ({ unitId, value: 1 })));
    expect(await values('2026-01-01')).toEqual([a, b, c].map((unitId) => ({ unitId, value: 1 })));
    expect(await values('2025-06-30')).toEqual([]);
    expect(await values('2026-01-01', [b, d, p.communeIds[0] as number])).toEqual([{ unitId: b, value: 1 }]);
  });
});
