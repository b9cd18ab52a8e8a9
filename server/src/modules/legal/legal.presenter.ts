import type { TCalendarYear, TCalendarYearSummary, TLegalEdit, TRule, TRuleSetSummary } from '#contracts/legal/admin.schemas.ts';
import type { CalendarYearRow } from './calendar.repository.ts';
import type { RuleRow, RuleSetRow } from './rule.repository.ts';

export function presentCalendarYear(
  row: NonNullable<CalendarYearRow>,
  days: ReadonlyArray<{ day: string; kind: 'off' | 'work'; note: string }>,
): TCalendarYear {
  const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  return {
    year: row.year,
    status: row.status,
    weekdaysOff: days.filter((d) => d.kind === 'off' && !weekend(d.day)).length,
    workSaturdays: days.filter((d) => d.kind === 'work').length,
    edited: row.edited,
    sources: row.sources,
    notes: row.notes,
    version: row.version,
    days: days.map((d) => ({ date: d.day, kind: d.kind, note: d.note })),
  };
}

export const presentCalendarYearSummary = (row: { year: number; status: 'provisional' | 'confirmed'; edited: boolean; weekdays_off: number; work_saturdays: number }): TCalendarYearSummary => ({
  year: row.year,
  status: row.status,
  weekdaysOff: row.weekdays_off,
  workSaturdays: row.work_saturdays,
  edited: row.edited,
});

export function presentRule(row: RuleRow): TRule {
  return {
    id: row.id,
    ruleSetCode: row.rule_set_code,
    kind: row.kind,
    instance: row.instance,
    step: row.step,
    position: row.position,
    label: row.label,
    from: row.from_event,
    count: row.count,
    unit: row.unit,
    complexCount: row.complex_count,
    remoteCount: row.remote_count,
    remoteComplexCount: row.remote_complex_count,
    extensionCount: row.extension_count,
    maxExtensions: row.max_extensions,
    law: row.law,
    article: row.article,
    phrase: row.phrase,
    unconfirmed: row.unconfirmed,
    notes: row.notes,
    edited: row.edited,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function presentRuleSetSummary(row: RuleSetRow & { rule_count: number; unconfirmed_count: number }): TRuleSetSummary {
  return {
    code: row.code,
    name: row.name,
    law: row.law,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status,
    notes: row.notes,
    edited: row.edited,
    version: row.version,
    ruleCount: row.rule_count,
    unconfirmedCount: row.unconfirmed_count,
  };
}

export const presentEdit = (row: { id: number; at: Date; full_name: string | null; entity: TLegalEdit['entity']; entity_key: string; before: unknown; after: unknown }): TLegalEdit => ({
  id: row.id,
  at: new Date(row.at).toISOString(),
  userName: row.full_name,
  entity: row.entity,
  entityKey: row.entity_key,
  before: row.before,
  after: row.after,
});
