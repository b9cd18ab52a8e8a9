import { formQuestions, labelIn, ZSurveyForm, type TSurveyForm } from '#contracts/surveys/form.ts';
import { RESPONDENT_GROUPS, type TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
import type { TTabulation, TTabulationQuery } from '#contracts/surveys/tabulation.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg, type MessageKey } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { versionKeys } from '../responses/tally.ts';
import { surveyPolicy } from '../survey.policy.ts';
import { tabulate, type TallyRow } from './tabulate.ts';
import * as repo from './tabulation.repository.ts';

/** The Vietnamese names of the respondent groups (the columns of a cross-tabulation by group). */
export const GROUP_KEYS = {
  cadre: 'surveys.tabulation.group.cadre',
  party_member: 'surveys.tabulation.group.partyMember',
  citizen: 'surveys.tabulation.group.citizen',
  union_member: 'surveys.tabulation.group.unionMember',
  respected_person: 'surveys.tabulation.group.respectedPerson',
  other: 'surveys.tabulation.group.other',
} as const satisfies Record<TRespondentGroup, MessageKey>;

/**
 * The tabulation of a survey (issue 13 must-have 4): the summed tallies of the units in the reader's scope (a unit's
 * subtree, a respondent group), tabulated with the current questionnaire; crossed by the response unit or the
 * respondent group (tallies) or by a select_one question (its cross tally when the survey names it in cross_questions
 * and the tally is built, otherwise the accepted responses).
 * Sensitive questions are tabulated only for readers with surveys.readSensitive, and such a read is audited.
 */
export async function getTabulation(db: Database, actor: Actor, surveyId: number, query: TTabulationQuery): Promise<TTabulation> {
  authorize(surveyPolicy.read(actor));
  const survey = await repo.findTabulatedSurvey(db, actor.scope, surveyId);
  if (!survey) throw notFound('entity.survey');
  const form: TSurveyForm = survey.form ? ZSurveyForm.parse(survey.form) : { title: survey.title, defaultLanguage: '', languages: [''], items: [], choiceLists: {} };
  const readSensitive = surveyPolicy.readSensitive(actor);
  const options = { base: query.base, decimals: query.decimals ?? survey.decimals, language: query.language ?? form.defaultLanguage, readSensitive };
  const selection: repo.Selection = { survey: { province_id: survey.province_id, id: survey.id }, unitId: query.unitId, respondentGroup: query.respondentGroup };
  const by = query.by ?? null;
  const byQuestion = by?.startsWith('question:') ? by.slice('question:'.length) : null;
  const questions = formQuestions(form).map((q) => q.question);
  const byChoices = byQuestion === null ? null : questions.find((q) => q.name === byQuestion && q.type === 'select_one');
  if (byQuestion !== null && !byChoices) throw invalidField('by', msg('surveys.tabulation.byNotSelectOne', { name: byQuestion }));
  if (byChoices?.sensitive && !readSensitive) authorize(false);

  // crossed by unit or group, the keyed sums also give the whole (tabulate adds up rows of one key): one read
  const keyed = by === 'unit' || by === 'group' ? await repo.sumTally(db, actor.scope, selection, by) : null;
  const overall = tabulate(form, keyed ?? (await repo.sumTally(db, actor.scope, selection, null)), options);
  let columns: TTabulation['columns'] = [];
  if (keyed && (by === 'unit' || by === 'group')) {
    const byKey = groupByKey(keyed);
    const named =
      by === 'unit'
        ? (await repo.unitNames(db, actor.scope, [...byKey.keys()].map(Number))).map((u) => ({ key: String(u.id), label: u.name }))
        : RESPONDENT_GROUPS.filter((g) => byKey.has(g)).map((g) => ({ key: g, label: msg(GROUP_KEYS[g]) }));
    columns = named.map(({ key, label }) => column(form, key, label, byKey.get(key) ?? [], options));
  } else if (byChoices) {
    // from the cross tally when the survey keeps one for this question and it is built; otherwise from the
    // responses, each counted with its version's questions (slow on large surveys)
    const ready = survey.cross_questions.includes(byChoices.name) && !survey.building.includes(byChoices.name);
    const rows = ready
      ? await repo.sumCrossTally(db, actor.scope, selection, byChoices.name)
      : await repo.crossByQuestion(db, actor.scope, selection, byChoices.name, (await repo.versionForms(db, selection.survey)).map((v) => versionKeys(v.number, ZSurveyForm.parse(v.form))));
    const byKey = groupByKey(rows);
    const list = (byChoices.listName ? form.choiceLists[byChoices.listName] : undefined) ?? [];
    const known = new Set(list.map((c) => c.name));
    columns = [
      ...list.map((c) => column(form, c.name, labelIn(c.label, options.language, c.name), byKey.get(c.name) ?? [], options)),
      ...[...byKey.keys()].filter((k) => !known.has(k)).sort().map((k) => column(form, k, k, byKey.get(k) ?? [], options)),
    ];
  }
  if (readSensitive && questions.some((q) => q.sensitive)) {
    await recordAudit(db, actor, {
      action: 'read_protected', entity: 'survey', entityId: survey.id, unitId: survey.unit_id,
      after: { tabulation: questions.filter((q) => q.sensitive).map((q) => q.name), by, unitId: query.unitId ?? null, respondentGroup: query.respondentGroup ?? null },
    });
  }
  return {
    surveyId: survey.id,
    title: survey.title,
    submissions: overall.submissions,
    base: options.base,
    decimals: options.decimals,
    language: options.language,
    questions: overall.questions,
    by,
    columns,
  };
}

function groupByKey(rows: readonly repo.KeyedTallyRow[]): Map<string, TallyRow[]> {
  const out = new Map<string, TallyRow[]>();
  for (const row of rows) {
    let list = out.get(row.key);
    if (!list) out.set(row.key, (list = []));
    list.push(row);
  }
  return out;
}

function column(form: TSurveyForm, key: string, label: string, rows: readonly TallyRow[], options: Parameters<typeof tabulate>[2]) {
  const { submissions, questions } = tabulate(form, rows, options);
  return { key, label, submissions, questions };
}
