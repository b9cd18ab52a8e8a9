import type { Database } from '#server/db/database.ts';
import type { BlobStore } from '#server/platform/files/blob-store.ts';
import { clock } from '#server/shared/clock.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { insertProgramme } from '../programme.repository.ts';
import { insertBudgetLine } from '../budget/budget.repository.ts';
import { insertReview } from '../reviews/review.repository.ts';
import { insertProgress } from './task-progress.repository.ts';
import { insertAssignment, insertGroup, insertTask } from './task.repository.ts';

/** A programme of the unit with a task, an assignment, a progress report, a review and a budget line (foreign-scope test). */
export async function taskScopeFixtures(db: Database, unitId: number, _files: BlobStore): Promise<ScopeFixture> {
  const programme = await insertProgramme(db, {
    owner_unit_id: unitId, parent_programme_id: null, kind: 'plan', number: `${unitId}-KH/NV`, issuer: 'Đảng ủy xã',
    issued_on: '2026-01-15', title: `Kế hoạch nhiệm vụ thử ${unitId}`, from_year: 2026, to_year: 2030,
    general_objective: null, status: 'active', pack_code: null, pack_version: null, created_by: null,
  });
  const { id, province_id } = programme;
  const group = await insertGroup(db, { province_id, programme_id: id, code: '1', title: 'Nhóm giải pháp thử', position: 1 });
  const taskId = await insertTask(db, {
    province_id, programme_id: id, group_id: group.id, code: '1.1', text: 'Nhiệm vụ thử', due_on: '2026-06-30', recurrence: null,
    expected_output: null, position: 1, created_at: clock.now(),
  });
  const assignmentId = await insertAssignment(db, { province_id, task_id: taskId, role: 'lead', body_name: 'Ban Dân vận', organization_type: null, level: null, organization_id: null });
  await insertProgress(db, { id: uuidv7(), task_id: taskId, assignment_id: assignmentId, unit_id: unitId, reported_by: 0, reported_at: clock.now(), percent: 50, note: 'Đang thực hiện' });
  const reviewId = await insertReview(db, { province_id, programme_id: id, kind: 'annual', title: 'Báo cáo năm 2026', from_year: 2026, to_year: 2026, due_on: '2026-12-15', done_on: null });
  await insertBudgetLine(db, programme, { year: 2026, title: 'Kinh phí thử', source: null, planned: 1000, allocated: null, spent: null });
  return {
    '/api/programmes/:id/tasks': { id },
    '/api/programme-tasks/:taskId/progress': { taskId },
    '/api/programmes/:id/reviews': { id },
    '/api/programmes/:id/reviews/:reviewId/workspace': { id, reviewId },
    '/api/programmes/:id/budget': { id },
    '/api/programmes/assignments': { unitId },
    '/api/programmes/due': { unitId },
  };
}
