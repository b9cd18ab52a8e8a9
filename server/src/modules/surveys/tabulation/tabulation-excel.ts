import type { TTabulatedQuestion, TTabulation, TTabulationQuery } from '#contracts/surveys/tabulation.schemas.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { getTabulation } from './tabulation.service.ts';

/**
 * The tabulation as an .xlsx (issue 13 must-have 4, "Export to Excel"): the same figures as the JSON (one call to
 * getTabulation), Vietnamese headers; one sheet with every question (question, choice, count, base, percent; the
 * numbers' summary; skipped and unanswered), and one more sheet per column of a cross-tabulation. Audited as a download.
 */
export async function tabulationWorkbook(db: Database, actor: Actor, surveyId: number, query: TTabulationQuery): Promise<{ filename: string; data: Buffer }> {
  const tabulation = await getTabulation(db, actor, surveyId, query);
  const book = new ExcelJS.Workbook();
  const names = new Set<string>();
  writeSheet(book, sheetName(msg('surveys.tabulation.sheet'), names), tabulation, msg('surveys.tabulation.title', { title: tabulation.title }), tabulation.submissions, tabulation.questions);
  for (const column of tabulation.columns) {
    const heading = `${msg('surveys.tabulation.title', { title: tabulation.title })} — ${msg('surveys.tabulation.column', { label: column.label, submissions: column.submissions })}`;
    writeSheet(book, sheetName(column.label, names), tabulation, heading, column.submissions, column.questions);
  }
  await recordAudit(db, actor, { action: 'download', entity: 'survey', entityId: surveyId, unitId: actor.unitId, after: { export: 'xlsx', by: tabulation.by } });
  return { filename: `ket-qua-khao-sat-${surveyId}.xlsx`, data: Buffer.from(await book.xlsx.writeBuffer()) };
}

/** A sheet name Excel accepts (31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || '-';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Row layout, from row 4: question | choice (or what the row counts) | count or value | base | percent. */
function writeSheet(book: ExcelJS.Workbook, name: string, tabulation: TTabulation, heading: string, submissions: number, questions: readonly TTabulatedQuestion[]) {
  const sheet = book.addWorksheet(name);
  sheet.getCell('A1').value = heading;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value = msg('surveys.tabulation.summary', {
    submissions,
    base: msg(tabulation.base === 'submissions' ? 'surveys.tabulation.base.submissions' : 'surveys.tabulation.base.respondents'),
    decimals: tabulation.decimals,
  });
  const header = sheet.getRow(4);
  header.values = [msg('surveys.tabulation.question'), msg('surveys.tabulation.choice'), msg('surveys.tabulation.count'), msg('surveys.tabulation.baseHeader'), msg('surveys.tabulation.percent')];
  header.font = { bold: true };
  sheet.columns = [50, 40, 12, 10, 12].map((width) => ({ width }));
  const percentFormat = tabulation.decimals === 0 ? '0' : `0.${'0'.repeat(tabulation.decimals)}`;
  let at = 5;
  const row = (values: (string | number | null)[]) => {
    sheet.getRow(at).values = values;
    at += 1;
  };
  for (const q of questions) {
    const label = [...q.groups, q.label].join(' / ');
    if (q.sensitive && !q.choices && !q.numbers && q.base === 0 && q.answered === 0) {
      row([label, msg('surveys.tabulation.sensitive')]);
      continue;
    }
    for (const choice of q.choices ?? []) {
      row([label, choice.label, choice.count, choice.base, choice.percent]);
      if (choice.percent !== null) sheet.getCell(at - 1, 5).numFmt = percentFormat;
    }
    if (q.numbers) {
      row([label, msg('surveys.tabulation.answered'), q.numbers.count, q.base, null]);
      row([label, msg('surveys.tabulation.mean'), q.numbers.mean]);
      row([label, msg('surveys.tabulation.median'), q.numbers.median]);
      row([label, msg('surveys.tabulation.min'), q.numbers.min]);
      row([label, msg('surveys.tabulation.max'), q.numbers.max]);
    } else if (!q.choices) row([label, msg('surveys.tabulation.answered'), q.answered, q.base, null]);
    if (q.skipped > 0) row([label, msg('surveys.tabulation.skipped'), q.skipped]);
    if (q.unanswered > 0) row([label, msg('surveys.tabulation.unanswered'), q.unanswered]);
  }
}
