import { timingSafeEqual } from 'node:crypto';
import type { TCaseCreate } from '#contracts/petitions/case.schemas.ts';
import { PORTAL_LIMITS, type TPortalCaseInput, type TPortalForm, type TPortalReceipt, type TPortalStatus, type TPortalUnit, type ZPortalCaseInput, type ZPortalTrackInput } from '#contracts/petitions/portal.schemas.ts';
import type { z } from 'zod';
import type { Database } from '#server/db/database.ts';
import type { DerivedValues } from '#server/shared/module.ts';
import type { BlobStore } from '#server/platform/files/blob-store.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, invalidField, RetryLaterError } from '#server/shared/errors.ts';
import { countHit } from '#server/shared/http/rate-limit.repository.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { listFields } from '../field.repository.ts';
import { touchCaseFigures } from '../index.ts';
import { intakeFromPortal } from './intake.ts';
import * as repo from './portal.repository.ts';
import { checkFormToken, hashSecret, missingIdentity, newSecret, phoneDigits, photoType, signFormToken, type PhotoType } from './portal.rules.ts';

/**
 * The public portal: no account, so no scope; what protects it is the per-IP limits (per minute on the routes, per
 * day here, both in rate_limit_window), the honeypot, the signed form token (minimum fill time) and the size
 * limits. A case filed here enters the petitions module's intake (channel and source `portal`) in the same
 * transaction as the portal's own row (the secret's hash, the photo), so officers see it in their list at once.
 */

export interface PortalDeps {
  db: Database;
  files: BlobStore;
  /** The petitions' figures (cases received) move with a filing, in its transaction. */
  derived: DerivedValues;
}

/** Key prefix of the per-IP daily count of filed cases (portal and Open311 together). */
const DAY_KEY = 'portal-day|';
const DAY_MS = 24 * 3600_000;

const unit = (row: { id: number; code: string | null; name: string; full_name: string }): TPortalUnit => ({ id: row.id, code: row.code, name: row.name, fullName: row.full_name });

export async function portalProvinces(db: Database): Promise<TPortalUnit[]> {
  return (await repo.listProvinces(db, clock.today())).map(unit);
}

export async function portalCommunes(db: Database, provinceId: number): Promise<TPortalUnit[]> {
  const today = clock.today();
  const province = await repo.findProvince(db, { id: provinceId }, today);
  if (!province) throw invalidField('id', msg('portal.provinceUnknown'));
  return (await repo.listCommunes(db, provinceId, today)).map(unit);
}

/** The fields a citizen may choose for a province (national defaults and the province's own), active only. */
export async function portalFields(db: Database, provinceId: number | null) {
  const rows = await listFields(db, provinceId === null ? [] : [provinceId]);
  return rows.filter((f) => f.active).map((f) => ({ id: f.id, code: f.code, name: f.name }));
}

export async function portalForm(db: Database, provinceId: number | null): Promise<TPortalForm> {
  const key = await repo.portalKey(db);
  return {
    token: signFormToken(key, clock.now().getTime()),
    fields: await portalFields(db, provinceId),
    limits: { subject: PORTAL_LIMITS.subject, content: PORTAL_LIMITS.content, photoBytes: PORTAL_LIMITS.photoBytes, minFillSeconds: PORTAL_LIMITS.minFillSeconds },
  };
}

/** Counts one filed case against the address's daily cap; 429 once it is reached. */
export async function countDailyFiling(db: Database, ip: string): Promise<void> {
  const now = clock.now();
  const window = await countHit(db, `${DAY_KEY}${ip}`, now, DAY_MS);
  if (window.hits > PORTAL_LIMITS.perIpPerDay) {
    const wait = Math.max(1, Math.ceil((new Date(window.window_started_at).getTime() + DAY_MS - now.getTime()) / 1000));
    throw new RetryLaterError('portal_daily_cap', msg('portal.dailyCap', { max: PORTAL_LIMITS.perIpPerDay, hours: Math.ceil(wait / 3600) }), wait);
  }
}

function decodePhoto(photo: NonNullable<z.output<typeof ZPortalCaseInput>['photo']>): { data: Buffer; type: PhotoType } {
  const data = Buffer.from(photo.data, 'base64');
  if (data.length === 0) throw invalidField('photo', msg('portal.photoEmpty'));
  if (data.length > PORTAL_LIMITS.photoBytes) {
    throw new AppError(413, 'too_large', msg('common.fieldProblem', { label: msg('portal.photoLabel'), field: 'photo', problem: msg('portal.photoTooLarge', { max: PORTAL_LIMITS.photoBytes / 1024 }) }), [
      { field: 'photo', message: msg('portal.photoTooLarge', { max: PORTAL_LIMITS.photoBytes / 1024 }) },
    ]);
  }
  const type = photoType(data);
  if (!type) throw new AppError(415, 'unsupported_media_type', msg('common.fieldProblem', { label: msg('portal.photoLabel'), field: 'photo', problem: msg('portal.photoType') }), [{ field: 'photo', message: msg('portal.photoType') }]);
  return { data, type };
}

/** What a filed case needs besides the citizen's words: where it came from and the client's address. */
export interface FilingContext {
  ip: string;
  via: 'portal' | 'open311';
}

/**
 * Files a case from the portal's form: honeypot, form token (minimum fill time), the legal identity of complaints
 * and denunciations, the photo, the commune, then the daily cap; the case, the portal's row and the audit row in one
 * transaction. Answers the tracking code and the secret (shown once; only its hash is kept).
 */
export async function fileCase(deps: PortalDeps, input: z.output<typeof ZPortalCaseInput>, context: FilingContext): Promise<TPortalReceipt> {
  const { db } = deps;
  if (input.website !== undefined && input.website.trim() !== '') throw new AppError(400, 'honeypot', msg('portal.honeypot'));
  const check = checkFormToken(await repo.portalKey(db), input.formToken, clock.now().getTime());
  if (!check.ok) {
    const problem = check.reason === 'tooFast' ? msg('portal.tooFast', { seconds: PORTAL_LIMITS.minFillSeconds }) : check.reason === 'expired' ? msg('portal.formExpired') : msg('portal.formInvalid');
    throw new AppError(400, check.reason === 'tooFast' ? 'too_fast' : 'form_token', problem, [{ field: 'formToken', message: problem }]);
  }
  const missing = missingIdentity(input.kind, input.filer)[0];
  if (missing) throw invalidField(`filer.${missing}`, msg('portal.identityRequired', { kind: msg(`portal.kind.${input.kind}`) }), missing);
  const photo = input.photo ? decodePhoto(input.photo) : null;
  return submit(deps, {
    provinceId: input.provinceId,
    communeId: input.communeId,
    kind: input.kind,
    fieldId: input.fieldId,
    subject: input.subject,
    content: input.content,
    lat: input.lat ?? null,
    lon: input.lon ?? null,
    place: input.place,
    filer: input.filer ?? null,
    photo,
  }, context);
}

export interface Submission {
  provinceId: number;
  communeId: number;
  kind: TCaseCreate['kind'];
  fieldId: number;
  subject: string;
  content: string;
  lat: number | null;
  lon: number | null;
  place: string | null;
  filer: { fullName: string | null; address: string | null; idNumber: string | null; phone: string | null; email: string | null } | null;
  photo: { data: Buffer; type: PhotoType } | null;
}

/** The common end of the portal's form and Open311's POST: checks the place, counts the day, writes. */
export async function submit(deps: PortalDeps, s: Submission, context: FilingContext): Promise<TPortalReceipt> {
  const { db } = deps;
  const today = clock.today();
  const commune = await repo.findCommune(db, s.provinceId, s.communeId, today);
  if (!commune) throw invalidField('communeId', msg('portal.communeUnknown'));
  if (!(await portalFields(db, s.provinceId)).some((f) => f.id === s.fieldId)) throw invalidField('fieldId', msg('portal.fieldUnknown'));
  await countDailyFiling(db, context.ip);
  const photoSha = s.photo ? await deps.files.put(s.photo.data) : null;
  const secret = newSecret();
  const content = s.place ? `${s.content}\n\n${msg('portal.placeLine', { place: s.place })}` : s.content;
  const filer = s.filer;
  const named = filer?.fullName ?? null;
  const created = await db.transaction().execute(async (trx) => {
    const c = await intakeFromPortal(trx, {
      kind: s.kind,
      channel: 'portal',
      fieldId: s.fieldId,
      unitId: commune.id,
      locationUnitId: commune.id,
      lat: s.lat,
      lon: s.lon,
      subject: s.subject,
      content,
      receivedOn: today,
      persons: [
        {
          role: 'filer',
          fullName: named ?? msg('portal.anonymousFiler'),
          address: filer?.address ?? null,
          idNumber: filer?.idNumber ?? null,
          phone: filer?.phone ?? null,
          email: filer?.email ?? null,
        },
      ],
    });
    await repo.insertSubmission(trx, {
      province_id: c.provinceId,
      case_id: c.id,
      via: context.via,
      secret_hash: hashSecret(secret),
      photo_sha256: photoSha,
      photo_mime: s.photo?.type ?? null,
      photo_bytes: s.photo?.data.length ?? null,
      place: s.place,
      created_at: clock.now(),
    });
    // no identity and no IP in the audit row: the code, the kind and how it came
    await recordAudit(trx, { userId: null, ip: null }, {
      action: 'create',
      entity: 'petition_portal_submission',
      entityId: c.id,
      unitId: commune.id,
      after: { code: c.code, kind: s.kind, via: context.via, photo: photoSha !== null, located: s.lat !== null },
    });
    // the commune's "cases received" this month counts the filing at commit (no account: the store has no author)
    await touchCaseFigures(trx, deps.derived, { userId: null }, { unitIds: [commune.id], days: [today] });
    return c;
  });
  return { code: created.code, secret, receivedOn: today, kind: s.kind, unitName: commune.full_name };
}

const notFoundCase = () => new AppError(404, 'not_found', msg('portal.trackNotFound'));

/** Whether two strings are equal without telling, by the time taken, how much of them matched. */
const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The status of a case from its code and its secret (or the phone of a filer whose identity is not protected): the
 * same 404 for an unknown code and a wrong secret, so codes cannot be probed; limited per IP on the route.
 */
export async function trackCase(db: Database, input: z.output<typeof ZPortalTrackInput>): Promise<TPortalStatus> {
  const code = input.code.toUpperCase();
  const row = await repo.findSubmittedCase(db, code);
  if (!row) throw notFoundCase();
  const bySecret = input.secret !== null && sameText(hashSecret(input.secret), row.secret_hash);
  const phone = input.phone === null ? '' : phoneDigits(input.phone);
  const byPhone = phone.length >= 8 && (row.phones ?? []).some((p) => phoneDigits(p) === phone);
  if (!bySecret && !byPhone) throw notFoundCase();
  const steps = await repo.findStatusHistory(db, Number(row.province_id), row.id);
  return {
    code: row.code,
    kind: row.kind,
    fieldName: row.field_name,
    subject: row.subject,
    receivedOn: row.received_on,
    status: row.status,
    unitName: row.unit_name,
    communeName: row.commune_name,
    dueOn: row.due_on,
    history: steps.map((s) => ({ onDate: s.on_date, status: s.to_status as TPortalStatus['status'] })),
    answer: row.answer_published ? row.public_answer : null,
    answeredOn: row.answer_published ? row.answered_on : null,
  };
}

export type { TPortalCaseInput };
