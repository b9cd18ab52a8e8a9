import { z } from 'zod';
import { ZDate, ZId, ZRowError, zText } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZUuid, ZUuidParams } from '../jobs.ts';
import { TRAINING_GROUPS, TRAINING_WINDOWS } from './rules.ts';

/**
 * Training (tập huấn, bồi dưỡng; issue 14 item 4): courses with their participants from the people registry, the
 * attendance list imported from Excel (preview with row errors and doubtful matches), coverage of groups of roles
 * within a window by unit, and the lists of who is due or overdue (also as Excel).
 */
export const ZTrainingGroup = z.enum(TRAINING_GROUPS);
export const ZTrainingWindow = z.enum(TRAINING_WINDOWS);
export const COURSE_KINDS = ['training', 'refresher'] as const;
export const COURSE_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export const ZCourseKind = z.enum(COURSE_KINDS);
export const ZCourseLevel = z.enum(COURSE_LEVELS);

export const ZCourse = z.object({
  id: ZUuid,
  unitId: ZId,
  unitName: z.string(),
  organizationId: ZId.nullable(),
  organizationName: z.string().nullable(),
  title: z.string(),
  kind: ZCourseKind,
  level: ZCourseLevel,
  subject: z.string(),
  startsOn: ZDate,
  endsOn: ZDate,
  targetGroups: z.array(ZTrainingGroup),
  place: z.string().nullable(),
  participants: z.number().int(),
  completed: z.number().int(),
});
export type TCourse = z.infer<typeof ZCourse>;

export const ZCourseInput = z
  .object({
    unitId: ZId,
    organizationId: ZId.nullable().optional(),
    title: zText(300),
    kind: ZCourseKind,
    level: ZCourseLevel,
    subject: zText(1000),
    startsOn: ZDate,
    endsOn: ZDate,
    targetGroups: z.array(ZTrainingGroup).max(TRAINING_GROUPS.length).default([]),
    place: zText(300).optional(),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: 'không được trước ngày bắt đầu', path: ['endsOn'] });
export type TCourseInput = z.input<typeof ZCourseInput>;
export type TCourseData = z.output<typeof ZCourseInput>;

export const ZCourseQuery = z.object({
  /** Courses organised in this unit's subtree (default: the whole scope). */
  unitId: ZId.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const ZParticipant = z.object({
  personId: ZId,
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  unitId: ZId,
  unitName: z.string(),
  completed: z.boolean(),
  source: z.enum(['entry', 'excel', 'demo']),
});
export type TParticipant = z.infer<typeof ZParticipant>;

export const ZCourseDetail = ZCourse.extend({ participantList: z.array(ZParticipant) });
export type TCourseDetail = z.infer<typeof ZCourseDetail>;

export const ZParticipantInput = z.object({ personId: ZId, completed: z.boolean() });

// ---------- attendance import

export const ZAttendanceUploadQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** The user's choices for doubtful rows: "row:personId" separated by commas; personId 0 leaves the row out. */
  choices: z
    .string()
    .regex(/^(\d{1,6}:\d{1,15})(,\d{1,6}:\d{1,15})*$/, 'phải có dạng dòng:mã người, cách nhau bởi dấu phẩy')
    .max(20_000)
    .optional(),
});

export const ZMatchCandidate = z.object({ personId: ZId, fullName: z.string(), birthYear: z.number().int().nullable(), unitName: z.string() });

/** One row of the list as matched: a person (matched or chosen), or a doubt to resolve. */
export const ZAttendanceRow = z.object({
  row: z.number().int(),
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  unitText: z.string(),
  completed: z.boolean(),
  status: z.enum(['matched', 'chosen', 'skipped', 'doubtful']),
  /** matched / chosen: the person. */
  person: ZMatchCandidate.nullable(),
  /** doubtful: why (several people of that name and year, or the name only), and the candidates. */
  reason: z.enum(['several', 'birthYear']).nullable(),
  candidates: z.array(ZMatchCandidate),
  /** Already on the course (its completion is updated). */
  alreadyListed: z.boolean(),
});
export type TAttendanceRow = z.infer<typeof ZAttendanceRow>;

/** Preview (dryRun) or result: nothing is written while any row has an error or an unresolved doubt. */
export const ZAttendanceResult = z.object({
  dryRun: z.boolean(),
  rows: z.array(ZAttendanceRow),
  errors: z.array(ZRowError),
  doubtful: z.number().int(),
  written: z.number().int(),
});
export type TAttendanceResult = z.infer<typeof ZAttendanceResult>;

// ---------- coverage and due lists

export const ZCoverageQuery = z.object({
  /** Units of this unit's subtree (default: the user's unit). */
  unitId: ZId.optional(),
  group: ZTrainingGroup,
  /** Default: the group's target window (rules.ts GROUP_TARGETS). */
  window: ZTrainingWindow.optional(),
  /** Default: today. */
  asOf: ZDate.optional(),
});

export const ZCoverageRow = z.object({
  /** The commune holding the roles (or the unit itself for bodies above communes). */
  unitId: ZId,
  unitName: z.string(),
  holders: z.number().int(),
  trained: z.number().int(),
});

export const ZCoverage = z.object({
  unitId: ZId,
  unitName: z.string(),
  group: ZTrainingGroup,
  window: ZTrainingWindow,
  asOf: ZDate,
  targetPercent: z.number(),
  holders: z.number().int(),
  trained: z.number().int(),
  rows: z.array(ZCoverageRow),
});
export type TCoverage = z.infer<typeof ZCoverage>;

export const ZDueQuery = ZCoverageQuery.extend({ limit: z.coerce.number().int().min(1).max(5000).default(1000) });

export const ZDuePerson = z.object({
  personId: ZId,
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  title: z.string(),
  organizationName: z.string(),
  unitId: ZId,
  unitName: z.string(),
  termFrom: ZDate,
  lastTrainedOn: ZDate.nullable(),
  status: z.enum(['due', 'overdue', 'never']),
});
export type TDuePerson = z.infer<typeof ZDuePerson>;

export const ZDueList = z.object({ total: z.number().int(), people: z.array(ZDuePerson) });

export const trainingEndpoints = {
  listCourses: endpoint({
    method: 'GET',
    path: '/api/training/courses',
    summary: "Courses organised in the user's scope (under a unit), latest first",
    query: ZCourseQuery,
    response: z.array(ZCourse),
  }),
  createCourse: endpoint({
    method: 'POST',
    path: '/api/training/courses',
    summary: 'Create a course organised by a unit in scope (and one of its organisations)',
    body: ZCourseInput,
    response: ZCourse,
  }),
  getCourse: endpoint({
    method: 'GET',
    path: '/api/training/courses/:id',
    summary: 'A course with its participants',
    params: ZUuidParams,
    response: ZCourseDetail,
  }),
  setParticipant: endpoint({
    method: 'PUT',
    path: '/api/training/courses/:id/participants',
    summary: 'Add a person of the registry to a course, or change whether they completed it',
    params: ZUuidParams,
    body: ZParticipantInput,
    response: ZCourseDetail,
  }),
  attendanceTemplate: endpoint({
    method: 'GET',
    path: '/api/training/attendance-template.xlsx',
    summary: 'Excel template of an attendance list (name, birth year, unit, completed)',
    response: z.unknown().describe('xlsx bytes'),
  }),
  uploadAttendance: endpoint({
    method: 'POST',
    path: '/api/training/courses/:id/attendance',
    summary: 'Upload an attendance list: preview (dryRun) with row errors and doubtful matches, or write it in one transaction (nothing while a row is wrong or doubtful)',
    params: ZUuidParams,
    query: ZAttendanceUploadQuery,
    multipart: true,
    response: ZAttendanceResult,
  }),
  coverage: endpoint({
    method: 'GET',
    path: '/api/training/coverage',
    summary: 'Holders of a group of roles and how many were trained within the window, by commune under a unit',
    query: ZCoverageQuery,
    response: ZCoverage,
  }),
  dueList: endpoint({
    method: 'GET',
    path: '/api/training/due',
    summary: 'Holders of a group of roles under a unit not trained within the window (never, overdue) or due soon',
    query: ZDueQuery,
    response: ZDueList,
  }),
  dueExport: endpoint({
    method: 'GET',
    path: '/api/training/due.xlsx',
    summary: 'The due and overdue list as an Excel file',
    query: ZCoverageQuery,
    response: z.unknown().describe('xlsx bytes'),
  }),
};
