import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER_SRC = new URL('..', import.meta.url).pathname;

/**
 * Unit-owned tables: every table of db/schema.ts with a `unit_id` column, plus person_role (owned through its
 * organisation's unit). admin_unit_history and unit_alias are a unit's own earlier and common names, read with
 * the unit, which is itself filtered by scope; they are not listed.
 */
function unitOwnedTables(): string[] {
  const schema = readFileSync(join(SERVER_SRC, 'db/schema.ts'), 'utf8');
  const tableOf = new Map([...schema.matchAll(/^\s+(\w+): (\w+Table);$/gm)].map((match) => [match[2] as string, match[1] as string]));
  const owning = [...schema.matchAll(/^export interface (\w+Table) \{([^}]*)\}/gm)]
    .filter((match) => /^\s+unit_id:/m.test(match[2] as string))
    .map((match) => tableOf.get(match[1] as string) as string);
  return [...new Set([...owning, 'person_role'])].filter((table) => table !== 'admin_unit_history' && table !== 'unit_alias').sort();
}

/**
 * Reads of unit-owned tables that do not start from `unitOwned`, each with why it is safe. Writes (insertInto,
 * updateTable, deleteFrom) are not scanned: services write only rows they have just read through the helper, or
 * rows they create in a unit they have just read in scope.
 */
const ALLOWED: Record<string, string> = {
  // login and sessions run before there is an actor, so before there is a scope
  'modules/auth/account.repository.ts#findUserByUsername': 'sign-in looks the account up by its username',
  'modules/auth/account.repository.ts#findUserById': "the signed-in user's own account (password change)",
  // `npm run admin:create` runs before any account exists
  'modules/auth/account.repository.ts#usernameExists': 'the first administrator: answers only taken/free',
  'modules/auth/session.repository.ts#findSessionUser': "the session's own user, which the scope is computed from",
  // usernames are unique across the country: the check must see every account
  'modules/users/user.repository.ts#usernameTaken': 'answers only taken/free for a username',
  // the name of whoever set a province's setting (app_user joined), read after the province was found in or above the scope
  'modules/settings/settings.repository.ts#currentSettings': "who set the settings of a province read in scope",
  // ids only, walked from an organisation the service has just read in scope
  'modules/organizations/organization.repository.ts#findParentChain': 'parent ids of an organisation read in scope',
  // jobs: the worker claims any due job (no actor yet); a user sees their own jobs, or jobs on a unit in their
  // scope (inScope on the left-joined unit, since a job may have no unit)
  'platform/jobs/job.repository.ts#claimNextJob': 'the worker, before there is an actor',
  'platform/jobs/job.repository.ts#visibleJobs': 'own jobs or inScope on the unit',
  'platform/jobs/job.repository.ts#latestJobs': "only the actor's own jobs",
  // indicators: the write path locks the rows of keys its caller checked in scope (form, import, derived value)
  'modules/indicators/data-value.repository.ts#lockCurrentValues': 'keys checked in scope by the caller',
  // author names (app_user joined) of a value or report the service has just read in scope
  'modules/indicators/data-value.repository.ts#listValueChanges': 'history of a value read in scope',
  'modules/indicators/report.repository.ts#listReportHistory': 'history of a report read in scope',
  // assignments of data sets already read in or above the scope
  'modules/indicators/metadata.repository.ts#findDataSetParts': 'parts of data sets read in or above scope',
  // a reviewer reaches a report through its unit or through the unit whose turn it is: inScope on either path
  'modules/indicators/report.repository.ts#findReportById': 'inScope on its unit or its holder',
  'modules/indicators/report.repository.ts#lockReport': 'a report read in scope just before',
  // completeness lists reporting units with inScope on the unit path in the same statement
  'modules/indicators/report.repository.ts#listReportingUnits': 'inScope on the unit path',
  // dashboard totals of units joined in scope: the scope is checked once per unit on the outer join (unitOwned inside
  // the lateral join would probe admin_unit once per totals row and double the read)
  'modules/indicators/dashboard.repository.ts#totalsQuery': 'inScope on the units whose totals are read',
  // maintenance with no actor: rebuilds a province's totals from its values (bench seed, restructuring)
  'modules/indicators/totals.repository.ts#rebuildTotals': 'maintenance, no actor',
  // the total of a list of cases: inScope on the admin_unit rows of the scope, as a set of ids in the same statement
  'modules/petitions/case.repository.ts#countMatching': 'inScope on the set of unit ids of the scope',
  'modules/petitions/case.repository.ts#searchPageIds': 'inScope on the unit of each case (a per-row subquery, so a common word walks the province newest first)',
  // --- pet-legal ---
  // author names (app_user joined) of the edits of the national legal configuration (calendar, rules), no unit data
  'modules/legal/calendar.repository.ts#listLegalEdits': 'authors of edits of national configuration',
  // the demo loader writes the demo province on an empty database, before any account exists
  'demo/demo.repository.ts#*': 'demo loader',
  'modules/indicators/demo/indicators-demo.repository.ts#*': 'demo loader (the indicators step, after the foundation)',
  // --- pet-figures ---
  'modules/petitions/demo/petitions-demo.repository.ts#*': 'demo loader (the petitions step, after the foundation)',
  // --- emu-figures ---
  'modules/emulation/demo/emulation-demo.repository.ts#*': 'demo loader (the emulation step, after the foundation)',
  // --- training ---
  'modules/training/demo/training-demo.repository.ts#*': 'demo loader (the training step, after the foundation)',
  // coverage: the roles of organisations filtered by inScope on their unit in the same statement (one statement
  // with the aggregate, so a province's coverage by commune reads each role once; the benchmark's raw SQL is the same)
  'modules/training/training-coverage.repository.ts#holders': 'inScope on the unit of each role',
  'modules/training/training-coverage.repository.ts#untrainedHolders': 'holders() above, inScope on the unit of each role',
  // units only, of people the service has just read in scope (a participant written)
  'modules/training/training.repository.ts#unitsOfPeople': 'units of people read in scope, for the derived values',
  // --- sentiment ---
  'modules/sentiment/demo/sentiment-demo.repository.ts#*': 'demo loader (the sentiment step, after the foundation)',
  'modules/sentiment/sentiment.repository.ts#reportIdTaken': 'answers only whether a client id is stored, and in which province (idempotent resend)',
  'modules/sentiment/sentiment.repository.ts#countingDates': "the writer's rule evaluation: dates only, of the commune of a place read in scope",
  'modules/sentiment/sentiment.repository.ts#findOpenAlert': "the writer's rule evaluation: the open alert of the commune of a place read in scope",
  'modules/sentiment/sentiment.repository.ts#withNames': 'names of reports read through unitOwned (reportsInScope)',
  'modules/sentiment/sentiment.repository.ts#alertNotes': 'notes of an alert read through unitOwned',
  'modules/sentiment/sentiment.repository.ts#alertHistory': 'workflow history of an alert read through unitOwned',
  // rules are configuration of a province (or national), filtered by the provinces of the scope; app_user is joined
  // only for the name of who last changed each rule
  'modules/sentiment/sentiment.repository.ts#listRules': 'author names of the rules of the provinces in scope and of the national default',
  // --- end sentiment ---
  // --- shell-home ---
  'modules/units/unit.repository.ts#listChildren': 'only whether organisations exist under units listed in scope',
  'modules/audit/audit.repository.ts#listAudit': 'names the records of a page of entries read through unitOwned (auditPage)',
  // --- prog-tasks ---
  // progress reports and assignments belong to a programme's task: they start from readableProgrammes (the
  // programme's owner in or above the scope, programme-access.repository.ts), the programme's reach being their scope
  'modules/programmes/tasks/task-progress.repository.ts#findProgress': 'reports of a task of a programme read through readableProgrammes',
  'modules/programmes/tasks/task-progress.repository.ts#findProgressById': 'a report of a programme read through readableProgrammes',
  'modules/programmes/tasks/task-progress.repository.ts#hasReportsUnder': 'whether reports exist, through readableProgrammes',
  'modules/programmes/tasks/task-progress.repository.ts#countReportsBetween': 'a count of a programme read through readableProgrammes',
  'modules/programmes/tasks/task.repository.ts#findTasks': 'tasks through readableProgrammes; organisations only in an exists() filter',
  'modules/programmes/tasks/task.repository.ts#findAssignments': 'organisations a programme read through readableProgrammes names',
  'modules/programmes/tasks/task.repository.ts#findAssignment': 'an assignment through readableProgrammes, with inScope on its organisation',
  'modules/programmes/tasks/task.repository.ts#findReportMarks': 'dates and percents of reports through readableProgrammes',
  // --- prog ---
  'platform/files/file.repository.ts#findAttachmentOwner': "only a file's owner type and id, which the owner's resolver then checks for the actor",
  // --- pet-core ---
  // a case starts from casesInScope (unitOwned on its unit, province_id of the scope); the handler's and the
  // competent unit's names are joined to the case read that way
  'modules/petitions/case.repository.ts#findCaseRows': 'a case through casesInScope (unitOwned)',
  'modules/petitions/case.repository.ts#findSteps': 'authors of the steps of a case read through casesInScope',
  'modules/petitions/case.repository.ts#findCaseFigureKeys': 'the figure keys of a case its writer has just read in scope (by province and id)',
  // --- pet-recv ---
  'modules/reception/reception.repository.ts#casesOfSessions': 'the cases linked to sessions read in scope (same province by the foreign key)',
  'modules/reception/reception.repository.ts#countByLevel': 'derived values: computed for a whole province by the system, not for a user',
  // --- pet-portal ---
  // the public portal and Open311 have no actor: a case is read by its tracking code and shown only once the secret
  // (or a filer's phone) matched; Open311 lists only publicly filed feedback and petitions, public columns only
  'modules/petitions/portal/portal.repository.ts#findSubmittedCase': 'no actor: shown only after the secret or phone matched',
  'modules/petitions/open311/open311.repository.ts#listPublicRequests': 'no actor: publicly filed cases, public columns only',
  // --- emu-core ---
  // a campaign is read by the subtree of its unit and the units below (a commune reads the province's campaign):
  // readableCampaigns is inOrAboveScope on its unit, as programmes' readableProgrammes; participants, pack lookups
  // and code checks are of a campaign read that way or of a unit the service has just read in scope
  'modules/emulation/campaigns/campaign.repository.ts#readableCampaigns': 'inOrAboveScope on the campaign unit',
  'modules/emulation/campaigns/campaign.repository.ts#campaignColumns': 'counts participants of campaigns read through readableCampaigns',
  'modules/emulation/campaigns/campaign.repository.ts#findCampaignParts': 'parts of a campaign read through readableCampaigns',
  'modules/emulation/campaigns/campaign.repository.ts#lockCampaign': 'a campaign read through readableCampaigns just before',
  'modules/emulation/campaigns/campaign.repository.ts#findPackCampaign': 'the pack campaign of a unit the service read in scope',
  'modules/emulation/campaigns/campaign.repository.ts#campaignCodeTaken': 'answers only taken/free for a code of a unit read in scope',
  // --- end emu-core ---
  // --- emu-models ---
  // the list's owner names (organisation, person, unit left-joined) and replica counts of models read through unitOwned
  'modules/emulation/models/model.repository.ts#withSummary': 'names and replica counts of models read through unitOwned',
  'modules/emulation/models/model.repository.ts#counted': 'the whole country only (a system administrator, scope all): every unit is in scope; otherwise through unitOwned',
  // recognised models are meant to spread: their public part (title, unit, field, level) is read by province so that a
  // commune can replicate a model of another commune; never an unrecognised model, never more than the public part
  'modules/emulation/models/model.repository.ts#listReplicable': "recognised models' public part, in the actor's provinces",
  'modules/emulation/models/model.repository.ts#findReplicableOrigin': "a recognised model of the actor's provinces, as a replica's origin",
  // the replication chain of a model read in scope: each node carries inScope; the service names out-of-scope nodes
  // only when recognised (their public part) and counts the others
  'modules/emulation/models/model.repository.ts#findChain': 'chain of a model read in scope, inScope per node',
  'modules/emulation/models/model.repository.ts#findSteps': 'history of a model read in scope',
  // --- end emu-models ---
  // --- emu-public ---
  // the public showcase has no actor: its scope is one province and the models its recognising units published
  // (recognised or commended, published_at set), public columns only; photos are images of those models that no
  // step names as a document; owners' names only (organisation, unit or person)
  'modules/emulation/public/public.repository.ts#listShownModels': 'no actor: published models of one province',
  'modules/emulation/public/public.repository.ts#findShownModel': 'no actor: a published model of one province',
  'modules/emulation/public/public.repository.ts#shownPhotos': 'no actor: images of a published model, not step documents',
  'modules/emulation/public/public.repository.ts#findShownPhoto': 'no actor: an image of a published model, not a step document',
  'modules/emulation/public/public.repository.ts#OWNER_NAME': 'no actor: only the name of a published model’s owner',
  'modules/emulation/public/public.repository.ts#PHOTO_OF_M': 'no actor: images of the published model it is joined to',
  'modules/emulation/public/public.repository.ts#REPLICAS_OF_M': 'no actor: counts the published replicas of a published model',
  'modules/emulation/public/public.repository.ts#countShownByFieldLevel': 'no actor: counts published models of one province',
  'modules/emulation/public/public.repository.ts#communesWithShownModels': 'no actor: counts published models of one province by commune',
  'modules/emulation/public/public.repository.ts#shownPoints': 'no actor: rounded points of published models of one province',
  'modules/emulation/public/public.repository.ts#findShownLink': 'no actor: a published model (the origin of a published one)',
  'modules/emulation/public/public.repository.ts#shownReplicas': 'no actor: published replicas of a published model',
  'modules/emulation/public/public.repository.ts#provincesWithCounts': 'no actor: counts published models per province',
  // --- end emu-public ---
  // --- emu-commit ---
  'modules/emulation/commitments/commitment.repository.ts#findCountByKey': 'locks the count of a key whose unit the writer has just read in scope',
  'modules/emulation/commitments/commitment.repository.ts#countsUnder': 'counts under a unit an import has just read in scope (its province, its subtree)',
  'modules/emulation/commitments/commitment.repository.ts#listChanges': 'authors (app_user) of the changes of a count read through unitOwned',
  'modules/emulation/commitments/commitment.repository.ts#organizationNames': 'names of the bodies of figures read through unitOwned',
  'modules/emulation/commitments/commitment-figures.repository.ts#registeredByCommune': 'derived values: computed for a whole province by the system, not for a user',
  'modules/emulation/commitments/commitment-figures.repository.ts#breachesByCommune': 'derived values: computed for a whole province by the system, not for a user',
  // --- end emu-commit ---
  // --- surveys-store ---
  // a survey is read by the subtree of its unit and the units above (a commune reads its province's survey, like a
  // campaign): readableSurveys is inOrAboveScope on its unit; its versions, targets and the count of accepted
  // responses (inScope on the tallies' units) are read by (province, survey) of a survey read that way
  'modules/surveys/survey.repository.ts#readableSurveys': 'inOrAboveScope on the survey unit',
  'modules/surveys/survey.repository.ts#surveyColumns': 'quotas of a survey read through readableSurveys; responses counted with inScope on the tally unit',
  'modules/surveys/survey.repository.ts#lockSurvey': 'a survey read through readableSurveys just before',
  'modules/surveys/survey.repository.ts#surveyCodeTaken': 'answers only taken/free for a code of a unit read in scope',
  'modules/surveys/survey.repository.ts#listVersions': 'authors (app_user) of the versions of a survey read through readableSurveys',
  'modules/surveys/survey.repository.ts#listTargets': 'the sample of a survey read through readableSurveys (the progress shows only the units in scope)',
  'modules/surveys/survey.repository.ts#unitsUnderTargets': 'units under the sample of a survey read through readableSurveys or found by its link (ids and names of the sample\'s own units; responses still read in scope)',
  // the respondent has no account: the link's token (public, or an invitation's hash) names the survey; only what the
  // form needs (title, unit name, questionnaire, targeted units and groups)
  'modules/surveys/survey.repository.ts#findSurveyByPublicToken': "no actor: the survey behind a public link's token",
  'modules/surveys/survey.repository.ts#findSurveyByInvitation': "no actor: the survey behind a personal link's token hash",
  'modules/surveys/survey.repository.ts#publicTargets': 'no actor: the targeted units and groups of a survey found by its link',
  // the write path: a resent id is answered with its stored status (nothing of its content), whatever the scope
  'modules/surveys/responses/response.repository.ts#findSentIds': 'ids, survey and status of sent ids: answers a resend',
  'modules/surveys/responses/response.repository.ts#crossState': 'the cross_questions (and their builds) of the survey the caller writes to (read in scope or behind its link by the caller), for the write path',
  'modules/surveys/responses/response.repository.ts#addCrossTally': 'write path: counts accepted responses of one survey (its manager named a cross question) into survey_cross_tally; nothing is returned',
  'modules/surveys/responses/response.repository.ts#crossBuildBatch': 'the cross-build job (queued by the manager who named the question): walks the keys of one survey\'s responses to count them into survey_cross_tally; returns only a count',
  'modules/surveys/responses/response.repository.ts#countResponses': 'the cross-build job: how many responses one survey holds, for its progress',
  'modules/surveys/responses/response.repository.ts#lockResponse': 'a response read through unitOwned just before',
  'modules/surveys/responses/response.repository.ts#listRevisions': 'earlier states of a response read through unitOwned just before (and their authors)',
  'modules/surveys/demo/surveys-demo.repository.ts#*': 'demo loader (the surveys step, after the foundation)',
  // --- end surveys-store ---
  // --- surveys-tab ---
  // a survey is read by the subtree of its unit and the units below (a commune tabulates the province's survey, over
  // its own units' tallies only, which start from unitOwned): inOrAboveScope on the survey's unit, as campaigns
  'modules/surveys/tabulation/tabulation.repository.ts#findTabulatedSurvey': 'inOrAboveScope on the survey unit',
  // --- end surveys-tab ---
  // --- grassroots ---
  'modules/grassroots/visits/visit.repository.ts#withNames': 'names (person, role, organisation, purpose) of visits read through visitsInScope (unitOwned)',
  'modules/grassroots/demo/grassroots-demo.repository.ts#*': 'demo loader (the grassroots step, after the foundation)',
  // --- end grassroots ---
};

function repositoryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return repositoryFiles(path);
    return entry.name.endsWith('.repository.ts') ? [path] : [];
  });
}

/** Top-level declarations of a file with their text: `[name, text]`. */
function declarations(text: string): [string, string][] {
  const starts = [...text.matchAll(/^(?:export )?(?:async )?(?:function|const) (\w+)/gm)];
  return starts.map((match, i) => [match[1] as string, text.slice(match.index, starts[i + 1]?.index ?? text.length)]);
}

/** Names of the top-level declarations of `text` that read a unit-owned table without starting from unitOwned. */
function unscopedIn(text: string, tables: string[]): string[] {
  const names = tables.join('|');
  const read = new RegExp(`(selectFrom|innerJoin|leftJoin)\\(\\s*'(${names})[ ']|\\b(from|join)\\s+(${names})\\b`);
  return declarations(text)
    .filter(([, body]) => read.test(body) && !body.includes('unitOwned('))
    .map(([name]) => name);
}

/** `file#function` of every repository declaration that reads a unit-owned table without the helper. */
const unscopedReads = (tables: string[]) =>
  repositoryFiles(SERVER_SRC).flatMap((file) => unscopedIn(readFileSync(file, 'utf8'), tables).map((name) => `${relative(SERVER_SRC, file)}#${name}`));

describe('scope by construction', () => {
  it('B2 scope: the unit-owned tables are the ones with a unit_id, and person_role', () => {
    expect(unitOwnedTables()).toEqual(expect.arrayContaining(['app_user', 'audit_log', 'organization', 'person', 'person_role']));
  });

  it('B2 scope: every repository read of a unit-owned table starts from unitOwned() or is allow-listed with a reason', () => {
    const unscoped = unscopedReads(unitOwnedTables()).filter((at) => !ALLOWED[at] && !ALLOWED[at.replace(/#.*/, '#*')]);
    expect(unscoped).toEqual([]);
  });

  it('B2 scope: the scan catches a read that bypasses the helper, and the allow-list holds no stale entry', () => {
    const found = unscopedReads(unitOwnedTables());
    for (const allowed of Object.keys(ALLOWED).filter((key) => !key.endsWith('#*'))) expect(found).toContain(allowed);
    const tables = unitOwnedTables();
    const leaks = [
      "export async function a(db) {\n  return db.selectFrom('person as p').selectAll().execute();\n}\n",
      "export function b(db) {\n  return db.selectFrom('admin_unit as u').innerJoin('organization as o', 'o.unit_id', 'u.id');\n}\n",
      'export async function c(db) {\n  return sql`select * from audit_log where id = 1`.execute(db);\n}\n',
    ];
    expect(leaks.flatMap((text) => unscopedIn(text, tables))).toEqual(['a', 'b', 'c']);
    const scoped = "export function d(db, scope) {\n  return unitOwned(db, 'person as p', 'p.unit_id', scope);\n}\n";
    expect(unscopedIn(scoped, tables)).toEqual([]);
  });
});
