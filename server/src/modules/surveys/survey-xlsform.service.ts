import type { z } from 'zod';
import type { ZXlsFormImportResult } from '#contracts/surveys/survey.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { insertAttachment } from '#server/platform/files/file.repository.ts';
import type { FileOwnerResolver } from '#server/platform/files/file-owners.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import type { Upload } from '#server/shared/http/endpoint-route.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { checkSheetUpload } from '#server/shared/spreadsheet.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { recordAudit } from '../audit/index.ts';
import { surveyPolicy } from './survey.policy.ts';
import { storedForm } from './survey.presenter.ts';
import * as repo from './survey.repository.ts';
import { formProblems, questionCount } from './survey.rules.ts';
import { storeVersion, surveyToManage } from './survey.service.ts';
import { readXlsForm } from './xlsform/read.ts';
import { writeXlsForm } from './xlsform/write.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reads an uploaded XLSForm into a new version of the survey. A file the reader refuses answers 200 with ok=false
 * and every issue (sheet, row, column, Vietnamese message), nothing stored: the page lists them all at once. With
 * dryRun the reading is reported only. Otherwise the file is kept through the files platform as the version's source
 * (an attachment of the survey) and the version made current, in one transaction.
 */
export async function importXlsForm(
  context: Pick<ModuleContext, 'db' | 'files'>,
  actor: Actor,
  id: number,
  upload: Upload,
  dryRun: boolean,
): Promise<z.input<typeof ZXlsFormImportResult>> {
  const { db, files } = context;
  authorize(surveyPolicy.manage(actor));
  const survey = await repo.findSurvey(db, actor.scope, id);
  if (!survey) throw notFound('entity.survey');
  authorize(survey.in_scope);
  if (!upload.filename.toLowerCase().endsWith('.xlsx')) throw invalidField('file', msg('surveys.xlsformNotXlsx'));
  await checkSheetUpload(upload);
  const reading = await readXlsForm(upload.data, { fallbackTitle: survey.title });
  if (!reading.ok) return { ok: false, dryRun, version: null, questions: 0, warnings: [], issues: reading.issues };
  const problems = formProblems(reading.form).map((p) => ({ sheet: 'survey', row: null, message: msg(`surveys.form.${p.problem}`, { name: p.name }) }));
  if (problems.length > 0) return { ok: false, dryRun, version: null, questions: 0, warnings: reading.warnings, issues: problems };
  const questions = questionCount(reading.form);
  if (dryRun) return { ok: true, dryRun, version: null, questions, warnings: reading.warnings, issues: [] };
  const sha256 = await files.put(upload.data);
  const version = await db.transaction().execute(async (trx) => {
    const current = await surveyToManage(trx, actor, id, null);
    const attachmentId = uuidv7();
    const filename = upload.filename.normalize('NFC').replace(/[/\\]/g, '_').slice(-255);
    await insertAttachment(trx, {
      id: attachmentId,
      provinceId: current.province_id,
      ownerType: 'survey',
      ownerId: String(current.id),
      unitId: current.unit_id,
      filename,
      mimeType: XLSX,
      sizeBytes: upload.data.length,
      sha256,
      uploadedBy: actor.userId,
      createdAt: clock.now(),
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'attachment', entityId: attachmentId, unitId: current.unit_id, after: { ownerType: 'survey', ownerId: String(current.id), filename, mimeType: XLSX, sizeBytes: upload.data.length, sha256 } });
    return storeVersion(trx, actor, current, reading.form, attachmentId);
  });
  return { ok: true, dryRun, version, questions, warnings: reading.warnings, issues: [] };
}

/** A version of a survey the actor reads, written back as an XLSForm. */
export async function exportXlsForm(db: Database, actor: Actor, id: number, number: number): Promise<{ filename: string; data: Buffer }> {
  authorize(surveyPolicy.read(actor));
  const survey = await repo.findSurvey(db, actor.scope, id);
  if (!survey) throw notFound('entity.survey');
  const form = await repo.findVersionForm(db, survey, number);
  if (form === undefined) throw notFound('entity.surveyVersion');
  return { filename: `${survey.code}-v${number}.xlsx`, data: await writeXlsForm(storedForm(form)) };
}

/**
 * Surveys own files (the XLSForms their versions were read from): read by whoever reads the survey (the units
 * below a province's survey included), attached by its managers.
 */
export const surveyFileOwner: FileOwnerResolver = async (db, actor, ownerId) => {
  const id = Number(ownerId);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const survey = await repo.findSurvey(db, actor.scope, id);
  if (!survey || !surveyPolicy.read(actor)) return null;
  return { unitId: survey.unit_id, canAttach: survey.in_scope && surveyPolicy.manage(actor), filesFollowOwner: true };
};
