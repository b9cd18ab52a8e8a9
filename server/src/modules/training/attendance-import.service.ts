import type { Kysely } from 'kysely';
import type { TRowError } from '#contracts/common.ts';
import type { TAttendanceResult, TAttendanceRow } from '#contracts/training/api.ts';
import { matchRow, parseCompleted, type MatchCandidate } from '#contracts/training/rules.ts';
import type { DB } from '#server/db/schema.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, notFound } from '#server/shared/errors.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import type { Upload } from '#server/shared/http/endpoint-route.ts';
import { msg, SHEET_HEADERS } from '#server/shared/messages.ts';
import { checkSheetUpload, readSheet, type SheetRow } from '#server/shared/spreadsheet.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { recordAudit } from '../audit/index.ts';
import { touchTraining } from './training-derived.ts';
import { trainingPolicy } from './training.policy.ts';
import * as repo from './training.repository.ts';
import type { Deps } from './training.service.ts';

/**
 * The attendance list of a course from Excel: one row per person (name, birth year, unit, completed). Each row is
 * matched to the registry by folded name among the people under the course's unit in the user's scope, narrowed
 * by the unit named (any of its or its ancestors' names) and by birth year (rules.ts matchRow). Doubtful rows
 * (several people, or the name without the year) show their candidates; the user's choices come back with the
 * commit ("row:personId", 0 to leave the row out). Nothing is written while a row is wrong or doubtful.
 */

const header = {
  order: () => msg('training.sheet.order'),
  fullName: () => msg('training.sheet.fullName'),
  birthYear: () => msg('training.sheet.birthYear'),
  unit: () => msg('training.sheet.unit'),
  completed: () => msg('training.sheet.completed'),
};

/** The empty attendance template with one example row. */
export async function buildAttendanceTemplate(actor: Actor) {
  authorize(trainingPolicy.read(actor));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(msg('training.sheet.name'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([header.order(), header.fullName(), header.birthYear(), header.unit(), header.completed()]).font = { bold: true };
  sheet.addRow([1, msg('training.sheet.exampleName'), 1975, msg('training.sheet.exampleUnit'), msg('training.sheet.completedHint')]).font = { italic: true, color: { argb: 'FF888888' } };
  sheet.columns.forEach((column, i) => {
    column.width = [6, 30, 10, 36, 14][i] ?? 14;
  });
  return { filename: 'danh-sach-hoc-vien.xlsx', data: Buffer.from(await book.xlsx.writeBuffer()) };
}

/** "5:123,8:0" → row → personId (0: leave the row out). */
export function parseChoices(text: string | undefined): Map<number, number> {
  const choices = new Map<number, number>();
  for (const pair of (text ?? '').split(',').filter(Boolean)) {
    const [row, person] = pair.split(':').map(Number) as [number, number];
    choices.set(row, person);
  }
  return choices;
}

interface Checked {
  rows: (TAttendanceRow & { unitId: number | null })[];
  errors: TRowError[];
  doubtful: number;
}

const YEAR = /^(19|20)\d\d$/;

async function checkRows(db: Kysely<DB>, actor: Actor, underPath: string, rows: SheetRow[], choices: Map<number, number>, listed: Set<number>): Promise<Checked> {
  const errors: TRowError[] = [];
  const error = (row: number, field: string, message: string) => errors.push({ row, field, message });
  const names = [...new Set(rows.map((r) => foldVi(r.cells.fullName ?? '')).filter(Boolean))];
  const people = await repo.peopleByFoldedNames(db, actor.scope, underPath, names);
  const byName = new Map<string, typeof people>();
  for (const person of people) byName.set(person.search_name, [...(byName.get(person.search_name) ?? []), person]);
  const seen = new Map<number, number>();
  const out: Checked['rows'] = [];
  let doubtful = 0;
  for (const { row, cells } of rows) {
    const fullName = cells.fullName ?? '';
    const yearText = cells.birthYear ?? '';
    const unitText = cells.unit ?? '';
    const before = errors.length;
    if (fullName === '') error(row, header.fullName(), msg('common.required'));
    if (yearText !== '' && !YEAR.test(yearText)) error(row, header.birthYear(), msg('training.row.birthYear'));
    const completedText = foldVi(cells.completed ?? '');
    const completed = completedText === '' ? true : parseCompleted(completedText);
    if (completed === null) error(row, header.completed(), msg('training.row.completed'));
    if (errors.length > before) continue;
    const birthYear = yearText === '' ? null : Number(yearText);
    const unitKey = foldVi(unitText);
    const sameName = (byName.get(foldVi(fullName)) ?? []).filter((p) => unitKey === '' || (p.unit_keys ?? []).includes(unitKey));
    const candidates: MatchCandidate[] = sameName.map((p) => ({ personId: Number(p.id), fullName: p.full_name, birthYear: p.birth_year, unitName: p.unit_name }));
    const outcome = matchRow(birthYear, candidates);
    if (outcome.kind === 'none') {
      error(row, header.fullName(), msg('training.row.notFound', { name: fullName }));
      continue;
    }
    const base = { row, fullName, birthYear, unitText, completed: completed as boolean, alreadyListed: false };
    const choice = choices.get(row);
    let result: TAttendanceRow;
    if (choice === 0) {
      result = { ...base, status: 'skipped', person: null, reason: outcome.kind === 'doubtful' ? outcome.reason : null, candidates: outcome.kind === 'doubtful' ? outcome.candidates : [] };
    } else if (choice !== undefined) {
      const chosen = candidates.find((c) => c.personId === choice);
      if (!chosen) {
        error(row, header.fullName(), msg('training.row.choiceNotCandidate'));
        continue;
      }
      result = { ...base, status: 'chosen', person: chosen, reason: outcome.kind === 'doubtful' ? outcome.reason : null, candidates: outcome.kind === 'doubtful' ? outcome.candidates : [] };
    } else if (outcome.kind === 'matched') {
      const person = candidates.find((c) => c.personId === outcome.personId) as MatchCandidate;
      result = { ...base, status: 'matched', person, reason: null, candidates: [] };
    } else {
      doubtful++;
      result = { ...base, status: 'doubtful', person: null, reason: outcome.reason, candidates: outcome.candidates };
    }
    if (result.person) {
      const earlier = seen.get(result.person.personId);
      if (earlier !== undefined) {
        error(row, header.fullName(), msg('training.row.duplicatePerson', { row: earlier }));
        continue;
      }
      seen.set(result.person.personId, row);
      result.alreadyListed = listed.has(result.person.personId);
    }
    const unitId = result.person ? Number(sameName.find((p) => Number(p.id) === result.person?.personId)?.unit_id) : null;
    out.push({ ...result, unitId });
  }
  if (rows.length === 0) error(1, header.fullName(), msg('import.noRows'));
  return { rows: out, errors, doubtful };
}

const present = (checked: Checked, dryRun: boolean, written: number): TAttendanceResult => ({
  dryRun,
  rows: checked.rows.map(({ unitId: _unitId, ...row }) => row),
  errors: checked.errors,
  doubtful: checked.doubtful,
  written,
});

/** Preview or commit of an attendance list for a course the user manages (policy and course checked before the file is read). */
export async function uploadAttendance({ db, derived }: Deps, actor: Actor, courseId: string, query: { dryRun: boolean; choices?: string | undefined }, upload: Upload): Promise<TAttendanceResult> {
  authorize(trainingPolicy.manage(actor));
  const course = await repo.findCourse(db, actor.scope, courseId);
  if (!course) throw notFound('entity.trainingCourse');
  await checkSheetUpload(upload);
  const rows = await readSheet(upload, {
    fullName: { headers: SHEET_HEADERS.attendance.fullName, required: true },
    birthYear: { headers: SHEET_HEADERS.attendance.birthYear, required: false },
    unit: { headers: SHEET_HEADERS.attendance.unit, required: false },
    completed: { headers: SHEET_HEADERS.attendance.completed, required: false },
  });
  const choices = parseChoices(query.choices);
  const provinceId = Number(course.province_id);
  const unitPath = course.unit_path;
  const listedNow = async (trx: Kysely<DB>) => new Set((await repo.listParticipants(trx, actor.scope, provinceId, courseId)).map((p) => Number(p.person_id)));
  if (query.dryRun) return present(await checkRows(db, actor, unitPath, rows, choices, await listedNow(db)), true, 0);
  return db.transaction().execute(async (trx) => {
    const checked = await checkRows(trx, actor, unitPath, rows, choices, await listedNow(trx));
    if (checked.errors.length > 0 || checked.doubtful > 0) {
      const fields = [
        ...checked.errors.slice(0, 100).map((e) => ({ field: `${e.row}: ${e.field}`, message: e.message })),
        ...checked.rows.filter((r) => r.status === 'doubtful').slice(0, 100).map((r) => ({ field: `${r.row}: ${header.fullName()}`, message: msg('training.row.doubtful') })),
      ];
      throw new AppError(400, 'validation', msg('training.import.rejected', { errors: new Set(checked.errors.map((e) => e.row)).size, doubtful: checked.doubtful }), fields);
    }
    const at = clock.now();
    const written = checked.rows.filter((r) => r.person !== null && r.unitId !== null);
    await repo.upsertParticipants(
      trx,
      written.map((r) => ({ provinceId, courseId, personId: (r.person as MatchCandidate).personId, unitId: r.unitId as number, completed: r.completed, source: 'excel' as const, userId: actor.userId, at })),
    );
    if (written.length > 0) {
      await recordAudit(trx, actor, { action: 'import', entity: 'training_course', entityId: courseId, unitId: Number(course.unit_id), after: { file: upload.filename, rows: rows.length, participants: written.length } });
      await touchTraining(trx, derived, actor, await repo.unitsOfPeople(trx, written.map((r) => (r.person as MatchCandidate).personId), clock.today()));
    }
    return present(checked, false, written.length);
  });
}
