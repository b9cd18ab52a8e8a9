import { describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { AppError } from '#server/shared/errors.ts';
import { reportApproval } from './report-example.ts';
import { availableTransitions, checkTransition, defineWorkflow } from './workflow.ts';

const roles = (...list: TRole[]) => new Set<TRole>(list);
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('no error');
};

describe('B7 workflow rules', () => {
  it('B7 workflow: allows a declared transition to a role that holds it', () => {
    const t = checkTransition(reportApproval, { seenState: 'submitted', seenVersion: 1, to: 'approved' }, roles('leader'));
    expect(t).toMatchObject({ from: 'submitted', to: 'approved', label: 'duyệt' });
  });

  it('B7 workflow: refuses an undeclared move with 409, a role without it with 403, a missing reason with 400', () => {
    expect(failure(() => checkTransition(reportApproval, { seenState: 'draft', seenVersion: 0, to: 'approved' }, roles('leader')))).toEqual({
      status: 409,
      message: 'Báo cáo đang ở trạng thái “Dự thảo”, không chuyển sang “Đã duyệt” được.',
    });
    expect(failure(() => checkTransition(reportApproval, { seenState: 'submitted', seenVersion: 1, to: 'approved' }, roles('data_entry')))).toEqual({
      status: 403,
      message: 'Bạn không có quyền duyệt báo cáo.',
    });
    expect(failure(() => checkTransition(reportApproval, { seenState: 'submitted', seenVersion: 1, to: 'returned', reason: '  ' }, roles('leader')))).toEqual({
      status: 400,
      message: 'Lý do (reason): bắt buộc khi trả lại báo cáo.',
    });
    expect(checkTransition(reportApproval, { seenState: 'submitted', seenVersion: 1, to: 'returned', reason: 'Thiếu số liệu' }, roles('leader')).to).toBe('returned');
  });

  it('B7 workflow: lists the moves a role may make from a state', () => {
    expect(availableTransitions(reportApproval, 'submitted', roles('leader')).map((t) => t.to)).toEqual(['approved', 'returned']);
    expect(availableTransitions(reportApproval, 'submitted', roles('data_entry'))).toEqual([]);
    expect(availableTransitions(reportApproval, 'returned', roles('data_entry')).map((t) => t.to)).toEqual(['submitted']);
  });

  it('B7 workflow: a definition with an unknown state or a duplicate move does not load', () => {
    const store = { table: 't', idColumn: 'id', stateColumn: 's', versionColumn: 'v' };
    expect(() =>
      defineWorkflow({ entityType: 'x', label: 'X', states: { a: 'A' }, transitions: [{ from: 'a', to: 'b' as 'a', roles: ['leader'], label: 'đi' }], store }),
    ).toThrow('x: unknown state in a → b');
    expect(() =>
      defineWorkflow({
        entityType: 'x',
        label: 'X',
        states: { a: 'A', b: 'B' },
        transitions: [
          { from: 'a', to: 'b', roles: ['leader'], label: 'đi' },
          { from: 'a', to: 'b', roles: ['unit_admin'], label: 'đi' },
        ],
        store,
      }),
    ).toThrow('x: a → b declared twice');
  });
});
