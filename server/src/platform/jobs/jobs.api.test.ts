import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobEndpoints } from '#contracts/jobs.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { waitForJob } from '#test/jobs.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { xlsxManyRows } from '#test/xlsx-bomb.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('B6 jobs over HTTP', () => {
  it('B6 jobs: a village import commit answers a job id; its owner reads progress 480/480 and the result, and finds it again by target', async () => {
    const province = await buildProvince(t.db, { villagesPerCommune: 0 });
    const communeId = province.communeIds[0] as number;
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const started = performance.now();
    const commit = await clerk.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun: 'false' } }, 'thon.xlsx', xlsxManyRows(480));
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ dryRun: false, rows: [], created: 0 });
    const job = await waitForJob(clerk, commit.body.jobId);
    console.log(`B6 village import of 480 rows as a job: ${(performance.now() - started).toFixed(0)} ms`);
    expect(job).toMatchObject({
      kind: 'units.village-import',
      status: 'succeeded',
      target: `admin_unit:${communeId}`,
      progress: { done: 480, total: 480 },
      result: { created: 480 },
      error: null,
    });
    const villages = await clerk.call(unitEndpoints.children, { query: { parentId: communeId } });
    expect(villages.body).toHaveLength(480);
    // after a reload the page asks for the latest jobs on its commune
    const latest = await clerk.call(jobEndpoints.list, { query: { target: `admin_unit:${communeId}` } });
    expect(latest.body.map((j) => j.id)).toEqual([job.id]);
  });

  it('B6 jobs: another province’s user gets 404 for the job and sees none on the target', async () => {
    const province = await buildProvince(t.db, { villagesPerCommune: 0 });
    const communeId = province.communeIds[0] as number;
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const commit = await clerk.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun: 'false' } }, 'thon.csv', 'Tên\nThôn Một\n');
    const job = await waitForJob(clerk, commit.body.jobId);
    expect(job.result).toEqual({ created: 1 });
    const other = await buildProvince(t.db);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['unit_admin'] });
    expect((await stranger.call(jobEndpoints.get, { params: { id: job.id } })).status).toBe(404);
    expect((await stranger.call(jobEndpoints.list, { query: { target: `admin_unit:${communeId}` } })).body).toEqual([]);
    // an officer of the same province (scope holds the commune) may watch it
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    expect((await officer.call(jobEndpoints.get, { params: { id: job.id } })).body.status).toBe('succeeded');
  });
});
