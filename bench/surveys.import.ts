/**
 * The survey import at speed (issue 13 "Performance": CSV import ≥ 20,000 responses/s on PostgreSQL), seed 001's 131
 * responses repeated under fresh UUIDv7 ids, in a scratch database of its own (created and dropped on the cluster of
 * DATABASE_URL, so no data is touched). Three measures of the same number of rows, in this order:
 * - the job as a user runs it (surveys.import-job.ts: a Kobo CSV uploaded, timed by the job row), first, so that
 *   the process's heap holds nothing of the other two;
 * - the write path alone: rows as objects (reading a file not timed), checkAnswers on every row, streamed through
 *   CopyImportWriter in one transaction while the next rows are checked, the tallies applied once; the tally's
 *   ('', '') rows must grow by the number written;
 * - the floor: the same number of prepared COPY lines copied raw into the same table, in statements of the import's
 *   size (COPY_SEGMENT_BYTES), what the server must do.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres node --import tsx bench/surveys.import.ts [responses]
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
import { copyField, copyText } from '#server/db/copy.ts';
import { openDatabase } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';
import { CopyImportWriter } from '#server/modules/surveys/responses/import-writer.ts';
import { COPY_SEGMENT_BYTES } from '#server/modules/surveys/responses/response.repository.ts';
import { checkAgainst, type IncomingResponse } from '#server/modules/surveys/responses/response-store.ts';
import { insertSurvey, insertVersion, updateSurvey } from '#server/modules/surveys/survey.repository.ts';
import { SEED_DIR } from '#server/modules/surveys/demo/surveys-demo-step.ts';
import { readXlsForm } from '#server/modules/surveys/xlsform/read.ts';
import { insertUnits } from '#server/modules/units/unit.repository.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { processCpuSeconds } from './indicators.writes.ts';
import { measureImportJob } from './surveys.import-job.ts';

const TOTAL = Number(process.argv[2] ?? 100_000);
const FLOOR_COLUMNS = ['id', 'province_id', 'survey_id', 'version_number', 'unit_id', 'respondent_group', 'channel', 'status', 'answers', 'cells', 'submitted_at', 'entered_by', 'invitation_id', 'import_job_id', 'created_at', 'updated_at'];
const base = process.env.DATABASE_URL;
if (!base) throw new Error('DATABASE_URL (a PostgreSQL cluster) is required');
const name = `bench_surveys_import_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
try {
  const db = handle.db;
  await migrate(db);
  const [province] = await insertUnits(db, [{ structure: '2025', code: 'B1', name: 'Thử', full_name: 'Tỉnh Thử', level: 'province', type: 'tỉnh', parent_id: null, valid_from: '2025-07-01', valid_to: null }]);
  if (!province) throw new Error('no province');
  const communes = await insertUnits(
    db,
    Array.from({ length: 30 }, (_, i) => ({ structure: '2025' as const, code: `B1-${i}`, name: `Xã ${i}`, full_name: `Xã Thử ${i}`, level: 'commune' as const, type: 'xã', parent_id: province.id, valid_from: '2025-07-01', valid_to: null })),
  );
  const reading = await readXlsForm(readFileSync(join(SEED_DIR, 'phieu-khao-sat-2018.xlsx')));
  if (!reading.ok) throw new Error('seed form refused');
  const now = new Date();
  const survey = await insertSurvey(db, { unit_id: province.id, code: 'BENCH', title: 'Bench', purpose: null, opens_on: null, closes_on: null, collects_identity: false, double_entry: false, decimals: 1, notes: null, search_text: 'bench', created_by: null, created_at: now });
  await insertVersion(db, { province_id: survey.province_id, survey_id: survey.id, number: 1, form: JSON.stringify(reading.form), source_attachment_id: null, created_by: null, created_at: now });
  await updateSurvey(db, survey, null, { current_version: 1, status: 'open' }, now);
  const seed = JSON.parse(readFileSync(join(SEED_DIR, 'responses.json'), 'utf8')) as { answers: Record<string, unknown> }[];
  const targets = communes.flatMap((c) => (['cadre', 'citizen'] as const).map((group) => ({ unit_id: c.id, respondent_group: group })));
  // made row by row as the job parses them (parseRow), and dropped once written: the job keeps no checked row
  const itemAt = (i: number): IncomingResponse => ({
    id: uuidv7(),
    versionNumber: 1,
    unitId: communes[i % communes.length]?.id as number,
    respondentGroup: (i % 3 === 0 ? 'citizen' : 'cadre') as TRespondentGroup,
    answers: seed[i % seed.length]?.answers ?? {},
  });
  const perResponse = (seconds: number) => `${Math.round((seconds * 1e6) / TOTAL)} µs a response`;
  /** The write path alone: rows as objects, checked and streamed through the import's COPY writer. */
  const tallyTotal = () => db.selectFrom('survey_tally').select(sql<number>`coalesce(sum(count), 0)::int`.as('n')).where('survey_id', '=', survey.id).where('question', '=', '').where('value', '=', '').executeTakeFirstOrThrow();
  const measureWritePath = async () => {
    const before = Number((await tallyTotal()).n);
    const store = { id: survey.id, province_id: survey.province_id, unit_id: province.id, unit_path: String(province.id), double_entry: false };
    const started = performance.now();
    // as the job does (runResponseImport): one transaction, every 250 rows checked then handed to the COPY writer,
    // the event loop given a turn between steps so that the COPY goes on
    let checking = 0;
    let tallied = 0;
    let waiting = 0;
    let serverCpu = null as number | null;
    const appCpu = process.cpuUsage();
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      const pid = Number(rows[0]?.pid);
      const cpuBefore = processCpuSeconds(pid);
      const context = { channel: 'import' as const, enteredBy: null, audit: { userId: null, ip: null }, today: '2026-03-02', now, targets };
      const writer = await CopyImportWriter.open(trx, store, context, { number: 1, form: reading.form }, new Set(communes.map((c) => c.id)));
      let batch: IncomingResponse[] = [];
      for (let start = 0; start < TOTAL; start += 250) {
        const at = performance.now();
        for (let i = start; i < Math.min(TOTAL, start + 250); i++) {
          const item = itemAt(i);
          const result = checkAgainst(reading.form, item.answers, '2026-03-02');
          if ('field' in result) throw new Error('a seed response is refused');
          item.checked = result;
          batch.push(item);
        }
        checking += performance.now() - at;
        if (batch.length >= writer.batch || start + 250 >= TOTAL) {
          const waitAt = performance.now();
          await writer.add(batch, batch.map((_, k) => start + k));
          waiting += performance.now() - waitAt;
          batch = [];
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      tallied = performance.now();
      await writer.finish();
      if (writer.refused.length > 0) throw new Error('refused');
      const cpuAfter = processCpuSeconds(pid);
      serverCpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    });
    const done = performance.now();
    const app = process.cpuUsage(appCpu);
    const counted = Number((await tallyTotal()).n) - before;
    if (counted !== TOTAL) throw new Error(`tally counts ${counted} more, expected ${TOTAL}`);
    const seconds = (done - started) / 1000;
    console.log(`surveys import: ${TOTAL} responses (seed 001's form, ${reading.form.items.length} items) in ${seconds.toFixed(2)} s = ${Math.round(TOTAL / seconds)} responses/s`);
    console.log(`  waiting for the batch before ${(waiting / 1000).toFixed(2)} s; checking (overlapping the writing) ${(checking / 1000).toFixed(2)} s; last batch and tally upsert ${((done - tallied) / 1000).toFixed(2)} s`);
    console.log(`  CPU: this process ${((app.user + app.system) / 1e6).toFixed(2)} s (${perResponse((app.user + app.system) / 1e6)}), the transaction's backend ${serverCpu === null ? 'unknown (not a local server)' : `${serverCpu.toFixed(2)} s (${perResponse(serverCpu)})`}`);
    return seconds;
  };
  /** The floor: the same number of prepared lines, copied raw; its data dropped before the next measure. */
  const measureFloor = async (writeSeconds: number) => {
    // the floor in the same run: the same number of rows, their COPY text made beforehand (not timed), copied in one
    // statement and committed: what the server must do whatever the app does (another survey, the same table)
    const floorSurvey = await insertSurvey(db, { unit_id: province.id, code: 'FLOOR', title: 'Floor', purpose: null, opens_on: null, closes_on: null, collects_identity: false, double_entry: false, decimals: 1, notes: null, search_text: 'floor', created_by: null, created_at: now });
    const stamp = now.toISOString();
    const lines: string[] = [];
    for (let i = 0; i < TOTAL; i++) {
      const answers = copyField(JSON.stringify(seed[i % seed.length]?.answers ?? {}));
      lines.push(`${uuidv7()}\t${floorSurvey.province_id}\t${floorSurvey.id}\t1\t${communes[i % communes.length]?.id}\t${i % 3 === 0 ? 'citizen' : 'cadre'}\timport\taccepted\t${answers}\t{}\t${stamp}\t\\N\t\\N\t\\N\t${stamp}\t${stamp}\n`);
    }
    const floorText = Buffer.from(lines.join(''));
    lines.length = 0;
    const floorStarted = performance.now();
    await db.transaction().execute(async (trx) => {
      // in statements of COPY_SEGMENT_BYTES of lines, as the import sends them (each under PostgreSQL's bulk-write ring)
      let copied = 0;
      for (let from = 0; from < floorText.length; ) {
        const end = floorText.indexOf(10, Math.min(floorText.length - 1, from + COPY_SEGMENT_BYTES)) + 1 || floorText.length;
        copied += await copyText(trx, 'survey_response', FLOOR_COLUMNS, Readable.from([floorText.subarray(from, end)]));
        from = end;
      }
      if (copied !== TOTAL) throw new Error(`floor copied ${copied}`);
    });
    const floorSeconds = (performance.now() - floorStarted) / 1000;
    console.log(`  floor (raw COPY of the same number of prepared lines into survey_response, in statements of ${COPY_SEGMENT_BYTES / 1024 / 1024} MB, then commit): ${floorSeconds.toFixed(2)} s = ${Math.round(TOTAL / floorSeconds)} responses/s; the write path at ${Math.round((100 * floorSeconds) / writeSeconds)}% of it`);
    return floorSeconds;
  };
  // the job first, in a process whose heap holds nothing of the other measures (their rows and lines, tens of MB,
  // made later runs' collections longer): as a server process runs it
  const job = await measureImportJob(db, {
    provinceId: province.id,
    surveyId: survey.id,
    form: reading.form,
    communes: communes.map((c, i) => ({ id: c.id, name: `Xã Thử ${i}` })),
    seed,
    total: TOTAL,
  });
  const floorSeconds = await measureFloor(await measureWritePath());
  console.log(
    `surveys import job: ${job.responses} responses in a ${job.megabytes.toFixed(1)} MB Kobo CSV: the job (file stored → succeeded) ${job.jobSeconds.toFixed(2)} s = ` +
      `${Math.round(job.jobResponsesPerSecond)} responses/s; upload started → succeeded ${job.seconds.toFixed(2)} s = ${Math.round(job.responsesPerSecond)} responses/s ` +
      `(the upload through fetch in this process); progress seen at ${job.progressSeen} figures polling every 500 ms as the web does`,
  );
  console.log(
    `  CPU from the upload to the end: this process (app and client) ${job.appCpuSeconds.toFixed(2)} s (${perResponse(job.appCpuSeconds)}), the database's backends ${job.serverCpuSeconds.toFixed(2)} s (${perResponse(job.serverCpuSeconds)}); ` +
      `the job at ${Math.round((100 * floorSeconds) / job.jobSeconds)}% of the floor (measured after it)`,
  );
} finally {
  await handle.close();
  await admin.query(`drop database ${name}`);
  await admin.end();
}
