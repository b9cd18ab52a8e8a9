import type { TVillageImportResult } from '#contracts/units.ts';
import { VILLAGE_TYPES, ZVillageType } from '#contracts/units.ts';
import type { Database } from '#server/db/database.ts';
import { importUpload, rejectedMessage, startImportJob, type ImportPayload } from '#server/platform/jobs/import-job.ts';
import { JobFailed, type JobContext } from '#server/platform/jobs/job-queue.ts';
import type { Actor } from '#server/shared/actor.ts';
import type { Upload } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { readSheet, type SheetRow } from '#server/shared/spreadsheet.ts';
import { msg, SHEET_HEADERS } from '#server/shared/messages.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { auditActionOf } from '#server/shared/history.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './unit.repository.ts';
import { VILLAGES_DERIVED } from './unit-derived.ts';
import { communeForVillages, villageRow } from './unit.service.ts';

export const VILLAGE_IMPORT_JOB = 'units.village-import';
const TYPE_BY_FOLDED = new Map(VILLAGE_TYPES.map((type) => [foldVi(type), type]));
const COLUMNS = {
  name: { headers: SHEET_HEADERS.village.name, required: true },
  type: { headers: SHEET_HEADERS.village.type, required: false },
};
/** A column's name in messages: its first accepted header ("Tên", "Loại"). */
const NAME = COLUMNS.name.headers[0];
const TYPE = COLUMNS.type.headers[0];
/** A blank type cell means the commonest kind, thôn. */
const DEFAULT_TYPE = VILLAGE_TYPES[0];
type Commune = Awaited<ReturnType<typeof communeForVillages>>;
type Progress = (done: number, total: number) => Promise<void>;

/** Checks every row against the rules and the commune's villages; reports progress as rows are checked. */
async function checkRows(db: Database, commune: Commune, rows: SheetRow[], progress: Progress) {
  const existing = await repo.villageNames(db, commune.id, commune.valid_to);
  const seen = new Map<string, number>();
  const errors: TVillageImportResult['errors'] = [];
  const parsed: TVillageImportResult['rows'] = [];
  for (const [i, { row, cells }] of rows.entries()) {
    const name = cells.name?.replace(/\s+/g, ' ') ?? '';
    const type = cells.type ? TYPE_BY_FOLDED.get(foldVi(cells.type)) : DEFAULT_TYPE;
    if (!name) errors.push({ row, field: NAME, message: msg('common.empty') });
    else if (name.length > 200) errors.push({ row, field: NAME, message: msg('common.maxLength', { max: 200 }) });
    else if (existing.has(name.toLowerCase())) errors.push({ row, field: NAME, message: msg('units.villageInCommune', { name, commune: commune.full_name }) });
    else if (seen.has(name.toLowerCase())) errors.push({ row, field: NAME, message: msg('import.duplicateOfRow', { row: String(seen.get(name.toLowerCase())) }) });
    if (!type) errors.push({ row, field: TYPE, message: msg('units.badVillageType', { value: String(cells.type), allowed: VILLAGE_TYPES.join(', ') }) });
    seen.set(name.toLowerCase(), row);
    parsed.push({ row, name, type: type ?? cells.type ?? '' });
    if ((i + 1) % 100 === 0) await progress(i + 1, rows.length);
  }
  if (parsed.length === 0) errors.push({ row: 2, field: NAME, message: msg('import.noRows') });
  return { parsed, errors };
}

const noProgress: Progress = async () => undefined;

/**
 * Village import from a sheet with columns "Tên" and "Loại" (thôn, bản, tổ dân phố…; blank = thôn). Policy and
 * scope are checked before the file is read. A preview (dryRun) answers at once (the caps bound it); a commit
 * becomes a background job whose id is returned (GET /api/jobs/:id shows its progress and result).
 */
export async function importVillages(
  deps: Pick<ModuleContext, 'db' | 'files' | 'jobs'>,
  actor: Actor,
  communeId: number,
  upload: Upload,
  { dryRun, backfill }: { dryRun: boolean; backfill: boolean },
): Promise<TVillageImportResult> {
  const commune = await communeForVillages(deps.db, actor, communeId, backfill);
  if (!dryRun) {
    const jobId = await startImportJob(deps, actor, {
      kind: VILLAGE_IMPORT_JOB,
      targetType: 'admin_unit',
      targetId: communeId,
      unitId: communeId,
      upload,
      backfill,
      gate: (trx) => communeForVillages(trx, actor, communeId, backfill),
    });
    return { dryRun, rows: [], errors: [], created: 0, jobId };
  }
  const rows = await readSheet(upload, COLUMNS);
  const { parsed, errors } = await checkRows(deps.db, commune, rows, noProgress);
  return { dryRun, rows: parsed, errors, created: 0, jobId: null };
}

/**
 * The job: reads the stored file, checks every row (progress = rows checked), then writes all rows in one
 * transaction only when no row has an error, checking the actor's right and the names again inside it.
 */
export async function runVillageImport(context: JobContext<ImportPayload>): Promise<{ created: number }> {
  const { db, actor, payload } = context;
  const upload = await importUpload(context);
  const commune = await communeForVillages(db, actor, payload.targetId, payload.backfill);
  const rows = await readSheet(upload, COLUMNS);
  await context.progress(0, rows.length);
  const { parsed, errors } = await checkRows(db, commune, rows, context.progress);
  if (errors.length > 0) throw new JobFailed(rejectedMessage(errors), { created: 0, errors });
  const created = await db.transaction().execute(async (trx) => {
    const current = await communeForVillages(trx, actor, payload.targetId, payload.backfill);
    const recheck = await checkRows(trx, current, rows, noProgress);
    if (recheck.errors.length > 0) throw new JobFailed(rejectedMessage(recheck.errors), { created: 0, errors: recheck.errors });
    const inserted = await repo.insertUnits(trx, parsed.map((row) => villageRow(current, row.name, ZVillageType.parse(row.type))));
    await recordAudit(trx, actor, {
      action: auditActionOf(current.mode, 'import'),
      entity: 'admin_unit',
      entityId: current.id,
      unitId: current.id,
      after: { villages: inserted.length, file: upload.filename, ...(current.mode.backfill ? { backfill: true } : {}) },
    });
    await context.derived.touch(trx, actor, VILLAGES_DERIVED, inserted.map((unit) => unit.id));
    return inserted.length;
  });
  await context.progress(rows.length, rows.length);
  return { created };
}


