import { z } from 'zod';
import type { TRole } from './auth.ts';
import { UNIT_LEVELS, type TUnitLevel } from './units.ts';

/**
 * How far a role's grant of an action reaches: over every record in the user's scope, or only over the records
 * of the user's own organisation (focal points: the organisation, its members and the people holding its roles).
 */
export type Grant = 'scope' | 'ownOrganization';

interface PermissionSpec {
  /** One line for docs/PERMISSIONS.md: what the action lets a user do. */
  summary: string;
  /** The roles granted the action, and how far; a role not listed is refused. */
  roles: Partial<Record<TRole, Grant>>;
  /**
   * Levels of the user's own unit from which the action may be done; absent = any level. System administrators
   * (no unit) are never limited by level.
   */
  levels?: readonly TUnitLevel[];
}

/** Roles that keep the registries (units' villages, organisations, people) of their units. */
const KEEPERS = { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope', data_entry: 'scope' } as const;
// listed, not computed from ROLES: auth.ts reads this file for the `me` contract (no import cycle)
const EVERYONE = { ...KEEPERS, leader: 'scope', focal_point: 'scope' } as const satisfies Record<TRole, Grant>;

/**
 * The one role × action table. Server policies (`server/src/modules/*\/*.policy.ts`) and the web's `can()` both
 * read it; `/api/auth/me` lists the actions of the signed-in user; docs/PERMISSIONS.md is generated from it
 * (`npm run docs:permissions`). Scope (which units' records) is applied separately, by the repositories.
 */
export const PERMISSIONS = {
  'units.read': { summary: 'See administrative units and villages in scope', roles: EVERYONE },
  'units.manageSuccession': {
    summary: 'Confirm or set the successor of an ended official unit (national reference data; audited, with a reason)',
    roles: { system_admin: 'scope' },
  },
  'settings.manage': {
    summary: "Change a province's settings for what the 2025 reorganisation left open (Khối dân vận, Tổ dân vận; audited, with a reason)",
    roles: { system_admin: 'scope', unit_admin: 'scope' },
    levels: ['province'],
  },
  'units.manageVillages': {
    summary: 'Add, import and close villages of a commune (the commune keeps its villages, so not from a village)',
    roles: KEEPERS,
    levels: ['province', 'district', 'commune'],
  },
  'organizations.read': { summary: 'See organisations in scope and their members', roles: EVERYONE },
  'organizations.create': { summary: 'Register an organisation in a unit', roles: KEEPERS },
  'organizations.write': {
    summary: "Change an organisation or import its members (focal point: its own organisation)",
    roles: { ...KEEPERS, focal_point: 'ownOrganization' },
  },
  'people.read': { summary: 'See people in scope and their roles, without ethnicity and religion', roles: EVERYONE },
  'people.create': { summary: 'Register a person in a unit', roles: { ...KEEPERS, focal_point: 'scope' } },
  'people.update': {
    summary: 'Change a person (focal point: someone who holds or held a role in its organisation)',
    roles: { ...KEEPERS, focal_point: 'ownOrganization' },
  },
  'people.manageRoles': {
    summary: 'Give or end a role in an organisation (focal point: in its own organisation)',
    roles: { ...KEEPERS, focal_point: 'ownOrganization' },
  },
  'people.readSensitive': {
    summary: 'Read and write ethnicity and religion (Decree 13/2023; every read is audited)',
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope' },
  },
  'users.manage': { summary: 'List, create and change accounts in scope', roles: { system_admin: 'scope', unit_admin: 'scope' } },
  'users.grantSystemAdmin': {
    summary: 'Grant the system administrator role, or change an account that holds it',
    roles: { system_admin: 'scope' },
  },
  'indicators.read': { summary: 'See data sets, reports, figures and dashboards of the units in scope', roles: EVERYONE },
  'indicators.enter': {
    summary: "Enter and submit a unit's periodic reports (values, Excel upload)",
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope', data_entry: 'scope' },
  },
  'indicators.review': {
    summary: 'Accept, return, approve or unapprove the reports of units below',
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope', leader: 'scope' },
    levels: ['province', 'district', 'commune'],
  },
  'indicators.configure': {
    summary: 'Define data elements, indicators, data sets and validation rules of the own province',
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope' },
    levels: ['province'],
  },
  'indicators.exchange': {
    summary: 'Import and export DHIS2 dataValueSets',
    roles: { system_admin: 'scope', unit_admin: 'scope' },
    levels: ['province'],
  },
  'programmes.read': {
    summary: 'See the programmes issued by the units in scope and above, their targets with the statuses of units in scope, tasks and reviews',
    roles: EVERYONE,
  },
  'programmes.manage': {
    summary: "Create and change the own unit's programmes and implementation plans, load programme packs, assign tasks, set budgets and reviews",
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope' },
    levels: ['province', 'district', 'commune'],
  },
  'programmes.reportProgress': {
    summary: 'Report progress on a task assigned to a body of a unit in scope (focal point: assigned to its own organisation)',
    roles: { ...KEEPERS, leader: 'scope', focal_point: 'ownOrganization' },
  },
  // --- pet-legal ---
  'legal.manage': {
    summary: 'Edit the working-day calendar and the legal time-limit rules (national configuration; every edit kept in history)',
    roles: { system_admin: 'scope' },
  },
  // --- /pet-legal ---
  'audit.read': { summary: 'Browse the audit log of the units in scope', roles: { system_admin: 'scope', unit_admin: 'scope' } },
  'audit.recent': { summary: 'See the latest changes to records in scope: who changed which record, without the details', roles: EVERYONE },
  // --- pet-core ---
  'petitions.read': {
    summary: "See citizens' cases (complaints, denunciations, recommendations, feedback) of the units in scope, their history, lists and counts; a denouncer's identity stays hidden",
    roles: { ...KEEPERS, leader: 'scope' },
  },
  'petitions.manage': {
    summary: 'Receive cases, attach documents, check jurisdiction, accept, refuse, transfer, assign, conclude, notify and close them (decisions: leaders, unit administrators and commission officers)',
    roles: { ...KEEPERS, leader: 'scope' },
  },
  'petitions.readIdentity': {
    summary: "Read a denouncer's identity on a case of the own unit or below, declaring the need (every read is audited; the assigned handler may too)",
    roles: { system_admin: 'scope', leader: 'scope' },
  },
  'petitions.configure': {
    summary: 'Add fields (lĩnh vực) of cases for the own province',
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope' },
    levels: ['province'],
  },
  // --- end pet-core ---
  // --- pet-recv ---
  'reception.read': {
    summary: "See leaders' reception schedules and their compliance, reception sessions, dialogues, voter meetings, Front supervision and critique, and recommendations of the units in scope",
    roles: { ...KEEPERS, leader: 'scope' },
  },
  'reception.manage': {
    summary: 'Record reception schedules and sessions (with the cases received), dialogues, voter meetings, supervision and critique, recommendations and their answers; system administrators also change the national frequency rules',
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope', data_entry: 'scope' },
    levels: ['province', 'district', 'commune'],
  },
  // --- end pet-recv ---
  // --- emulation ---
  'emulation.read': {
    summary: 'See "Dân vận khéo" emulation campaigns launched in or above the scope, and the exemplary models, reviews and commitments of the units in scope',
    roles: EVERYONE,
  },
  'emulation.manageCampaigns': {
    summary: "Launch and change the own units' emulation campaigns (commitments, criteria, tasks per body, timeline, participants) and load campaign packs",
    roles: KEEPERS,
    levels: ['province', 'district', 'commune'],
  },
  'emulation.registerModels': {
    summary: 'Register exemplary models of units in scope and record their building steps and replicas (focal point: models of its own organisation)',
    roles: { ...KEEPERS, focal_point: 'ownOrganization' },
  },
  'emulation.recognize': {
    summary: "Recognise a model at the own unit's level (the model lies in the unit's subtree), commend it and publish it on the public showcase",
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope', leader: 'scope' },
    levels: ['province', 'district', 'commune'],
  },
  'emulation.review': {
    summary: "Nominate models, score them against the campaign's criteria, record the result and the minutes, rank the nominations of the units below",
    roles: { ...KEEPERS, leader: 'scope' },
  },
  'emulation.manageCommitments': {
    summary: 'Enter and import the commitments registered by agencies, cadres and households, correct them with history, record breaches (focal point: its own organisation)',
    roles: { ...KEEPERS, focal_point: 'ownOrganization' },
  },
  // --- end emulation ---
  // --- surveys ---
  'surveys.read': {
    summary: 'See sociological surveys run in or above the scope, their questionnaires, progress and tabulations of the units in scope, and the responses of the units in scope (without sensitive answers)',
    roles: EVERYONE,
  },
  'surveys.manage': {
    summary: "Create and change the own units' surveys: questionnaires (built or imported from XLSForm), the sample with quotas, the public link and personal invitations",
    roles: KEEPERS,
  },
  'surveys.enter': {
    summary: 'Type paper responses (double entry and its verification), import responses from CSV or Excel, and correct, accept or reject responses with a reason',
    roles: KEEPERS,
  },
  'surveys.readSensitive': {
    summary: 'Read answers to questions marked sensitive (religion, political views, ethnicity; Law 91/2025) and their counts; every read is audited',
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope' },
  },
  // --- end surveys ---
  // --- grassroots ---
  'grassroots.read': {
    summary: 'See field visits at places in scope, the field days of the cadres of bodies in scope (seed 000 i7) and briefings of blocs and teams in scope',
    roles: EVERYONE,
  },
  'grassroots.log': {
    summary: 'Log field visits of cadres of bodies in scope at places in scope (focal point: cadres of its own organisation), from a phone, offline',
    roles: { ...KEEPERS, leader: 'scope', focal_point: 'ownOrganization' },
  },
  'grassroots.manage': {
    summary: "Add purposes of field visits to the own province's list (system administrators: the national list) and keep the briefing recurrences of blocs and teams",
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope' },
    levels: ['province'],
  },
  // --- end grassroots ---
  // --- training ---
  'training.read': {
    summary: 'See training courses organised in the scope with their participants, coverage of groups of roles by unit and the lists of who is due or overdue (with their Excel export)',
    roles: EVERYONE,
  },
  'training.manage': {
    summary: "Create the own units' courses, add participants and their completion, import attendance lists from Excel",
    roles: KEEPERS,
  },
  // --- end training ---
  // --- sentiment ---
  'sentiment.read': {
    summary: "See public sentiment reports (tình hình nhân dân) of the units in scope, their table by commune and topic, the map and the early-warning alerts; the text of reports on a sensitive topic (religion) stays hidden",
    roles: EVERYONE,
  },
  'sentiment.report': {
    summary: 'Send public sentiment reports for a village or commune in scope (a Tổ dân vận, a Khối dân vận or a cadre), also from a phone offline',
    roles: { ...KEEPERS, leader: 'scope', focal_point: 'scope' },
  },
  'sentiment.readSensitive': {
    summary: 'Read the text of sentiment reports on a sensitive topic (religion); every read is audited',
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope', leader: 'scope' },
  },
  'sentiment.followUp': {
    summary: 'Acknowledge the early-warning alerts addressed to the own unit (the province of the commune), follow them up with notes, link them to a hot spot of citizens\' cases and close them',
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope', leader: 'scope' },
    levels: ['province'],
  },
  'sentiment.configure': {
    summary: "Configure the early-warning rules of the own province (add, change, deactivate; each change keeps the rule's past version for the alerts it raised, audited); the national default is the system administrators'",
    roles: { system_admin: 'scope', unit_admin: 'scope', commission_officer: 'scope', leader: 'scope' },
    levels: ['province'],
  },
  // --- end sentiment ---
} as const satisfies Record<string, PermissionSpec>;

export type TAction = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as TAction[];
export const ZAction = z.enum(ACTIONS as [TAction, ...TAction[]]);

/** Who asks: the user's roles, the level of their own unit (null = system administrator) and organisation. */
interface Subject {
  roles: Iterable<TRole>;
  unitLevel: TUnitLevel | null;
  organizationId: number | null;
}

/** The widest grant the subject's roles give for the action, or null when none does (or the level forbids it). */
export function grantOf(subject: Subject, action: TAction): Grant | null {
  const spec: PermissionSpec = PERMISSIONS[action];
  if (spec.levels && subject.unitLevel !== null && !spec.levels.includes(subject.unitLevel)) return null;
  let best: Grant | null = null;
  for (const role of subject.roles) {
    const grant = spec.roles[role];
    if (grant === 'scope') return 'scope';
    if (grant) best = grant;
  }
  return best;
}

/**
 * Whether the subject may do the action; for grants limited to the own organisation, `target.organizationId` is
 * the organisation the record belongs to (absent = not the subject's).
 */
export function can(subject: Subject, action: TAction, target: { organizationId?: number | null } = {}): boolean {
  const grant = grantOf(subject, action);
  if (grant === 'ownOrganization') {
    return subject.organizationId !== null && target.organizationId != null && target.organizationId === subject.organizationId;
  }
  return grant === 'scope';
}

/** The actions the subject may do on at least some records, in table order (what `/api/auth/me` lists). */
export const permissionsOf = (subject: Subject): TAction[] => ACTIONS.filter((action) => grantOf(subject, action) !== null);

/** For docs: the levels an action applies at, in level order. */
export const levelsOf = (action: TAction): readonly TUnitLevel[] =>
  (PERMISSIONS[action] as PermissionSpec).levels ?? UNIT_LEVELS;
