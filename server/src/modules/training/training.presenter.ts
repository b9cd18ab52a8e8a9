import type { TCourse, TParticipant } from '#contracts/training/api.ts';
import type { TTrainingGroup } from '#contracts/training/rules.ts';
import type { CourseRecord } from './training.repository.ts';

export function presentCourse(row: CourseRecord): TCourse {
  return {
    id: row.id,
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    organizationId: row.organization_id === null ? null : Number(row.organization_id),
    organizationName: row.organization_name ?? null,
    title: row.title,
    kind: row.kind,
    level: row.level,
    subject: row.subject,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    targetGroups: row.target_groups as TTrainingGroup[],
    place: row.place,
    participants: row.participants,
    completed: row.completed,
  };
}

export function presentParticipant(row: {
  person_id: number;
  full_name: string;
  birth_year: number | null;
  unit_id: number;
  unit_name: string;
  completed: boolean;
  source: 'entry' | 'excel' | 'demo';
}): TParticipant {
  return {
    personId: Number(row.person_id),
    fullName: row.full_name,
    birthYear: row.birth_year,
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    completed: row.completed,
    source: row.source,
  };
}
