import { ZSurveyForm, type TSurveyForm } from '#contracts/surveys/form.ts';
import type { TRespondentGroup, TSurvey, TSurveySummary } from '#contracts/surveys/survey.schemas.ts';
import { questionCount } from './survey.rules.ts';
import type { SurveyRow } from './survey.repository.ts';

const iso = (value: Date | string) => new Date(value).toISOString();

/** A stored questionnaire (validated when it was written) as the contract's shape. */
export const storedForm = (form: unknown): TSurveyForm => ZSurveyForm.parse(form);

export function presentSurveySummary(row: SurveyRow): TSurveySummary {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    code: row.code,
    title: row.title,
    status: row.status,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    currentVersion: row.current_version,
    responses: Number(row.responses),
    quota: Number(row.quota),
  };
}

export interface SurveyParts {
  versions: { number: number; form: unknown; source_attachment_id: string | null; created_at: Date | string; created_by_name: string | null }[];
  targets: { unit_id: number; unit_name: string; respondent_group: string; quota: number }[];
  /** Kept cross questions whose cross tally a job is building (survey_cross_build). */
  building?: { question: string; job_id: string }[];
}

/** A survey with its current questionnaire, versions and targets; the public token only for its managers. */
export function presentSurvey(row: SurveyRow, parts: SurveyParts, canManage: boolean): TSurvey {
  const forms = new Map(parts.versions.map((v) => [v.number, v.form]));
  const current = row.current_version === null ? undefined : forms.get(row.current_version);
  return {
    ...presentSurveySummary(row),
    purpose: row.purpose,
    collectsIdentity: row.collects_identity,
    doubleEntry: row.double_entry,
    decimals: row.decimals,
    crossQuestions: row.cross_questions,
    crossTallies: row.cross_questions.map((question) => {
      const build = parts.building?.find((b) => b.question === question);
      return build ? { question, state: 'building' as const, jobId: build.job_id } : { question, state: 'ready' as const, jobId: null };
    }),
    notes: row.notes,
    publicToken: canManage ? row.public_token : null,
    version: row.version,
    form: current === undefined ? null : storedForm(current),
    versions: parts.versions.map((v) => {
      const form = storedForm(v.form);
      return {
        number: v.number,
        title: form.title,
        questions: questionCount(form),
        fromXlsForm: v.source_attachment_id !== null,
        createdAt: iso(v.created_at),
        createdBy: v.created_by_name,
      };
    }),
    targets: parts.targets.map((t) => ({ unitId: t.unit_id, unitName: t.unit_name, respondentGroup: t.respondent_group as TRespondentGroup, quota: t.quota })),
  };
}
