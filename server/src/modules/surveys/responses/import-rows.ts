import type { TRowError } from '#contracts/common.ts';
import { formQuestions, type TQuestion, type TSurveyForm } from '#contracts/surveys/form.ts';
import { RESPONDENT_GROUPS, type TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
import { msg } from '#server/shared/messages.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import type { IncomingResponse } from './response-store.ts';

/**
 * The rows of a response import read as responses (the KoboToolbox/ODK export layout, see response-import.ts): the
 * header tells which column carries what, and each data row becomes a response to check, or a row error naming the
 * column. Pure: no database.
 */

/** How a column of the file is read. */
export type Column =
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
