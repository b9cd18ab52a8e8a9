import { REDACTED, type TCaseListQuery } from '#contracts/petitions/case.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './case.repository.ts';
import { actorProvinces } from './field.service.ts';
import { petitionPolicy } from './petition.policy.ts';
import { petitionWorkflow } from './petition.workflow.ts';

/** The most rows an export writes (a province's year of cases fits). */
export const EXPORT_LIMIT = 20_000;

/**
 * The list as an .xlsx with Vietnamese headers. A denouncer's identity is never in it: the first person of a
 * protected case is REDACTED (the query never decrypts), and no identity column is written. Audited as a download.
 */
export async function exportCases(db: Database, actor: Actor, query: TCaseListQuery): Promise<{ filename: string; data: Buffer }> {
  authorize(petitionPolicy.read(actor));
  const today = clock.today();
  const rows = await repo.exportCases(db, actor.scope, await actorProvinces(db, actor), query, today, EXPORT_LIMIT);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(msg('petitions.export.sheet'));
  sheet.getCell('A1').value = msg('petitions.export.title', { date: vnDate(today) });
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value = msg('petitions.export.note');
  const headers = [
    msg('petitions.export.code'), msg('petitions.export.receivedOn'), msg('petitions.export.kind'), msg('petitions.export.channel'),
    msg('petitions.export.field'), msg('petitions.export.subject'), msg('petitions.export.person'), msg('petitions.export.personCount'),
    msg('petitions.export.unit'), msg('petitions.export.commune'), msg('petitions.export.flags'), msg('petitions.export.status'),
    msg('petitions.export.dueOn'), msg('petitions.export.closedOn'), msg('petitions.export.outcome'),
  ];
  sheet.getRow(4).values = headers;
  sheet.getRow(4).font = { bold: true };
  sheet.columns = [16, 14, 12, 16, 24, 50, 26, 10, 30, 26, 24, 26, 14, 14, 18].map((width) => ({ width }));
  rows.forEach((r, i) => {
    const flags = [r.crowd && msg('petitions.flag.crowd'), r.above_level && msg('petitions.flag.above_level'), r.prolonged && msg('petitions.flag.prolonged'), r.hot_spot && msg('petitions.flag.hot_spot')].filter(Boolean).join(', ');
    sheet.getRow(5 + i).values = [
      r.code, vnDate(r.received_on), msg(`petitions.kind.${r.kind}`), msg(`petitions.channel.${r.channel}`), r.field_name, r.subject,
      r.kind === 'denunciation' ? REDACTED : (r.first_person ?? ''), r.person_count, r.unit_name, r.commune_name ?? '', flags,
      petitionWorkflow.states[r.status], r.due_on ? vnDate(r.due_on) : '', r.closed_on ? vnDate(r.closed_on) : '', r.outcome ? msg(`petitions.outcome.${r.outcome}`) : '',
    ];
  });
  await recordAudit(db, actor, { action: 'download', entity: 'petition_case', entityId: null, unitId: actor.unitId, after: { export: 'xlsx', rows: rows.length } });
  return { filename: `vu-viec-${today}.xlsx`, data: Buffer.from(await book.xlsx.writeBuffer()) };
}
