import type { TSurveyForm } from '#contracts/surveys/form.ts';
import { msg } from '#server/shared/messages.ts';

/**
 * A problem found in an XLSForm: the sheet as named in the workbook, the Excel row (null for the sheet or the file
 * as a whole), the column concerned, and a Vietnamese message that names all three and the feature.
 */
export type XlsFormIssue = { sheet: string; row: number | null; column?: string; message: string };

/** The form, with what was ignored (warnings); or every problem that keeps it from being imported. */
export type XlsFormReading = { ok: true; form: TSurveyForm; warnings: XlsFormIssue[] } | { ok: false; issues: XlsFormIssue[] };

/** Collects errors and warnings while reading; messages get their sheet and row prefix here. */
export class IssueLog {
  readonly errors: XlsFormIssue[] = [];
  readonly warnings: XlsFormIssue[] = [];

  error(sheet: string, row: number | null, column: string | undefined, problem: string): void {
    this.errors.push(issue(sheet, row, column, problem));
  }

  warn(sheet: string, row: number | null, column: string | undefined, problem: string): void {
    this.warnings.push(issue(sheet, row, column, problem));
  }
}

function issue(sheet: string, row: number | null, column: string | undefined, problem: string): XlsFormIssue {
  const message = row === null ? msg('surveys.xlsform.atSheet', { sheet, problem }) : msg('surveys.xlsform.atRow', { sheet, row, problem });
  return column === undefined ? { sheet, row, message } : { sheet, row, column, message };
}

const SHEET_ORDER = ['survey', 'choices', 'settings'];

/** Issues in reading order: survey, choices, settings (others first), then by row, the sheet-wide ones first. */
export function sortIssues(issues: XlsFormIssue[]): XlsFormIssue[] {
  const rank = (sheet: string) => SHEET_ORDER.indexOf(sheet.toLowerCase());
  return [...issues].sort((a, b) => rank(a.sheet) - rank(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
}

/** "2, 5, 12" (the first ten, then "…"), for warnings that gather the rows of one column. */
export function rowList(rows: number[]): string {
  return rows.length > 10 ? `${rows.slice(0, 10).join(', ')}, …` : rows.join(', ');
}
