import { defineWorkflow } from '#server/platform/workflow/workflow.ts';
import { msg } from '#server/shared/messages.ts';

const ENTER = ['system_admin', 'unit_admin', 'commission_officer', 'data_entry'] as const;
const REVIEW = ['system_admin', 'unit_admin', 'commission_officer', 'leader'] as const;

/**
 * A periodic report's approval up the tree (docs/design/indicators.md §5): the unit submits; each level above
 * that is not the top accepts (or returns with a reason); the province approves (or returns). Approval can be
 * withdrawn with a reason. The helper checks roles and reasons; the service checks the position in the tree.
 */
export const reportWorkflow = defineWorkflow({
  entityType: 'indicator_report',
  label: msg('indicators.report.record'),
  states: {
    draft: msg('indicators.report.state.draft'),
    submitted: msg('indicators.report.state.submitted'),
    accepted: msg('indicators.report.state.accepted'),
    returned: msg('indicators.report.state.returned'),
    approved: msg('indicators.report.state.approved'),
  },
  transitions: [
    { from: 'draft', to: 'submitted', roles: ENTER, label: msg('indicators.report.action.submit') },
    { from: 'returned', to: 'submitted', roles: ENTER, label: msg('indicators.report.action.resubmit') },
    { from: 'submitted', to: 'accepted', roles: REVIEW, label: msg('indicators.report.action.accept') },
    { from: 'accepted', to: 'accepted', roles: REVIEW, label: msg('indicators.report.action.accept') },
    { from: 'submitted', to: 'approved', roles: REVIEW, label: msg('indicators.report.action.approve') },
    { from: 'accepted', to: 'approved', roles: REVIEW, label: msg('indicators.report.action.approve') },
    { from: 'submitted', to: 'returned', roles: REVIEW, requiresReason: true, label: msg('indicators.report.action.return') },
    { from: 'accepted', to: 'returned', roles: REVIEW, requiresReason: true, label: msg('indicators.report.action.return') },
    { from: 'approved', to: 'submitted', roles: REVIEW, requiresReason: true, label: msg('indicators.report.action.unapprove') },
  ],
  store: { table: 'report', idColumn: 'id', stateColumn: 'state', versionColumn: 'version', provinceColumn: 'province_id' },
});

export type ReportWorkflowState = keyof typeof reportWorkflow.states;
