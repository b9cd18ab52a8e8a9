import type { TRowError } from '#contracts/common.ts';
import type { ZMemberImportResult } from '#contracts/organizations.ts';
import type { z } from 'zod';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { notFound } from '#server/shared/errors.ts';
import type { Upload } from '#server/shared/http/endpoint-route.ts';
import { clock } from '#server/shared/clock.ts';
import { readSheet, type SheetRow } from '#server/shared/spreadsheet.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { importUpload, rejectedMessage, startImportJob, type ImportPayload } from '#server/platform/jobs/import-job.ts';
import { JobFailed, type JobContext } from '#server/platform/jobs/job-queue.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import { auditActionOf, checkHistoryWrite, datedOrganization } from '#server/shared/history.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { recordAudit } from '../audit/index.ts';
import { findPeopleByNames, insertPeople, insertRoles, openRolesIn } from '../people/index.ts';
import { checkMemberRow, columnLabel, MEMBER_COLUMNS, type MemberRow } from './member-row.ts';
import { touchOrganization } from './organization-derived.ts';
import { organizationPolicy } from './organization.policy.ts';
import { findOrganization } from './organization.repository.ts';

type MemberImportResult = z.input<typeof ZMemberImportResult>;

const isIsoDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/**
 * Imports the members of an organisation from a sheet (Họ và tên, Chức danh, Giới tính, Năm sinh, Điện thoại,
 * Từ ngày). Every row is checked first; people and roles are written in one transaction only when no row has an
 * error. A person already registered in the organisation's unit with the same name (diacritics and case aside)
 * and birth year is given the role, not registered twice.
 */
export async function importMembers(
  deps: Pick<ModuleContext, 'db' | 'files' | 'jobs' | 'derived'>,
  actor: Actor,
  organizationId: number,
  upload: Upload,
  { dryRun, backfill }: { dryRun: boolean; backfill: boolean },
): Promise<MemberImportResult> {
  // 404/403/409 before reading the file, and the file is read outside the transaction (PGlite has one connection)
  const organization = await gate(deps.db, actor, organizationId, backfill);
  if (!dryRun) {
    const jobId = await startImportJob(deps, actor, {
      kind: MEMBER_IMPORT_JOB,
      targetType: 'organization',
      targetId: organizationId,
      unitId: organization.unit_id,
      upload,
      backfill,
      gate: (trx) => gate(trx, actor, organizationId, backfill),
    });
    return { dryRun, rows: [], errors: [], created: 0, jobId };
  }
  const sheet = await readSheet(upload, MEMBER_COLUMNS);
  return checkAndWrite(deps, actor, organizationId, sheet, upload.filename, { dryRun: true, backfill });
}

export const MEMBER_IMPORT_JOB = 'organizations.member-import';

/**
 * An organisation in scope that the actor may write, or 404/403; an ended one only as a system administrator's
 * back-fill (409 otherwise). `mode` says which, for the audit.
 */
async function gate(db: Database, actor: Actor, organizationId: number, backfill: boolean | undefined) {
  const organization = await findOrganization(db, actor.scope, organizationId, clock.today());
  if (!organization) throw notFound('entity.organization');
  authorize(organizationPolicy.write(actor, organization.id));
  return { ...organization, mode: checkHistoryWrite(actor, [datedOrganization(organization)], backfill) };
}

/**
 * The job: reads the stored file, checks every row (a read-only pass), then checks again and writes in one
 * transaction. Progress: 0 of n once the file is read, n of n once written (the check is one pass in memory).
 */
export async function runMemberImport(context: JobContext<ImportPayload>): Promise<{ created: number }> {
  const upload = await importUpload(context);
  const backfill = context.payload.backfill ?? false;
  await gate(context.db, context.actor, context.payload.targetId, backfill);
  const sheet = await readSheet(upload, MEMBER_COLUMNS);
  await context.progress(0, sheet.length);
  try {
    const result = await checkAndWrite(context, context.actor, context.payload.targetId, sheet, upload.filename, { dryRun: false, backfill });
    await context.progress(sheet.length, sheet.length);
    return { created: result.created };
  } catch (error) {
    if (error instanceof RowsRejected) throw new JobFailed(error.message, { created: 0, errors: error.errors });
    throw error;
  }
}

async function checkAndWrite(
  { db, derived }: Pick<ModuleContext, 'db' | 'derived'>,
  actor: Actor,
  organizationId: number,
  sheet: SheetRow[],
  filename: string,
  { dryRun, backfill }: { dryRun: boolean; backfill: boolean },
): Promise<MemberImportResult> {
  const today = clock.today();
  return db.transaction().execute(async (trx) => {
    const organization = await gate(trx, actor, organizationId, backfill);
    const errors: TRowError[] = [];
    const rows = sheet.map((row) => checkMemberRow(row, today, errors));
    if (rows.length === 0) errors.push({ row: 2, field: columnLabel('fullName'), message: msg('import.noRows') });
    const lastDay = organization.mode.backfill ? organization.last_day : null;
    for (const row of rows) {
      if (lastDay !== null && isIsoDate(row.termFrom) && row.termFrom > lastDay) {
        errors.push({ row: row.row, field: columnLabel('termFrom'), message: msg('history.termAfterLastDay', { date: vnDate(lastDay) }) });
      }
    }

    const names = [...new Set(rows.filter((row) => row.fullName).map((row) => row.fullName))];
    const { folded, people } = await findPeopleByNames(trx, actor.scope, organization.unit_id, names);
    const personKey = (row: MemberRow) => `${folded.get(row.fullName) ?? foldVi(row.fullName)}|${row.birthYear ?? ''}`;
    const existing = new Map<string, number>();
    for (const person of people) {
      const key = `${person.search_name}|${person.birth_year ?? ''}`;
      if (!existing.has(key)) existing.set(key, person.id);
    }

    const starts = rows.map((row) => row.termFrom).filter(isIsoDate).sort();
    const open = await openRolesIn(trx, actor.scope, organization.id, [...new Set(existing.values())], starts[0] ?? today);
    const seen = new Map<string, number>();
    for (const row of rows) {
      if (!row.fullName || !row.title) continue;
      const key = `${personKey(row)}|${foldVi(row.title)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ row: row.row, field: columnLabel('title'), message: msg('organizations.member.duplicate', { row: first }) });
        continue;
      }
      seen.set(key, row.row);
      const personId = existing.get(personKey(row));
      const held = open.find(
        (role) =>
          role.person_id === personId &&
          foldVi(role.title) === foldVi(row.title) &&
          (role.term_to === null || !isIsoDate(row.termFrom) || role.term_to >= row.termFrom),
      );
      if (held) {
        errors.push({
          row: row.row,
          field: columnLabel('title'),
          message: msg('organizations.member.alreadyHolds', { person: row.fullName, title: held.title, organization: organization.name, from: vnDate(held.term_from) }),
        });
      }
    }
    errors.sort((a, b) => a.row - b.row);
    const preview = rows.map((row) => ({ ...row, reusedPersonId: existing.get(personKey(row)) ?? null }));
    if (dryRun) return { dryRun, rows: preview, errors, created: 0, jobId: null };
    if (errors.length > 0) throw rejected(errors);

    const newPeople = new Map<string, MemberRow>();
    for (const row of rows) if (!existing.has(personKey(row)) && !newPeople.has(personKey(row))) newPeople.set(personKey(row), row);
    const ids = await insertPeople(
      trx,
      [...newPeople.values()].map((row) => ({
        unit_id: organization.unit_id,
        full_name: row.fullName,
        gender: toGender(row.gender),
        birth_year: row.birthYear,
        phone: row.phone,
        ethnicity: null,
        religion: null,
      })),
    );
    [...newPeople.keys()].forEach((key, i) => existing.set(key, ids[i] as number));
    const roleIds = await insertRoles(
      trx,
      rows.map((row) => ({
        person_id: existing.get(personKey(row)) as number,
        organization_id: organization.id,
        title: row.title,
        is_head: row.isHead,
        term_from: row.termFrom,
        // back-filled roles end with the organisation they were held in
        term_to: organization.mode.backfill ? organization.last_day : null,
      })),
    );
    await recordAudit(trx, actor, {
      action: auditActionOf(organization.mode, 'import'),
      entity: 'organization',
      entityId: organization.id,
      unitId: organization.unit_id,
      after: { file: filename, roles: roleIds.length, peopleCreated: ids.length, peopleReused: new Set(rows.map(personKey)).size - ids.length },
    });
    await touchOrganization(trx, derived, actor, { types: [organization.type], unitIds: [organization.unit_id], roles: true });
    return { dryRun, rows: preview, errors, created: roleIds.length, jobId: null };
  });
}

function toGender(value: string | null): 'male' | 'female' | 'other' | null {
  return value === 'male' || value === 'female' || value === 'other' ? value : null;
}

/** Rows with errors stop the import; nothing is written. */
class RowsRejected extends Error {
  constructor(readonly errors: TRowError[]) {
    super(rejectedMessage(errors));
  }
}

const rejected = (errors: TRowError[]) => new RowsRejected(errors);
