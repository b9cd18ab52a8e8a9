import type { TRowError } from '#contracts/common.ts';
import { formQuestions, type TQuestion, type TSurveyForm } from '#contracts/surveys/form.ts';
import { RESPONDENT_GROUPS, type TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
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
import { checkSheetUpload, readSheetRows } from '#server/shared/spreadsheet.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { surveyPolicy } from '../survey.policy.ts';
import { storedForm } from '../survey.presenter.ts';
import * as surveys from '../survey.repository.ts';
import { BatchImportWriter, CopyImportWriter, type ResponseWriter } from './import-writer.ts';
import { checkAgainst, type IncomingResponse, type StoreSurvey } from './response-store.ts';
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

/** How a column of the file is read. */
type Column =
  | { kind: 'value'; question: TQuestion }
  | { kind: 'choice'; question: TQuestion; choice: string }
  | { kind: 'unit' }
  | { kind: 'group' }
  | { kind: 'id' }
  | { kind: 'submittedAt' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the header: which column carries what; the names of columns it ignores. */
export function readHeader(form: TSurveyForm, header: readonly string[]): { columns: (Column | null)[]; ignored: string[] } {
  const questions = new Map(formQuestions(form).map(({ question }) => [question.name, question]));
  const ignored: string[] = [];
  let idColumn = -1;
  const columns = header.map((raw, index): Column | null => {
    const name = raw.trim();
    if (name === '') return null;
    if (name === '_unit') return { kind: 'unit' };
    if (name === '_group') return { kind: 'group' };
    if (name === '_submission_time') return { kind: 'submittedAt' };
    if (name === '_uuid' || name === 'meta/instanceID' || name === 'instanceID') {
      // `_uuid` first when both are there
      if (idColumn < 0 || name === '_uuid') idColumn = index;
      return { kind: 'id' };
    }
    const segments = name.split('/');
    const at = segments.findLastIndex((segment) => questions.has(segment));
    const question = at >= 0 ? questions.get(segments[at] as string) : undefined;
    if (question && at === segments.length - 1) return { kind: 'value', question };
    if (question && at === segments.length - 2 && question.type === 'select_multiple') {
      const choice = segments[at + 1] as string;
      if ((form.choiceLists[question.listName ?? ''] ?? []).some((c) => c.name === choice)) return { kind: 'choice', question, choice };
    }
    if (!name.startsWith('_')) ignored.push(name);
    return null;
  });
  // only one id column counts
  return { columns: columns.map((c, i) => (c?.kind === 'id' && i !== idColumn ? null : c)), ignored };
}

/** dd/mm/yyyy (or d/m/yyyy) → yyyy-mm-dd; ISO dates (and date-times) keep their date. */
function isoDate(text: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  if (iso) return iso[1] as string;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return vn ? `${vn[3]}-${(vn[2] as string).padStart(2, '0')}-${(vn[1] as string).padStart(2, '0')}` : text;
}

/**
 * The units a file may name in `_unit`, by id or folded name; a text is folded once per file (a file names a few
 * hundred units over many thousand rows).
 */
export class UnitNames {
  private readonly found = new Map<string, number | null>();
  constructor(private readonly byName: ReadonlyMap<string, number>) {}

  find(text: string): number | null {
    let id = this.found.get(text);
    if (id === undefined) {
      id = this.byName.get(foldVi(text)) ?? null;
      this.found.set(text, id);
    }
    return id;
  }
}

export interface ParsedRow {
  row: number;
  item: IncomingResponse;
  generatedId: boolean;
}

/**
 * One data row as a response: its answers by the columns, the unit (a targeted unit's id or name), the group,
 * the id. A problem is a row error naming the column. The cells are as readSheetRows gives them (NFC).
 */
export function parseRow(
  form: TSurveyForm,
  columns: readonly (Column | null)[],
  header: readonly string[],
  cells: readonly string[],
  row: number,
  context: { versionNumber: number; units: UnitNames; unitId: number | null; group: TRespondentGroup | null },
): ParsedRow | TRowError {
  const answers: Record<string, unknown> = {};
  let ticked: Map<string, string[]> | null = null;
  let unitText = '';
  let groupText = '';
  let idText = '';
  let submittedText = '';
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index];
    if (!column) continue;
    const text = (cells[index] ?? '').trim();
    if (column.kind === 'unit') unitText = text;
    else if (column.kind === 'group') groupText = text;
    else if (column.kind === 'id') idText = text.replace(/^uuid:/i, '');
    else if (column.kind === 'submittedAt') submittedText = text;
    else if (text === '') continue;
    else if (column.kind === 'choice') {
      if (text === '1' || text.toLowerCase() === 'true') {
        ticked ??= new Map();
        ticked.set(column.question.name, [...(ticked.get(column.question.name) ?? []), column.choice]);
      } else if (text !== '0' && text.toLowerCase() !== 'false') return { row, field: header[index] ?? '', message: msg('surveys.import.notZeroOne') };
    } else {
      const q = column.question;
      if (q.type === 'integer' || q.type === 'decimal') {
        const value = Number(text.replace(',', '.'));
        if (!Number.isFinite(value)) return { row, field: header[index] ?? '', message: msg('surveys.import.notNumber') };
        answers[q.name] = value;
      } else if (q.type === 'select_multiple') answers[q.name] = text.split(/\s+/);
      else if (q.type === 'date') answers[q.name] = isoDate(text);
      else answers[q.name] = text;
    }
  }
  // the 0/1 columns say what the space-separated column leaves empty
  if (ticked) for (const [name, choices] of ticked) if (answers[name] === undefined) answers[name] = choices;
  const unitId = unitText === '' ? context.unitId : context.units.find(unitText);
  if (unitId === null) return { row, field: '_unit', message: unitText === '' ? msg('surveys.import.unitMissing') : msg('surveys.import.unitUnknown', { unit: unitText }) };
  const group = groupText === '' ? context.group : ((RESPONDENT_GROUPS as readonly string[]).includes(groupText) ? (groupText as TRespondentGroup) : null);
  if (group === null) return { row, field: '_group', message: groupText === '' ? msg('surveys.import.groupMissing') : msg('surveys.import.groupUnknown', { group: groupText, groups: RESPONDENT_GROUPS.join(', ') }) };
  const generatedId = !UUID.test(idText);
  // Kobo writes the submission time without a zone, in the server's (UTC); a time that does not read is left out
  const submittedAt = submittedText === '' ? undefined : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(submittedText) ? submittedText : `${submittedText}Z`);
  const item: IncomingResponse = { id: generatedId ? uuidv7() : idText.toLowerCase(), versionNumber: context.versionNumber, unitId, respondentGroup: group, answers };
  if (submittedAt && Number.isFinite(submittedAt.getTime())) item.submittedAt = submittedAt;
  return { row, generatedId, item };
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
  // the targeted units and those under them (a village of a targeted commune), by id, and by name where one
  // unit has it (a targeted unit's name wins over a village's of the same name)
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
  if (payload.unitId !== null) units.set(String(payload.unitId), payload.unitId);
  const unitNames = new UnitNames(units);
  const store: StoreSurvey = { id: survey.id, province_id: survey.province_id, unit_id: survey.unit_id, unit_path: survey.unit_path, double_entry: survey.double_entry };
  const allowedUnits = targets.length > 0 ? new Set(below.map((u) => u.id)) : null;
  const today = clock.today();
  const errors: TRowError[] = [];
  const seen = new Map<string, number>();
  // the data rows: the file's rows after the header
  const total = Math.max(0, table.length - 1);
  let checked = 0;
  let generatedIds = 0;
  await context.progress(0, total);
  // progress is not awaited inside the transaction: on PGlite (one connection) its write waits for the commit
  const report = (done: number) => void context.progress(done, total).catch(() => undefined);

  /** Checks rows from..to of the body: the good ones as responses to store (errors gathered by row). */
  const checkRows = (from: number, to: number): ParsedRow[] => {
    const good: ParsedRow[] = [];
    for (let i = from; i < to; i++) {
      const cells = table.row(i + 1);
      if (cells.every((cell) => (cell ?? '').trim() === '')) continue;
      const row = i + 2;
      const result = parseRow(form, columns, header, cells, row, { versionNumber, units: unitNames, unitId: payload.unitId, group: payload.respondentGroup });
      if ('message' in result) errors.push(result);
      else if (allowedUnits && !allowedUnits.has(result.item.unitId)) errors.push({ row, field: '_unit', message: msg('surveys.responses.unitNotTargeted') });
      else if (seen.has(result.item.id)) errors.push({ row, field: '_uuid', message: msg('import.duplicateOfRow', { row: seen.get(result.item.id) as number }) });
      else {
        const outcome = checkAgainst(form, result.item.answers, today);
        if ('field' in outcome) errors.push({ row, field: outcome.field.replace(/^answers\./, ''), message: outcome.message });
        else {
          seen.set(result.item.id, row);
          result.item.checked = outcome;
          good.push(result);
          checked += 1;
          if (result.generatedId) generatedIds += 1;
        }
      }
    }
    return good;
  };
  const refuse = () => new JobFailed(rejectedMessage(errors), { created: 0, errors: errors.slice(0, 200), errorCount: errors.length });

  if (payload.dryRun) {
    for (let start = 0; start < total; start += CHECK_STEP) {
      checkRows(start, Math.min(total, start + CHECK_STEP));
      await context.progress(start, total);
    }
    if (errors.length > 0) throw refuse();
    if (checked === 0) throw new JobFailed(msg('import.noRows'));
    return { created: 0, checked, duplicates: 0, generatedIds, ignoredColumns: ignored, dryRun: true };
  }

  // One pass in one transaction: the rows are checked and handed to the writer step by step, so the checks in
  // JavaScript overlap the server's writing. The first row error stops the writing; the rest of the file is still
  // checked for the report, then everything is rolled back: all rows or none.
  const writeRows = async (writer: ResponseWriter) => {
    try {
      let batch: ParsedRow[] = [];
      for (let start = 0; start < total; start += CHECK_STEP) {
        batch.push(...checkRows(start, Math.min(total, start + CHECK_STEP)));
        const last = start + CHECK_STEP >= total;
        if (errors.length === 0 && (batch.length >= writer.batch || (last && batch.length > 0))) {
          await writer.add(
            batch.map((p) => p.item),
            batch.map((p) => p.row),
          );
          batch = [];
        }
        // after a row error nothing more is written: the good rows are not kept
        if (errors.length > 0) batch = [];
        report(start);
        // lets the writing under way go on between steps of checking
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (errors.length > 0) throw refuse();
      if (checked === 0) throw new JobFailed(msg('import.noRows'));
      const written = await writer.finish();
      if (writer.refused.length > 0) throw new JobFailed(rejectedMessage(writer.refused), { created: 0, errors: writer.refused.slice(0, 200) });
      return written;
    } catch (error) {
      await writer.settle();
      throw error;
    }
  };
  const counts = await db.transaction().execute(async (trx) => {
    await surveyForImport(trx, actor, payload.surveyId);
    const storeContext = { channel: 'import' as const, enteredBy: actor.userId, audit: actor, today, now: clock.now(), importJobId: context.jobId, targets };
    const writable = allowedUnits ?? new Set(payload.unitId === null ? [] : await surveys.unitsUnder(trx, survey.unit_path, [payload.unitId]));
    try {
      return await writeRows(await CopyImportWriter.open(trx, store, storeContext, { number: versionNumber, form }, writable));
    } catch (error) {
      if (!isDuplicateId(error)) throw error;
      // an id of the file is already stored (the file imported before, a phone's resend): again, batch by batch,
      // each id looked up first (a stored one is counted as resent)
      errors.length = 0;
      seen.clear();
      checked = 0;
      generatedIds = 0;
      return await writeRows(new BatchImportWriter(trx, store, storeContext));
    }
  });
  await context.progress(total, total);
  return { ...counts, generatedIds, ignoredColumns: ignored };
}
