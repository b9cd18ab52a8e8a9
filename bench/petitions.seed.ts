/**
 * The petitions part of the national seed (issue 12 "Performance"): ≈ BENCH_CASES citizens' cases (default 5
 * million) over the 34 provinces of 2025 in proportion to their population, received 2021-01-01 … today, one
 * set-based INSERT … SELECT generate_series per province (skipped for a province that holds cases, so an
 * interrupted seed resumes). Every value derives from hashes of the province and the row number, so every seed
 * gives the same data. Simplifications (stated in RESULTS.md): cases sit on 2025 communes whatever their date, no
 * persons rows (the names are in the folded search text, as the petitions module writes it), no history steps,
 * no duplicates. `node --import tsx bench/petitions.seed.ts` alone (after `bench:seed`), or from bench/seed.ts.
 */
import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';
import { importOfficialUnits } from '#server/modules/units/official-import.ts';
import { clock } from '#server/shared/clock.ts';
import { benchTarget, openBenchDatabase } from './db.ts';

/**
 * Approximate population of the 2025 provinces in thousands (2024 figures quoted with the 2025 merger resolutions,
 * rounded), by 2025 code. Only the proportions matter.
 */
export const POPULATION_2025: Record<string, number> = {
  '01': 8718, '04': 573, '08': 1865, '11': 673, '12': 512, '14': 1404, '15': 1778, '19': 1799, '20': 881, '22': 1429,
  '24': 3619, '25': 4022, '31': 4664, '33': 3567, '37': 4412, '38': 4324, '40': 3831, '42': 1622, '44': 1870, '46': 1433,
  '48': 3065, '51': 2161, '52': 3583, '56': 2243, '66': 3346, '68': 3872, '75': 4491, '79': 14002, '80': 3254, '82': 4370,
  '86': 4257, '91': 4952, '92': 4199, '96': 2606,
};

/** Folded subjects (as search_text holds them), land first: land and compensation ≈ 62 % (seed 001). */
const SUBJECTS = [
  'tranh chap dat dai ranh gioi thua dat', 'khieu nai quyet dinh thu hoi dat', 'cap giay chung nhan quyen su dung dat', 'lan chiem dat cong',
  'boi thuong giai phong mat bang du an', 'gia boi thuong dat nong nghiep', 'bo tri tai dinh cu', 'che do chinh sach nguoi co cong',
  'ho ngheo tro cap xa hoi', 'o nhiem moi truong trai chan nuoi', 'khai thac cat trai phep', 'thai do can bo cong chuc',
  'thu tuc hanh chinh tre han', 'duong giao thong nong thon hu hong', 'thi hanh an dan su', 'tham nhung kinh phi nong thon moi',
];
const FAMILY = ['nguyen', 'le', 'tran', 'hoang', 'vo', 'phan', 'ho', 'pham', 'dang', 'bui', 'ngo', 'do', 'duong', 'doan', 'truong', 'mai'];
const MIDDLE = ['van', 'thi', 'duc', 'huu', 'minh', 'quang', 'xuan', 'cong', 'dinh', 'thanh', 'ngoc', 'thu'];
const GIVEN = ['hung', 'dung', 'tuan', 'minh', 'hai', 'son', 'thanh', 'long', 'nam', 'hoa', 'lan', 'huong', 'mai', 'ha', 'hanh', 'hang', 'hue', 'hien', 'lien', 'linh', 'loan', 'nga', 'nhung', 'thao', 'thu', 'thuy', 'trang', 'yen', 'binh', 'cuong', 'phuc', 'vinh'];

/** The cases of one province: one statement. */
async function insertProvinceCases(db: Database, province: { id: number; code: string; path: string }, count: number, today: string) {
  const subjects = sql`${SUBJECTS}::text[]`;
  await sql`
    with communes as (select array_agg(id order by id) as ids from admin_unit where path <@ ${province.path}::ltree and level = 'commune' and structure = '2025'),
    fields as (select array_agg(id order by position) as ids from petition_field where province_id is null),
    rows as (
      select g, c.ids as communes, f.ids as fields,
        abs(hashint8extended(g, ${province.id})) as h1, abs(hashint8extended(g, ${province.id} + 1000)) as h2,
        abs(hashint8extended(g, ${province.id} + 2000)) as h3, abs(hashint8extended(g, ${province.id} + 3000)) as h4
      from generate_series(1, ${count}::bigint) g, communes c, fields f
    ),
    drawn as (
      select r.*, (date '2021-01-01' + (r.h1 % (${today}::date - date '2021-01-01' + 1))::int) as received_on,
        case when r.h2 % 100 < 36 then 'feedback' when r.h2 % 100 < 66 then 'petition' when r.h2 % 100 < 89 then 'complaint' else 'denunciation' end as kind,
        case when r.h3 % 100 < 44 then 1 when r.h3 % 100 < 62 then 2 when r.h3 % 100 < 72 then 3 when r.h3 % 100 < 78 then 4 when r.h3 % 100 < 84 then 5
             when r.h3 % 100 < 90 then 6 when r.h3 % 100 < 95 then 7 when r.h3 % 100 < 98 then 8 else 9 end as field_no,
        (r.h4 % 100) as fate, (5 + (r.h4 / 100) % 60)::int as resolve_days,
        r.communes[1 + (r.h1 / 7) % array_length(r.communes, 1)] as commune_id
      from rows r
    ),
    cased as (
      select d.*, d.received_on + d.resolve_days as resolved_on,
        case when d.fate < 6 then 'verifying' when d.fate < 9 then 'transferred' when d.received_on + d.resolve_days > ${today}::date then 'verifying' else 'closed' end as status,
        (${subjects})[1 + case when d.field_no = 1 then (d.h2 / 100) % 4 when d.field_no = 2 then 4 + (d.h2 / 100) % 3 when d.field_no = 3 then 7 + (d.h2 / 100) % 2
                             else 9 + (d.h2 / 100) % 7 end] as subject,
        (${FAMILY}::text[])[1 + (d.h3 / 100) % ${FAMILY.length}] || ' ' || (${MIDDLE}::text[])[1 + (d.h3 / 10000) % ${MIDDLE.length}] || ' ' || (${GIVEN}::text[])[1 + (d.h4 / 10000) % ${GIVEN.length}] as person
      from drawn d
    )
    insert into petition_case (id, province_id, unit_id, commune_id, code, kind, channel, field_id, subject, content, received_on, status,
      accepted_on, resolved_on, closed_on, due_on, outcome, crowd, person_count, source, search_text, subject_fold, created_at, updated_at, version, rule_set_code)
    select
      (lpad(to_hex((extract(epoch from x.received_on) * 1000)::bigint), 12, '0') || '7' || substr(md5(${province.id} || ':' || x.g), 1, 3) || '8' || substr(md5(${province.id} || ':' || x.g), 4, 15))::uuid,
      ${province.id}, case when x.h4 % 5 = 0 then ${province.id} else x.commune_id end, x.commune_id,
      ${province.code} || '-' || extract(year from x.received_on) || '-' || lpad(x.g::text, 7, '0'),
      x.kind, (array['in_person','mail','phone','web','hotline','forwarded','portal'])[1 + (x.h1 / 1000) % 7], x.fields[x.field_no], x.subject, x.subject,
      x.received_on, x.status,
      case when x.status <> 'transferred' then x.received_on + 3 end,
      case when x.status = 'closed' then x.resolved_on end,
      case when x.status = 'closed' then x.resolved_on + 5 when x.status = 'transferred' then x.received_on + 4 end,
      case when x.status = 'verifying' then x.received_on + case when x.kind in ('complaint', 'denunciation') then 45 else 20 end end,
      case when x.status = 'closed' then case when x.resolve_days <= 30 then 'on_time' when x.h1 % 3 = 0 then 'late_extended' else 'late' end end,
      x.h2 % 50 = 0, case when x.h2 % 50 = 0 then 5 + x.h3 % 30 else 1 end,
      case when (x.h1 / 1000) % 7 = 6 then 'portal' else 'officer' end,
      lower(${province.code} || '-' || extract(year from x.received_on) || '-' || lpad(x.g::text, 7, '0')) || ' ' || x.subject || ' ' ||
        case when x.kind = 'denunciation' then '' else x.person end,
      x.subject, now(), now(), 1, 'KNTC-2019'
    from cased x`.execute(db);
}

/** Cases of every 2025 province (skipping provinces that have some), then ANALYZE. */
export async function seedPetitions(db: Database, wanted: number): Promise<void> {
  const started = performance.now();
  const today = clock.today();
  const provinces = await sql<{ id: number; code: string; path: string; cases: boolean }>`
    select p.id, p.code, p.path::text as path, exists (select 1 from petition_case c where c.province_id = p.id) as cases
    from admin_unit p where p.level = 'province' and p.structure = '2025' order by p.code`.execute(db);
  const total = provinces.rows.reduce((sum, p) => sum + (POPULATION_2025[p.code] ?? 1000), 0);
  let done = 0;
  for (const [index, province] of provinces.rows.entries()) {
    const count = Math.round((wanted * (POPULATION_2025[province.code] ?? 1000)) / total);
    if (province.cases) {
      console.log(`[${index + 1}/${provinces.rows.length}] ${province.code}: cases present, skipped`);
      continue;
    }
    const tick = performance.now();
    await db.transaction().execute((trx) => insertProvinceCases(trx, { id: Number(province.id), code: province.code, path: province.path }, count, today));
    done += count;
    console.log(`[${index + 1}/${provinces.rows.length}] ${province.code}: ${count} cases (${((performance.now() - tick) / 1000).toFixed(1)} s; ${done} in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await sql`analyze petition_case`.execute(db);
  console.log(`petitions: ${done} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const wanted = Number(process.env.BENCH_CASES ?? 5_000_000);
  if (!Number.isInteger(wanted) || wanted < 1000) throw new Error('BENCH_CASES must be an integer ≥ 1000');
  const bench = await openBenchDatabase(benchTarget());
  try {
    await migrate(bench.handle.db);
    const official = await bench.handle.db.transaction().execute((trx) => importOfficialUnits(trx));
    console.log(`official units: ${JSON.stringify(official)}`);
    await seedPetitions(bench.handle.db, wanted);
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
