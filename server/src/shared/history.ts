import type { TAuditAction } from '#contracts/audit.ts';
import { authorize, type Actor } from './actor.ts';
import { clock } from './clock.ts';
import { AppError, invalidField } from './errors.ts';
import { msg, vnDate } from './messages.ts';

/**
 * A unit, organisation or role as the history rule reads it: how to name it, and the last day it is in force
 * (a unit's valid_to; an organisation's day before dissolution or its unit's last day; a role's term_to or its
 * organisation's last day). null = open-ended.
 */
export interface DatedRecord {
  kind: 'unit' | 'organization' | 'role';
  name: string;
  lastDay: string | null;
}

/** How a write goes in: daily work, or a system administrator's back-fill of history (audited as such). */
export interface WriteMode {
  backfill: boolean;
}

const ENDED_MESSAGE = { unit: 'history.unitEnded', organization: 'history.organizationEnded', role: 'history.roleEnded' } as const;

/** Whether a record's last day is before today (in Vietnam). */
export const hasEnded = (lastDay: string | null): boolean => lastDay !== null && lastDay < clock.today();

/**
 * The one rule for writes to dated records. History is read-only for daily work: a write that touches a unit,
 * organisation or role whose last day is before today is refused (409, naming the record and its last day).
 * `backfill: true` is the explicit exception: system administrators only (403 otherwise), and only when
 * something has ended (400 otherwise, so the 'backfill' audit action always means a write to history).
 * Call it after the policy check, with every dated record the write touches.
 */
export function checkHistoryWrite(actor: Actor, targets: readonly DatedRecord[], backfill: boolean | undefined): WriteMode {
  const ended = targets.find((target) => hasEnded(target.lastDay));
  if (backfill) {
    authorize(actor.roles.has('system_admin'), msg('history.backfillAdminOnly'));
    if (!ended) throw invalidField('backfill', msg('history.backfillNotEnded', { name: targets[0]?.name ?? '' }));
    return { backfill: true };
  }
  if (ended?.lastDay) {
    throw new AppError(409, 'history_read_only', msg(ENDED_MESSAGE[ended.kind], { name: ended.name, date: vnDate(ended.lastDay) }));
  }
  return { backfill: false };
}

/** The audit action of a write: its daily action, or 'backfill' for a system administrator's back-fill. */
export const auditActionOf = (mode: WriteMode, action: TAuditAction): TAuditAction => (mode.backfill ? 'backfill' : action);

/** A unit row as the history rule reads it. */
export const datedUnit = (unit: { full_name: string; valid_to: string | null }): DatedRecord => ({
  kind: 'unit',
  name: unit.full_name,
  lastDay: unit.valid_to,
});

/** An organisation row as the history rule reads it (`last_day`: the day before dissolution or its unit's end). */
export const datedOrganization = (organization: { name: string; last_day: string | null }): DatedRecord => ({
  kind: 'organization',
  name: organization.name,
  lastDay: organization.last_day,
});
