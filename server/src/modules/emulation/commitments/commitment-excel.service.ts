import {
  MAX_COMMITMENT_PREVIEW,
  REGISTRANT_KINDS,
  type TCommitmentUploadChange,
  type TCommitmentUploadResult,
  type TRegistrantKind,
} from '#contracts/emulation/commitment.api.ts';
import type { TRowError } from '#contracts/common.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import { rejectedMessage } from '#server/platform/jobs/import-job.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import type { Upload } from '#server/shared/http/endpoint-route.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { checkSheetUpload, MAX_IMPORT_ROWS, readSheet, type SheetRow } from '#server/shared/spreadsheet.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/index.ts';
import { findOrganization } from '../../organizations/index.ts';
import { readableCampaign, type CommitmentCampaign } from './commitment-campaign.ts';
import { touchCommitments } from './commitment-derived.ts';
import { commitmentPolicy } from './commitment.policy.ts';
import * as repo from './commitment.repository.ts';
import { campaignDay, unitOfCampaign, writeCount } from './commitment.service.ts';

/**
 * The commitments' Excel template and its upload. One row per unit × kind of registrant (× body, for rows a user
 * adds with the body's id), one column per commitment of the campaign holding how many registered, and one column
 * for how many were expected to. An empty cell leaves a count as it is; a number registers it or corrects it (the
 * value before is kept in the count's history). A preview lists every change (old → new) and every row error;
 * a commit checks again in one transaction and writes nothing when any row is wrong.
 */

const KIND_LABEL: Record<TRegistrantKind, () => string> = {
  agency: () => msg('emulation.commitments.kind.agency'),
  cadre: () => msg('emulation.commitments.kind.cadre'),
  household: () => msg('emulation.commitments.kind.household'),
};

const header = {
  unitId: () => msg('emulation.commitments.sheet.unitId'),
  unitName: () => msg('emulation.commitments.sheet.unitName'),
  kind: () => msg('emulation.commitments.sheet.kind'),
  organizationId: () => msg('emulation.commitments.sheet.organizationId'),
  organizationName: () => msg('emulation.commitments.sheet.organizationName'),
  eligible: () => msg('emulation.commitments.sheet.eligible'),
};

const commitmentHeader = (c: { code: string; title: string }) => `${c.code}. ${c.title}`;

/** A kind of registrant written in a cell: its label, its code, or the label's first word ("Hộ"). */
export function parseKind(text: string): TRegistrantKind | null {
  const folded = foldVi(text);
  for (const kind of REGISTRANT_KINDS) {
    if (folded === kind || folded === foldVi(KIND_LABEL[kind]())) return kind;
  }
  if (folded.startsWith('ho')) return 'household';
  if (folded.startsWith('can bo')) return 'cadre';
  if (folded.startsWith('co quan')) return 'agency';
  return null;
}

async function templateRows(db: Database, actor: Actor, campaign: CommitmentCampaign, unitId: number) {
  const unit = await unitOfCampaign(db, actor, campaign, unitId);
  const units = await repo.templateUnits(db, actor.scope, unitId, unit.level, campaignDay(campaign));
  if (units.length * REGISTRANT_KINDS.length > MAX_IMPORT_ROWS) throw invalidField('unitId', msg('emulation.commitments.tooManyRows', { max: MAX_IMPORT_ROWS }));
  return { unit, units };
}

/** The template of a campaign for the units under `unitId`, pre-filled with the counts as they are. */
export async function buildCommitmentTemplate(db: Database, actor: Actor, query: { campaignId: number; unitId: number }) {
  authorize(commitmentPolicy.read(actor));
  const campaign = await readableCampaign(db, actor, query.campaignId);
  const { unit, units } = await templateRows(db, actor, campaign, query.unitId);
  const current = await repo.listCounts(db, actor.scope, [unit.provinceId], { campaignId: campaign.id, unitId: query.unitId, limit: 100_000 });
  const rowKey = (unitId: number, kind: string, organizationId: number | null) => `${unitId}|${kind}|${organizationId ?? ''}`;
  const rows = new Map<string, { unitId: number; unitName: string; kind: TRegistrantKind; organizationId: number | null; organizationName: string | null; eligible: number | null; cells: Map<number, number> }>();
  for (const u of units) {
    for (const kind of REGISTRANT_KINDS) {
      rows.set(rowKey(Number(u.id), kind, null), { unitId: Number(u.id), unitName: u.full_name, kind, organizationId: null, organizationName: null, eligible: null, cells: new Map() });
    }
  }
  for (const c of current) {
    const key = rowKey(Number(c.unit_id), c.registrant_kind, c.organization_id === null ? null : Number(c.organization_id));
    const row = rows.get(key) ?? {
      unitId: Number(c.unit_id),
      unitName: c.unit_name,
      kind: c.registrant_kind,
      organizationId: c.organization_id === null ? null : Number(c.organization_id),
      organizationName: c.organization_name ?? null,
      eligible: null,
      cells: new Map<number, number>(),
    };
    row.cells.set(Number(c.commitment_id), Number(c.registered));
    if (c.eligible !== null) row.eligible = Math.max(row.eligible ?? 0, Number(c.eligible));
    rows.set(key, row);
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(msg('emulation.commitments.sheet.name'), { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const columns = [header.unitId(), header.unitName(), header.kind(), header.organizationId(), header.organizationName(), header.eligible(), ...campaign.commitments.map(commitmentHeader)];
  sheet.addRow(columns).font = { bold: true };
  for (const row of rows.values()) {
    sheet.addRow([
      row.unitId,
      row.unitName,
      KIND_LABEL[row.kind](),
      row.organizationId ?? '',
      row.organizationName ?? '',
      row.eligible ?? '',
      ...campaign.commitments.map((c) => row.cells.get(c.id) ?? ''),
    ]);
  }
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 36 : i === 2 ? 30 : i >= 6 ? 24 : 14;
  });
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { filename: `cam-ket_${campaign.year}_${campaign.id}_${query.unitId}.xlsx`, data };
}

interface Checked {
  rows: number;
  errors: TRowError[];
  changes: (TCommitmentUploadChange & { key: repo.CountKey; expectedVersion: number })[];
  unchanged: number;
}

const NUMBER = /^\d{1,8}$/;

/** Reads and checks every row against the counts as they are (in the caller's transaction for a commit). */
async function checkRows(db: Kysely<DB>, actor: Actor, campaign: CommitmentCampaign, unitId: number, provinceId: number, rows: SheetRow[]): Promise<Checked> {
  const errors: TRowError[] = [];
  const error = (row: number, field: string, message: string) => errors.push({ row, field, message });
  const ids = [...new Set(rows.map((r) => r.cells.unitId).filter((v): v is string => NUMBER.test(v ?? '')).map(Number))];
  const units = new Map((await repo.unitsUnder(db, actor.scope, unitId, ids)).map((u) => [Number(u.id), u]));
  const bodies = new Map<number, Awaited<ReturnType<typeof findOrganization>>>();
  for (const id of new Set(rows.map((r) => r.cells.organizationId).filter((v): v is string => NUMBER.test(v ?? '')).map(Number))) {
    bodies.set(id, await findOrganization(db, actor.scope, id, campaignDay(campaign)));
  }
  const current = new Map(
    (await repo.countsUnder(db, provinceId, campaign.id, unitId)).map((c) => [
      `${c.unit_id}|${c.registrant_kind}|${c.organization_id ?? ''}|${c.commitment_id}`,
      { registered: Number(c.registered), eligible: c.eligible === null ? null : Number(c.eligible), version: Number(c.version) },
    ]),
  );
  const seen = new Map<string, number>();
  const changes: Checked['changes'] = [];
  let unchanged = 0;
  for (const { row, cells } of rows) {
    const before = errors.length;
    const unitText = cells.unitId ?? '';
    const unit = NUMBER.test(unitText) ? units.get(Number(unitText)) : undefined;
    if (!unit) error(row, header.unitId(), unitText === '' ? msg('common.required') : msg('emulation.commitments.rowUnitOutside'));
    const kind = parseKind(cells.kind ?? '');
    if (!kind) error(row, header.kind(), msg('emulation.commitments.rowKindUnknown'));
    const orgText = cells.organizationId ?? '';
    let organizationId: number | null = null;
    if (orgText !== '') {
      const body = NUMBER.test(orgText) ? bodies.get(Number(orgText)) : undefined;
      if (!body || (unit && Number(body.unit_id) !== Number(unit.id))) error(row, header.organizationId(), msg('emulation.commitments.bodyNotOfUnit'));
      else organizationId = Number(body.id);
    }
    if (!commitmentPolicy.manage(actor, organizationId)) error(row, header.organizationId(), msg('emulation.commitments.ownBodyOnly'));
    const eligibleText = cells.eligible ?? '';
    if (eligibleText !== '' && !NUMBER.test(eligibleText)) error(row, header.eligible(), msg('emulation.commitments.rowNotCount'));
    const eligible = eligibleText === '' ? undefined : Number(eligibleText);
    const values = campaign.commitments.map((c) => ({ commitment: c, text: cells[`c${c.id}`] ?? '' }));
    for (const { commitment, text } of values) {
      if (text !== '' && !NUMBER.test(text)) error(row, commitmentHeader(commitment), msg('emulation.commitments.rowNotCount'));
    }
    if (!unit || !kind) continue;
    const rowKey = `${unit.id}|${kind}|${organizationId ?? ''}`;
    const earlier = seen.get(rowKey);
    if (earlier !== undefined) error(row, header.unitId(), msg('import.duplicateOfRow', { row: earlier }));
    else seen.set(rowKey, row);
    if (errors.length > before) continue;
    for (const { commitment, text } of values) {
      const now = current.get(`${rowKey}|${commitment.id}`);
      if (text === '' && (eligible === undefined || !now)) continue;
      const registered = text === '' ? (now?.registered ?? 0) : Number(text);
      const newEligible = eligible === undefined ? (now?.eligible ?? null) : eligible;
      if (newEligible !== null && registered > newEligible) {
        error(row, commitmentHeader(commitment), msg('emulation.commitments.aboveEligible', { eligible: newEligible }));
        continue;
      }
      if (now && now.registered === registered && now.eligible === newEligible) {
        unchanged++;
        continue;
      }
      changes.push({
        row,
        unitId: Number(unit.id),
        unitName: unit.full_name,
        registrantKind: kind,
        organizationId,
        commitmentId: commitment.id,
        commitmentCode: commitment.code,
        registeredBefore: now?.registered ?? null,
        registered,
        eligibleBefore: now?.eligible ?? null,
        eligible: newEligible,
        key: { provinceId, campaignId: campaign.id, unitId: Number(unit.id), commitmentId: commitment.id, registrantKind: kind, organizationId },
        expectedVersion: now?.version ?? 0,
      });
    }
  }
  if (rows.length === 0) error(1, header.unitId(), msg('import.noRows'));
  return { rows: rows.length, errors, changes, unchanged };
}

function present(checked: Checked, dryRun: boolean, written: number): TCommitmentUploadResult {
  return {
    dryRun,
    rows: checked.rows,
    changes: checked.changes.slice(0, MAX_COMMITMENT_PREVIEW).map(({ key: _key, expectedVersion: _version, ...change }) => change),
    changeCount: checked.changes.length,
    unchanged: checked.unchanged,
    errors: checked.errors.slice(0, MAX_COMMITMENT_PREVIEW),
    errorCount: checked.errors.length,
    written,
  };
}

/**
 * Upload of a filled template. The policy, the campaign and the unit are checked before the file is read; the
 * preview (dryRun) lists changes and row errors; a commit checks everything again in one transaction and writes
 * every change through the one count write (history kept, source 'excel'), or nothing when any row is wrong.
 */
export async function uploadCommitments(
  { db, derived }: Pick<ModuleContext, 'db' | 'derived'>,
  actor: Actor,
  query: { campaignId: number; unitId: number; dryRun: boolean },
  upload: Upload,
): Promise<TCommitmentUploadResult> {
  authorize(commitmentPolicy.manageAny(actor));
  const campaign = await readableCampaign(db, actor, query.campaignId);
  const unit = await unitOfCampaign(db, actor, campaign, query.unitId);
  await checkSheetUpload(upload);
  const columns: Record<string, { headers: readonly string[]; required: boolean }> = {
    unitId: { headers: [header.unitId()], required: true },
    kind: { headers: [header.kind()], required: true },
    organizationId: { headers: [header.organizationId()], required: false },
    eligible: { headers: [header.eligible()], required: false },
  };
  for (const c of campaign.commitments) columns[`c${c.id}`] = { headers: [commitmentHeader(c), c.code, c.title], required: false };
  const rows = await readSheet(upload, columns);
  if (campaign.commitments.length === 0) throw notFound('entity.emulationCommitment');
  if (query.dryRun) return present(await checkRows(db, actor, campaign, query.unitId, unit.provinceId, rows), true, 0);
  return db.transaction().execute(async (trx) => {
    const checked = await checkRows(trx, actor, campaign, query.unitId, unit.provinceId, rows);
    if (checked.errors.length > 0) {
      const fields = checked.errors.slice(0, 100).map((e) => ({ field: msg('emulation.commitments.rowField', { row: e.row, column: e.field }), message: e.message }));
      throw new AppError(400, 'validation', rejectedMessage(checked.errors), fields);
    }
    const at = clock.now();
    let written = 0;
    for (const change of checked.changes) {
      const result = await writeCount(
        trx,
        { key: change.key, registered: change.registered, eligible: change.eligible, expectedVersion: change.expectedVersion },
        { source: 'excel', reason: upload.filename.slice(0, 1000) || null, userId: actor.userId, at },
      );
      if (result.status === 'stale') throw conflict(msg('emulation.commitments.importStale', { row: change.row }));
      if (result.status !== 'unchanged') written++;
    }
    if (written > 0) {
      await recordAudit(trx, actor, {
        action: 'import',
        entity: 'emulation_commitment_count',
        entityId: null,
        unitId: query.unitId,
        after: { campaignId: campaign.id, file: upload.filename, rows: checked.rows, counts: written },
      });
      await touchCommitments(trx, derived, actor, 'count', checked.changes.map((c) => c.unitId));
    }
    return present(checked, false, written);
  });
}
