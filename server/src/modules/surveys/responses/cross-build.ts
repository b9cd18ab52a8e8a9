import type { JobContext } from '#server/platform/jobs/job-queue.ts';
import { storedForm } from '../survey.presenter.ts';
import * as repo from './response.repository.ts';
import { versionKeys } from './tally.ts';

/**
 * The background job that builds the cross tally of questions a survey newly keeps (PATCH /api/surveys/:id with
 * crossQuestions; migration 20261231T1700_survey_cross_build.sql). The PATCH saves the questions, marks them
 * building (survey_cross_build, cursor before the first response) and queues this job; the job walks the survey's
 * responses in (unit_id, id) order, `crossBuildTuning.batch` at a time, each batch in its own short transaction
 * holding the survey row against the writers (crossBuildBatch), counting the accepted ones with their own version's
 * questions and moving the cursor past them. Writers count a response in a building question's cross tally only
 * when it is at or before the cursor (crossFor), so each response is counted once, in its latest state. Until the
 * job has passed the last response, the tabulation crossed by the question reads the responses. A crash resumes
 * from the cursor (the job is retried); a question dropped meanwhile ends it.
 */

export const CROSS_BUILD_JOB = 'surveys.cross-build';

export interface CrossBuildPayload {
  provinceId: number;
  surveyId: number;
  questions: string[];
}

/**
 * Responses per batch: at ≈ 0.4 ms a response (the set-based build took 438 s for 1,000,000), a batch holds the
 * survey's writers back ≈ 2 s at most. `afterBatch` lets a test write between two batches.
 */
export const crossBuildTuning: { batch: number; afterBatch: ((done: number) => Promise<void>) | null } = { batch: 5000, afterBatch: null };

export async function runCrossBuild(context: JobContext<CrossBuildPayload>): Promise<{ counted: number; dropped: boolean }> {
  const { db, payload, jobId } = context;
  const survey = { province_id: payload.provinceId, id: payload.surveyId };
  const total = await repo.countResponses(db, survey);
  await context.progress(0, Math.max(total, 1));
  const versions = async (trx: typeof db) => (await repo.versionForms(trx, survey)).map((v) => versionKeys(v.number, storedForm(v.form)));
  for (;;) {
    const step = await db.transaction().execute((trx) => repo.crossBuildBatch(trx, survey, jobId, crossBuildTuning.batch, versions));
    if (!step) return { counted: 0, dropped: true };
    if (step.finished) {
      await context.progress(Math.max(total, step.done), Math.max(total, step.done, 1));
      return { counted: step.done, dropped: false };
    }
    await context.progress(step.done, Math.max(total, step.done + 1));
    if (crossBuildTuning.afterBatch) await crossBuildTuning.afterBatch(step.done);
  }
}
