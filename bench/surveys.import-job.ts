/**
 * The survey import as a user runs it (issue 13: "CSV import ≥ 20,000 responses/s with progress shown"): a CSV in
 * the KoboToolbox export layout (group paths as headers, select_multiple space-separated, `_unit` by the commune's
 * name, `_group`, `_uuid`, `_submission_time`) uploaded by a data-entry account to POST /api/surveys/:id/imports,
 * timed from the upload until GET /api/jobs/:id says succeeded; the job's result, its progress and the tallies are
 * checked against the file. The app runs in this process on the scratch database of surveys.import.ts.
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { jobEndpoints, type TJob } from '#contracts/jobs.ts';
import type { TFormItem, TSurveyForm } from '#contracts/surveys/form.ts';
import { surveyEndpoints } from '#contracts/surveys/api.ts';
import { buildApp } from '#server/app.ts';
import type { Database } from '#server/db/database.ts';
import { replaceTargets } from '#server/modules/surveys/survey.repository.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { TestClient } from '#test/http-client.ts';
import { processCpuSeconds } from './indicators.writes.ts';

export interface ImportJobRun {
  responses: number;
  megabytes: number;
  /** The upload's start until the job's success (the job row's finished_at). */
  seconds: number;
  responsesPerSecond: number;
  /** The job alone: queued (the file stored) until succeeded (the job row's created_at to finished_at). */
  jobSeconds: number;
  jobResponsesPerSecond: number;
  /** How many distinct progress figures the polling saw (progress shown to the user). */
  progressSeen: number;
  /** CPU over the upload and the job: this process (app and client), and the database's backends. */
  appCpuSeconds: number;
  serverCpuSeconds: number;
}

/** The form's questions with their Kobo header: the group path and the name (`thong_tin/tuoi`). */
function koboHeaders(items: readonly TFormItem[], path = ''): { name: string; header: string }[] {
  return items.flatMap((item) => {
    if (item.kind === 'group') return koboHeaders(item.items, `${path}${item.name}/`);
    return item.kind === 'question' ? [{ name: item.name, header: `${path}${item.name}` }] : [];
  });
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** `total` of seed 001's responses (repeated) as a Kobo CSV over the communes and two respondent groups. */
export function koboCsv(form: TSurveyForm, seed: readonly { answers: Record<string, unknown> }[], communes: readonly { name: string }[], total: number): Buffer {
  const questions = koboHeaders(form.items);
  const lines = [[...questions.map((q) => q.header), '_unit', '_group', '_uuid', '_submission_time'].join(',')];
  for (let i = 0; i < total; i++) {
    const answers = seed[i % seed.length]?.answers ?? {};
    const cells = questions.map(({ name }) => {
      const value = answers[name];
      return value === undefined ? '' : csvCell(Array.isArray(value) ? value.join(' ') : String(value));
    });
    const submitted = new Date(Date.UTC(2026, 1, 1) + i * 1000).toISOString().slice(0, 19);
    lines.push([...cells, csvCell(communes[i % communes.length]?.name ?? ''), i % 3 === 0 ? 'citizen' : 'cadre', uuidv7(), submitted].join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

async function waitForJob(client: TestClient, id: string, seen: Set<number>): Promise<TJob> {
  for (;;) {
    const response = await client.call(jobEndpoints.get, { params: { id } });
    if (response.status !== 200) throw new Error(`GET job: ${response.status}`);
    const job = response.body;
    if (job.progress) seen.add(job.progress.done);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Uploads the file as a data-entry account of the province, waits for the job; checks what it wrote. */
export async function measureImportJob(
  db: Database,
  args: { provinceId: number; surveyId: number; form: TSurveyForm; communes: readonly { id: number; name: string }[]; seed: readonly { answers: Record<string, unknown> }[]; total: number },
): Promise<ImportJobRun> {
  await replaceTargets(db, { province_id: args.provinceId, id: args.surveyId }, args.communes.flatMap((c) => (['cadre', 'citizen'] as const).map((group) => ({ unit_id: c.id, respondent_group: group, quota: 1000 }))));
  const user = await buildUser(db, { unitId: args.provinceId, roles: ['data_entry'] });
  const app = await buildApp({ db, databaseKind: 'postgres', loginRateLimit: 1000, jobPollMs: 20 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const client = new TestClient(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    await client.login(user.username, TEST_PASSWORD);
    const file = koboCsv(args.form, args.seed, args.communes, args.total);
    const before = await tallied(db, args.surveyId);
    const seen = new Set<number>();
    const serverBefore = await backendCpu(db);
    const appBefore = process.cpuUsage();
    const started = Date.now();
    const upload = await client.upload(surveyEndpoints.importResponses, { params: { id: args.surveyId }, query: { dryRun: 'false' } }, 'kobo.csv', file);
    if (upload.status !== 200) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
    const job = await waitForJob(client, upload.body.id, seen);
    // the job row's own times, not the polling's (every 500 ms, as the web's import page polls)
    const times = await jobTimes(db, upload.body.id);
    const seconds = (times.finished - started) / 1000;
    const appCpu = process.cpuUsage(appBefore);
    const serverAfter = await backendCpu(db);
    const serverSeconds = [...serverAfter].reduce((sum, [pid, cpu]) => sum + cpu - (serverBefore.get(pid) ?? 0), 0);
    const jobSeconds = (times.finished - times.created) / 1000;
    if (job.status !== 'succeeded') throw new Error(`import job ${job.status}: ${JSON.stringify(job)}`);
    const result = job.result as { created?: number; duplicates?: number };
    if (result.created !== args.total || result.duplicates !== 0) throw new Error(`the job says ${JSON.stringify(result)}, expected ${args.total} created`);
    if (job.progress?.done !== args.total || job.progress.total !== args.total) throw new Error(`progress ends at ${JSON.stringify(job.progress)}`);
    const counted = (await tallied(db, args.surveyId)) - before;
    if (counted !== args.total) throw new Error(`tally counts ${counted} more, expected ${args.total}`);
    return { responses: args.total, megabytes: file.length / 1024 / 1024, seconds, responsesPerSecond: args.total / seconds, jobSeconds, jobResponsesPerSecond: args.total / jobSeconds, progressSeen: seen.size, appCpuSeconds: (appCpu.user + appCpu.system) / 1e6, serverCpuSeconds: serverSeconds };
  } finally {
    await app.close();
  }
}

/** CPU seconds of each backend of the database (a local server: /proc). */
async function backendCpu(db: Database): Promise<Map<number, number>> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const seconds = processCpuSeconds(Number(pid));
    if (seconds !== null) cpu.set(Number(pid), seconds);
  }
  return cpu;
}

async function jobTimes(db: Database, id: string): Promise<{ created: number; finished: number }> {
  const row = await db.selectFrom('job').select(['created_at', 'finished_at']).where('id', '=', id).executeTakeFirstOrThrow();
  if (!row.finished_at) throw new Error('the job has no finished_at');
  return { created: new Date(row.created_at).getTime(), finished: new Date(row.finished_at).getTime() };
}

async function tallied(db: Database, surveyId: number): Promise<number> {
  const row = await db
    .selectFrom('survey_tally')
    .select(sql<number>`coalesce(sum(count), 0)::int`.as('n'))
    .where('survey_id', '=', surveyId)
    .where('question', '=', '')
    .where('value', '=', '')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
