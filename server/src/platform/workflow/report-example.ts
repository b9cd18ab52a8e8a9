import { msg } from '#server/shared/messages.ts';
import { defineWorkflow } from './workflow.ts';

/**
 * The report approval workflow as the reports module will declare it; kept here as the worked example the tests
 * use, until that module exists.
 */
export const reportApproval = defineWorkflow({
  entityType: 'report',
  label: msg('workflow.report.label'),
  states: {
    draft: msg('workflow.report.draft'),
    submitted: msg('workflow.report.submitted'),
    approved: msg('workflow.report.approved'),
    returned: msg('workflow.report.returned'),
  },
  transitions: [
    { from: 'draft', to: 'submitted', roles: ['data_entry', 'commission_officer', 'unit_admin'], label: msg('workflow.report.submit') },
    { from: 'submitted', to: 'approved', roles: ['leader', 'unit_admin'], label: msg('workflow.report.approve') },
    { from: 'submitted', to: 'returned', roles: ['leader', 'unit_admin'], requiresReason: true, label: msg('workflow.report.return') },
    { from: 'returned', to: 'submitted', roles: ['data_entry', 'commission_officer', 'unit_admin'], label: msg('workflow.report.resubmit') },
  ],
  store: { table: 'workflow_probe', idColumn: 'id', stateColumn: 'status', versionColumn: 'version' },
});
