import { defineWorkflow } from './workflow.ts';

/**
 * The report approval workflow as the reports module will declare it; kept here as the worked example the tests
 * use, until that module exists.
 */
export const reportApproval = defineWorkflow({
  entityType: 'report',
  label: 'Báo cáo',
  states: { draft: 'Dự thảo', submitted: 'Đã gửi', approved: 'Đã duyệt', returned: 'Bị trả lại' },
  transitions: [
    { from: 'draft', to: 'submitted', roles: ['data_entry', 'commission_officer', 'unit_admin'], label: 'gửi' },
    { from: 'submitted', to: 'approved', roles: ['leader', 'unit_admin'], label: 'duyệt' },
    { from: 'submitted', to: 'returned', roles: ['leader', 'unit_admin'], requiresReason: true, label: 'trả lại' },
    { from: 'returned', to: 'submitted', roles: ['data_entry', 'commission_officer', 'unit_admin'], label: 'gửi lại' },
  ],
  store: { table: 'workflow_probe', idColumn: 'id', stateColumn: 'status', versionColumn: 'version' },
});
