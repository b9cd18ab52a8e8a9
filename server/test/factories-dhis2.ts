import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { dhis2Endpoints, type TImportSummary } from '#contracts/indicators/dhis2.api.ts';
import type { TJob } from '#contracts/jobs.ts';
import type { Database } from '#server/db/database.ts';
import { buildProvince, buildUser, TEST_PASSWORD } from './factories.ts';
import { defaultCocId } from './factories-indicators.ts';
import { TestClient } from './http-client.ts';
import { waitForJob } from './jobs.ts';

/** DHIS2's own test payloads (dhis2-core, BSD-3-Clause; see fixtures/dhis2/PROVENANCE.md). */
export const dhis2Payload = (name: string) => readFileSync(new URL(`./fixtures/dhis2/${name}`, import.meta.url), 'utf8');

/**
 * A DXF2 XML payload as the equivalent JSON (XML is not an accepted format): the root's attributes become the
 * header, each <dataValue/>'s attributes a value; `timestamp` (2.42's lastUpdated) is dropped like storedBy.
 */
export function xmlToJson(xml: string): string {
  const attributes = (tag: string) =>
    Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].filter(([, name]) => name !== 'xmlns' && name !== 'timestamp').map(([, name, value]) => [name, value]));
  const root = /<dataValueSet\b([^>]*)>/.exec(xml)?.[1] ?? '';
  const dataValues = [...xml.matchAll(/<dataValue\b([^>]*?)\/>/g)].map((match) => attributes(match[1] ?? ''));
  return JSON.stringify({ ...attributes(root), dataValues });
}

/** UIDs and codes of DHIS2's DataValueSetServiceIntegrationTest set-up (C42), which the payloads name. */
export const DHIS2_METADATA = {
  dataSet: { uid: 'pBOMPrpg1QX', code: 'DS_A' },
  units: [
    { uid: 'DiszpKrYNg8', code: 'OU_A' },
    { uid: 'BdfsJfj87js', code: 'OU_B' },
    { uid: 'j7Hg26FpoIa', code: 'OU_C' },
  ],
  /** deA–deD: integers of data set A (deA's zeros are not significant, DHIS2's default). */
  elements: [
    { uid: 'f7n9E0hX8qk', code: 'DE_A' },
    { uid: 'Ix2HsbDMLea', code: 'DE_B' },
    { uid: 'eY5ehpbEsB7', code: 'DE_C' },
    { uid: 'jH26dja2f27', code: 'DE_D' },
  ],
  /** deF (BOOLEAN) and deG (TRUE_ONLY): outside any data set, national; we have yes/no for both. */
  booleans: [
    { uid: 'jH26dja2f30', code: 'DE_F' },
    { uid: 'jH26dja2f31', code: 'DE_G' },
  ],
} as const;

export interface Dhis2World {
  provinceId: number;
  /** OU_A, OU_B, OU_C by code. */
  unitIds: Record<string, number>;
  dataSetId: number;
  /** Element ids by code (DE_A … DE_G). */
  elementIds: Record<string, number>;
  cocId: number;
  /** A unit administrator of the province (the importing user) and their username. */
  admin: TestClient;
  adminName: string;
}

/**
 * The metadata the payloads presuppose, in a province of its own: communes OU_A, OU_B, OU_C (DHIS2 uids mapped in
 * dhis2_id), monthly data set DS_A (pBOMPrpg1QX) with DE_A–DE_D, and the two national yes/no elements.
 */
export async function buildDhis2World(db: Database, baseUrl: string): Promise<Dhis2World> {
  const province = await buildProvince(db, { communes: 3, villagesPerCommune: 1 });
  const unitIds: Record<string, number> = {};
  for (const [i, unit] of DHIS2_METADATA.units.entries()) {
    const id = province.communeIds[i] as number;
    await db.updateTable('admin_unit').set({ code: unit.code }).where('id', '=', id).execute();
    await db.insertInto('dhis2_id').values({ object_type: 'unit', local_id: id, uid: unit.uid }).execute();
    unitIds[unit.code] = id;
  }
  const combo = await db.selectFrom('category_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
  const dataSet = await db
    .insertInto('data_set')
    .values({ code: DHIS2_METADATA.dataSet.code, dhis2_uid: DHIS2_METADATA.dataSet.uid, name: 'Data set A', period_type: 'monthly', due_days: 5, lock_days: 15, owner_unit_id: province.provinceId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('data_set_assignment').values({ data_set_id: dataSet.id, level: 'commune', unit_id: null }).execute();
  const elementIds: Record<string, number> = {};
  const element = async (spec: { uid: string; code: string }, valueType: 'integer' | 'yes_no', owner: number | null, zeroSignificant: boolean) => {
    const row = await db
      .insertInto('data_element')
      .values({
        code: spec.code,
        dhis2_uid: spec.uid,
        name: `Data element ${spec.code}`,
        short_name: spec.code,
        value_type: valueType,
        aggregation: 'sum',
        unit_of_measure: null,
        combo_id: combo.id,
        zero_significant: zeroSignificant,
        derived_code: null,
        owner_unit_id: owner,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    elementIds[spec.code] = row.id;
    return row.id;
  };
  for (const [i, spec] of DHIS2_METADATA.elements.entries()) {
    const id = await element(spec, 'integer', province.provinceId, i !== 0);
    await db.insertInto('data_set_element').values({ data_set_id: dataSet.id, data_element_id: id, section: null, sort: i }).execute();
  }
  for (const spec of DHIS2_METADATA.booleans) await element(spec, 'yes_no', null, true);
  const user = await buildUser(db, { unitId: province.provinceId, roles: ['unit_admin'] });
  const admin = await signedIn(baseUrl, user.username);
  return { provinceId: province.provinceId, unitIds, dataSetId: dataSet.id, elementIds, cocId: await defaultCocId(db), admin, adminName: user.username };
}

export async function signedIn(baseUrl: string, username: string): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  expect((await client.login(username, TEST_PASSWORD)).status).toBe(200);
  return client;
}

/** Forgets every value, change, total and report of the province (each payload starts from an empty store). */
export async function resetValues(db: Database, provinceId: number): Promise<void> {
  for (const table of ['data_value', 'data_value_change', 'data_total', 'report'] as const) {
    await db.deleteFrom(table).where('province_id', '=', provinceId).execute();
  }
}

/** Uploads a file, waits for the job and returns it with its ImportSummary. */
export async function importFile(client: TestClient, filename: string, content: string, query: Record<string, string> = {}) {
  const started = await client.upload(dhis2Endpoints.importDataValueSets, { query }, filename, content);
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const job: TJob = await waitForJob(client, started.body.jobId);
  return { job, summary: job.result as unknown as TImportSummary };
}

/** The summary's counts and conflicts in one comparable shape. */
export const counts = (summary: TImportSummary) => ({ status: summary.status, ...summary.importCount });
export const conflictsOf = (summary: TImportSummary) => summary.conflicts.map((c) => `${c.errorCode} ${c.object} [${c.indexes.join(',')}]`);

/** Stored (not deleted) values of the province, as 'CODE|period|unitCode|value'. */
export async function storedValues(db: Database, provinceId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('data_value as v')
    .innerJoin('data_element as e', 'e.id', 'v.data_element_id')
    .innerJoin('admin_unit as u', 'u.id', 'v.unit_id')
    .select(['e.code as element', 'v.period', 'u.code as unit', 'v.num', 'v.txt'])
    .where('v.province_id', '=', provinceId)
    .where('v.deleted', '=', false)
    .execute();
  return rows.map((row) => `${row.element}|${row.period}|${row.unit}|${row.num ?? row.txt}`).sort();
}
