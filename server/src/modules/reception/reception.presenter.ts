import type {
  TDialogue,
  TFrequencyRule,
  TFrontActivity,
  TLeader,
  TLeaderKind,
  TRecommendation,
  TSchedule,
  TSession,
} from '#contracts/reception/api.ts';
import type * as repo from './reception.repository.ts';
import { daysOverdue } from './reception.rules.ts';

export const presentRule = (row: repo.RuleRow): TFrequencyRule => ({
  id: row.id,
  provinceId: row.province_id,
  roleKind: row.role_kind,
  level: row.level,
  days: row.days,
  per: row.per,
  basis: row.basis,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  unconfirmed: row.unconfirmed,
});

const leaderOf = (row: { leader_person_id: number | null; leader_name: string; leader_position: string; role_kind: TLeaderKind }): TLeader => ({
  personId: row.leader_person_id,
  name: row.leader_name,
  position: row.leader_position,
  roleKind: row.role_kind,
});

export const presentSchedule = (row: repo.ScheduleRow): TSchedule => ({
  id: row.id,
  unitId: row.unit_id,
  unitName: row.unit_name,
  leader: leaderOf(row),
  recurrence: row.recurrence,
  weekday: row.weekday,
  monthDay: row.month_day,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  place: row.place,
});

export const presentSession = (row: repo.SessionRow, cases: TSession['cases']): TSession => ({
  id: row.id,
  unitId: row.unit_id,
  unitName: row.unit_name,
  scheduleId: row.schedule_id,
  heldOn: row.held_on,
  kind: row.kind,
  leader: leaderOf(row),
  personsReceived: row.persons_received,
  cases,
  notes: row.notes,
});

export function presentRecommendation(row: repo.RecommendationRow, today: string): TRecommendation {
  const late = daysOverdue(row.status, row.due_on, today);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    source: {
      kind: row.source_kind as TRecommendation['source']['kind'],
      id: (row.dialogue_id ?? row.activity_id) as string,
      subject: row.source_subject,
      on: row.source_on,
    },
    content: row.content,
    addressedUnitId: row.addressed_unit_id,
    addressedBody: row.addressed_body,
    sentOn: row.sent_on,
    dueOn: row.due_on,
    status: row.status,
    overdue: late > 0,
    daysOverdue: late,
    state: late > 0 ? 'overdue' : row.status,
    answerText: row.answer_text,
    answeredOn: row.answered_on,
    closedOn: row.closed_on,
    version: row.version,
  };
}

export const presentDialogue = (row: repo.DialogueRow, recommendations: TRecommendation[]): TDialogue => ({
  id: row.id,
  unitId: row.unit_id,
  unitName: row.unit_name,
  kind: row.kind,
  heldOn: row.held_on,
  subject: row.subject,
  place: row.place,
  leaders: row.leaders as TLeader[],
  byHead: row.by_head,
  participantCount: row.participant_count,
  participantBodies: row.participant_bodies,
  issues: row.issues,
  notes: row.notes,
  recommendations,
});

export const presentActivity = (row: repo.ActivityRow, recommendations: TRecommendation[]): TFrontActivity => ({
  id: row.id,
  unitId: row.unit_id,
  unitName: row.unit_name,
  level: row.level,
  kind: row.kind,
  body: row.body,
  subject: row.subject,
  periodFrom: row.period_from,
  periodTo: row.period_to,
  findings: row.findings,
  recommendations,
});
