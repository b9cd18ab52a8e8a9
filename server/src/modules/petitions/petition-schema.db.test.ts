import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince } from '#test/factories.ts';
import { createTestDatabase } from '#test/test-db.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function insertCase(provinceId: number, unitId: number) {
  const id = uuidv7();
  const field = await handle.db.selectFrom('petition_field').select('id').where('code', '=', 'land').where('province_id', 'is', null).executeTakeFirstOrThrow();
  await handle.db
    .insertInto('petition_case')
    .values({
      id, province_id: provinceId, unit_id: unitId, commune_id: unitId, village_id: null, lat: null, lon: null, code: `T-${id.slice(-8)}`,
      kind: 'complaint', channel: 'in_person', field_id: field.id, subject: 'Tranh chấp đất đai', content: 'Nội dung', received_on: '2026-03-02',
      duplicate_of_id: null, origin_case_id: null, origin_province_id: null, competent_unit_id: null, competent_body: null, handler_user_id: null,
      accepted_on: null, rule_set_code: null, due_on: null, resolved_on: null, closed_on: null, outcome: null, satisfaction: null,
      public_answer: null, answered_on: null, source: 'officer', created_by: null, search_text: 'tranh chap dat dai', subject_fold: 'tranh chap dat dai',
      created_at: new Date(), updated_at: new Date(),
    })
    .execute();
  return id;
}

describe('petition tables', () => {
  it('the national fields are there, and a case, its person and its first step insert with province_id', async () => {
    const fields = await handle.db.selectFrom('petition_field').select('code').where('province_id', 'is', null).orderBy('position').execute();
    expect(fields.map((f) => f.code).slice(0, 5)).toEqual(['land', 'compensation_clearance', 'social_policy', 'environment', 'officials_conduct']);
    const province = await buildProvince(handle.db);
    const unitId = province.communeIds[0] as number;
    const id = await insertCase(province.provinceId, unitId);
    await handle.db.insertInto('petition_person').values({ id: uuidv7(), province_id: province.provinceId, case_id: id, position: 0, full_name: 'Nguyễn Văn A', name_fold: 'nguyen van a', birth_year: 1970, gender: null, id_number: null, phone: null, email: null, address: null, identity_cipher: null, cipher_key_id: null, name_key: null, contact_key: null }).execute();
    // a protected person may not keep any plaintext identity column
    await expect(
      handle.db.insertInto('petition_person').values({ id: uuidv7(), province_id: province.provinceId, case_id: id, position: 1, protected: true, full_name: 'Trần Thị B', name_fold: null, birth_year: null, gender: null, id_number: null, phone: null, email: null, address: null, identity_cipher: 'x', cipher_key_id: 'k1', name_key: 'h', contact_key: null }).execute(),
    ).rejects.toThrow();
    await handle.db.insertInto('petition_step').values({ id: uuidv7(), province_id: province.provinceId, case_id: id, seq: 1, kind: 'receive', from_status: null, to_status: 'received', by_user_id: null, at: new Date(), on_date: '2026-03-02', note: null, due_on: null, deadlines: null }).execute();
    const count = await handle.db.selectFrom('petition_step').select((eb) => eb.fn.countAll<number>().as('n')).where('province_id', '=', province.provinceId).where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('history is immutable: UPDATE and DELETE of a step are refused by the database', async () => {
    const province = await buildProvince(handle.db);
    const id = await insertCase(province.provinceId, province.communeIds[0] as number);
    const stepId = uuidv7();
    await handle.db.insertInto('petition_step').values({ id: stepId, province_id: province.provinceId, case_id: id, seq: 1, kind: 'receive', from_status: null, to_status: 'received', by_user_id: null, at: new Date(), on_date: '2026-03-02', note: 'gốc', due_on: null, deadlines: null }).execute();
    await expect(handle.db.updateTable('petition_step').set({ note: 'sửa' }).where('province_id', '=', province.provinceId).where('id', '=', stepId).execute()).rejects.toThrow(/append-only/);
    await expect(handle.db.deleteFrom('petition_step').where('province_id', '=', province.provinceId).where('id', '=', stepId).execute()).rejects.toThrow(/append-only/);
    await expect(sql`update petition_step set on_date = '2020-01-01' where case_id = ${id}`.execute(handle.db)).rejects.toThrow(/append-only/);
    const row = await handle.db.selectFrom('petition_step').select(['note', 'on_date']).where('province_id', '=', province.provinceId).where('id', '=', stepId).executeTakeFirstOrThrow();
    expect(row).toEqual({ note: 'gốc', on_date: '2026-03-02' });
  });

  it('search without diacritics uses the folded text ("dat dai" finds "đất đai")', async () => {
    const province = await buildProvince(handle.db);
    await insertCase(province.provinceId, province.communeIds[0] as number);
    const rows = await sql<{ n: number }>`select count(*)::int as n from petition_case where province_id = ${province.provinceId} and search_text ilike ${'%dat dai%'}`.execute(handle.db);
    expect(rows.rows[0]?.n).toBe(1);
  });
});
