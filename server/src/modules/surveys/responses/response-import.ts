import type { TRowError } from '#contracts/common.ts';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import type { TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
import type { TJob } from '#contracts/jobs.ts';
import type { Database } from '#server/db/database.ts';
import { importUpload, rejectedMessage } from '#server/platform/jobs/import-job.ts';
import { JobFailed, type JobContext } from '#server/platform/jobs/job-queue.ts';
import { getJob } from '#server/platform/jobs/job.service.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, forbidden, notFound } from '#server/shared/errors.ts';
import type { Upload } from '#server/shared/http/endpoint-route.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import type { SheetRows } from '#server/shared/csv.ts';
import { checkSheetUpload, readSheetRows } from '#server/shared/spreadsheet.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { surveyPolicy } from '../survey.policy.ts';
import { storedForm } from '../survey.presenter.ts';
import * as surveys from '../survey.repository.ts';
import { BatchImportWriter, CopyImportWriter, type ResponseWriter } from './import-writer.ts';
import { parseRow, readHeader, UnitNames, type Column, type ParsedRow } from './import-rows.ts';
import { checkAgainst, type StoreSurvey } from './response-store.ts';
import { isDuplicateId } from './response.repository.ts';

/**
 * Import of responses from CSV or Excel in the KoboToolbox/ODK export layout, as a background job: a header of
 * question names or group paths (`grp/q1`: the last segment naming a question), select_multiple as space-separated
 * choice names or one 0/1 column per choice (`q/choice`), `_unit` and `_group` columns (or the request's unitId and
 * respondentGroup), `_uuid` or `meta/instanceID` as the response's id when it is a UUID (otherwise an id is made and
 * counted in the result). Every row is checked; any row error rejects the file (nothing written: the transaction
 * is rolled back) with the errors by row number. The rows are written in one transaction while the next rows are
 * checked: one COPY for the file (CopyImportWriter), or, when an id of the file is already stored, batches that look
 * their ids up first (BatchImportWriter); the tallies added up over the whole file and applied before the commit.
 * A dry run checks only.
 */

export const RESPONSE_IMPORT_JOB = 'surveys.response-import';
/** Rows checked between two looks at the event loop (and progress reports). */
const CHECK_STEP = 250;
/** Kobo exports carry one column per choice of every select_multiple: far more than the registry imports' 50. */
const MAX_COLUMNS = 2000;
/**
 * A province's survey exported whole (the registry imports' caps are 5 MB and 20,000 rows): rows are read from the
 * file one at a time (readSheetRows), so the largest file costs its text in memory, not its rows as strings.
 */
export const MAX_RESPONSE_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_RESPONSE_ROWS = 100_000;

export interface ResponseImportPayload {
  sha256: string;
  filename: string;
  surveyId: number;
  dryRun: boolean;
  unitId: number | null;
  respondentGroup: TRespondentGroup | null;
}

/** The survey an import writes to: read in scope, entering right, with a questionnaire (409 for a draft without one). */
async function surveyForImport(db: Database, actor: Actor, surveyId: number) {
  authorize(surveyPolicy.enter(actor));
  const survey = await surveys.findSurvey(db, actor.scope, surveyId);
  if (!survey) throw notFound('entity.survey');
  if (survey.current_version === null || survey.status === 'draft') throw conflict(msg('surveys.import.notOpen'));
  return survey;
}

/** Starts the import job (policy, scope and the file's size checked first); answers the job to watch. */
export async function startResponseImport(
  deps: Pick<ModuleContext, 'db' | 'files' | 'jobs'>,
  actor: Actor,
  surveyId: number,
  query: { dryRun: boolean; unitId?: number | undefined; respondentGroup?: TRespondentGroup | undefined },
  upload: Upload,
): Promise<TJob> {
  const survey = await surveyForImport(deps.db, actor, surveyId);
  if (query.unitId !== undefined && (await surveys.unitsInScopeUnder(deps.db, actor.scope, survey.unit_path, [query.unitId])).length === 0) {
    throw forbidden(msg('surveys.responses.unitOutOfScope'));
  }
  await checkSheetUpload(upload);
  const sha256 = await deps.files.put(upload.data);
  const payload: ResponseImportPayload = { sha256, filename: upload.filename, surveyId, dryRun: query.dryRun, unitId: query.unitId ?? null, respondentGroup: query.respondentGroup ?? null };
  const id = await deps.db.transaction().execute(async (trx) => {
    await surveyForImport(trx, actor, surveyId);
    return deps.jobs.enqueue(trx, actor, { kind: RESPONSE_IMPORT_JOB, payload, target: `survey:${surveyId}`, unitId: survey.unit_id, maxAttempts: 1 });
  });
  deps.jobs.kick();
  return getJob(deps.db, actor, id);
}

/** The units a file may name in `_unit`, and those its rows may be of (null: any unit the import names). */
async function importUnits(db: Database, survey: surveys.SurveyRow, targets: readonly { unit_id: number; unit_name: string }[], unitId: number | null) {
  // the targeted units and those under them (a village of a targeted commune), by id, and by name where one unit
  // has it (a targeted unit's name wins over a village's of the same name)
  const below = targets.length > 0 ? await surveys.unitsUnderTargets(db, survey) : [];
  const units = new Map<string, number>();
  const nameCount = new Map<string, number>();
  for (const u of below) nameCount.set(foldVi(u.full_name), (nameCount.get(foldVi(u.full_name)) ?? 0) + 1);
  for (const u of below) {
    units.set(String(u.id), u.id);
    if (nameCount.get(foldVi(u.full_name)) === 1) units.set(foldVi(u.full_name), u.id);
  }
  for (const t of targets) {
    units.set(String(t.unit_id), t.unit_id);
    units.set(foldVi(t.unit_name), t.unit_id);
  }
  if (unitId !== null) units.set(String(unitId), unitId);
  return { names: new UnitNames(units), allowed: targets.length > 0 ? new Set(below.map((u) => u.id)) : null };
}

/** What every row of one file is read with. */
interface FileContext {
  form: TSurveyForm;
  table: SheetRows;
  header: readonly string[];
  columns: readonly (Column | null)[];
  row: { versionNumber: number; units: UnitNames; unitId: number | null; group: TRespondentGroup | null };
  /** The units the rows may be of (the targets and the units under them); null: the one unit the import names. */
  allowedUnits: ReadonlySet<number> | null;
  today: string;
}

/** Checks a file's data rows step by step: the good ones as responses to store, the errors gathered by row. */
class RowCheck {
  readonly errors: TRowError[] = [];
  private readonly seen = new Map<string, number>();
  checked = 0;
  generatedIds = 0;

  constructor(private readonly file: FileContext) {}

  /** Checks data rows from..to (0 is the row after the header). */
  rows(from: number, to: number): ParsedRow[] {
    const { form, table, header, columns, allowedUnits, today } = this.file;
    const good: ParsedRow[] = [];
    for (let i = from; i < to; i++) {
      const cells = table.row(i + 1);
      if (cells.every((cell) => (cell ?? '').trim() === '')) continue;
      const row = i + 2;
      const result = parseRow(form, columns, header, cells, row, this.file.row);
      if ('message' in result) this.errors.push(result);
      else if (allowedUnits && !allowedUnits.has(result.item.unitId)) this.errors.push({ row, field: '_unit', message: msg('surveys.responses.unitNotTargeted') });
      else if (this.seen.has(result.item.id)) this.errors.push({ row, field: '_uuid', message: msg('import.duplicateOfRow', { row: this.seen.get(result.item.id) as number }) });
      else {
        const outcome = checkAgainst(form, result.item.answers, today);
        if ('field' in outcome) this.errors.push({ row, field: outcome.field.replace(/^answers\./, ''), message: outcome.message });
        else {
          this.seen.set(result.item.id, row);
          result.item.checked = outcome;
          good.push(result);
          this.checked += 1;
          if (result.generatedId) this.generatedIds += 1;
        }
      }
    }
    return good;
  }

  /** The file refused for its row errors (the first 200 reported). */
  refusal(): JobFailed {
    return new JobFailed(rejectedMessage(this.errors), { created: 0, errors: this.errors.slice(0, 200), errorCount: this.errors.length });
  }
}

/**
 * One pass over the file in the caller's transaction: the rows are checked and handed to the writer step by step,
 * so the checks in JavaScript overlap the server's writing. The first row error stops the writing; the rest of the
 * file is still checked for the report, then the caller rolls everything back: all rows or none.
 */
async function writeRows(check: RowCheck, writer: ResponseWriter, total: number, report: (done: number) => void) {
  try {
    let batch: ParsedRow[] = [];
    for (let start = 0; start < total; start += CHECK_STEP) {
      batch.push(...check.rows(start, Math.min(total, start + CHECK_STEP)));
      const last = start + CHECK_STEP >= total;
      if (check.errors.length === 0 && (batch.length >= writer.batch || (last && batch.length > 0))) {
        await writer.add(
          batch.map((p) => p.item),
          batch.map((p) => p.row),
        );
        batch = [];
      }
      // after a row error nothing more is written: the good rows are not kept
      if (check.errors.length > 0) batch = [];
      report(start);
      // lets the writing under way go on between steps of checking
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (check.errors.length > 0) throw check.refusal();
    if (check.checked === 0) throw new JobFailed(msg('import.noRows'));
    const written = await writer.finish();
    if (writer.refused.length > 0) throw new JobFailed(rejectedMessage(writer.refused), { created: 0, errors: writer.refused.slice(0, 200) });
    return written;
  } catch (error) {
    await writer.settle();
    throw error;
  }
}

/** The job: reads the file, checks every row (progress), then writes them all or nothing. */
export async function runResponseImport(context: JobContext<ResponseImportPayload>) {
  const { db, actor, payload } = context;
  const upload = await importUpload({ ...context, payload: { ...payload, targetId: payload.surveyId } });
  const survey = await surveyForImport(db, actor, payload.surveyId);
  const versionNumber = survey.current_version as number;
  const form = storedForm(await surveys.findVersionForm(db, survey, versionNumber));
  const table = await readSheetRows(upload, { maxColumns: MAX_COLUMNS, maxRows: MAX_RESPONSE_ROWS });
  const header = table.length > 0 ? table.row(0) : [];
  const { columns, ignored } = readHeader(form, header);
  if (!columns.some((c) => c?.kind === 'value' || c?.kind === 'choice')) throw new JobFailed(msg('surveys.import.noQuestionColumns'));
  const targets = await surveys.listTargets(db, survey);
  const units = await importUnits(db, survey, targets, payload.unitId);
  const today = clock.today();
  const file: FileContext = {
    form,
    table,
    header,
    columns,
    row: { versionNumber, units: units.names, unitId: payload.unitId, group: payload.respondentGroup },
    allowedUnits: units.allowed,
    today,
  };
  // the data rows: the file's rows after the header
  const total = Math.max(0, table.length - 1);
  await context.progress(0, total);

  if (payload.dryRun) {
    const check = new RowCheck(file);
    for (let start = 0; start < total; start += CHECK_STEP) {
      check.rows(start, Math.min(total, start + CHECK_STEP));
      await context.progress(start, total);
    }
    if (check.errors.length > 0) throw check.refusal();
    if (check.checked === 0) throw new JobFailed(msg('import.noRows'));
    return { created: 0, checked: check.checked, duplicates: 0, generatedIds: check.generatedIds, ignoredColumns: ignored, dryRun: true };
  }

  // progress is not awaited inside the transaction: on PGlite (one connection) its write waits for the commit; it
  // never goes back (a second pass after a stored id shows no progress until it passes where the first stopped)
  let reached = 0;
  const report = (done: number) => {
    if (done < reached) return;
    reached = done;
    void context.progress(done, total).catch(() => undefined);
  };
  const store: StoreSurvey = { id: survey.id, province_id: survey.province_id, unit_id: survey.unit_id, unit_path: survey.unit_path, double_entry: survey.double_entry };
  let check = new RowCheck(file);
  const counts = await db.transaction().execute(async (trx) => {
    await surveyForImport(trx, actor, payload.surveyId);
    const storeContext = { channel: 'import' as const, enteredBy: actor.userId, audit: actor, today, now: clock.now(), importJobId: context.jobId, targets };
    const writable = units.allowed ?? new Set(payload.unitId === null ? [] : await surveys.unitsUnder(trx, survey.unit_path, [payload.unitId]));
    try {
      return await writeRows(check, await CopyImportWriter.open(trx, store, storeContext, { number: versionNumber, form }, writable), total, report);
    } catch (error) {
      if (!isDuplicateId(error)) throw error;
      // an id of the file is already stored (the file imported before, a phone's resend): again, batch by batch,
      // each id looked up first (a stored one is counted as resent)
      check = new RowCheck(file);
      return await writeRows(check, new BatchImportWriter(trx, store, storeContext), total, report);
    }
  });
  await context.progress(total, total);
  return { ...counts, generatedIds: check.generatedIds, ignoredColumns: ignored };
}
