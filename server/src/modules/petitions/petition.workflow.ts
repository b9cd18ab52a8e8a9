import type { TRole } from '#contracts/auth.ts';
import type { TCaseStatus } from '#contracts/petitions/case.schemas.ts';
import { defineWorkflow } from '#server/platform/workflow/workflow.ts';
import { msg } from '#server/shared/messages.ts';

/** Who decides (accept, refuse, transfer, conclude): leaders, unit administrators, commission officers. */
export const DECIDERS: readonly TRole[] = ['system_admin', 'leader', 'unit_admin', 'commission_officer'];
/** Who records (receive, notify, close, withdrawals): deciders and data-entry officers (cán bộ tiếp dân). */
export const OFFICERS: readonly TRole[] = [...DECIDERS, 'data_entry'];

/**
 * The lifecycle of a case on the platform's workflow helper: every move checks the roles and the version the user
 * saw, bumps the case's version and writes a workflow_transition row; the service writes the petition_step beside it.
 */
export const petitionWorkflow = defineWorkflow<TCaseStatus>({
  entityType: 'petition_case',
  label: msg('petitions.workflow.label'),
  states: {
    received: msg('petitions.status.received'),
    accepted: msg('petitions.status.accepted'),
    refused: msg('petitions.status.refused'),
    transferred: msg('petitions.status.transferred'),
    verifying: msg('petitions.status.verifying'),
    concluded: msg('petitions.status.concluded'),
    notified: msg('petitions.status.notified'),
    appealed: msg('petitions.status.appealed'),
    closed: msg('petitions.status.closed'),
    withdrawn: msg('petitions.status.withdrawn'),
    duplicate: msg('petitions.status.duplicate'),
  },
  transitions: [
    { from: 'received', to: 'accepted', roles: DECIDERS, label: msg('petitions.action.accept') },
    { from: 'received', to: 'refused', roles: DECIDERS, requiresReason: true, label: msg('petitions.action.refuse') },
    { from: 'received', to: 'transferred', roles: DECIDERS, label: msg('petitions.action.transfer') },
    { from: 'received', to: 'duplicate', roles: OFFICERS, label: msg('petitions.action.confirmDuplicate') },
    { from: 'received', to: 'withdrawn', roles: OFFICERS, requiresReason: true, label: msg('petitions.action.withdraw') },
    { from: 'accepted', to: 'verifying', roles: DECIDERS, label: msg('petitions.action.assign') },
    { from: 'accepted', to: 'concluded', roles: DECIDERS, label: msg('petitions.action.conclude') },
    { from: 'accepted', to: 'withdrawn', roles: OFFICERS, requiresReason: true, label: msg('petitions.action.withdraw') },
    { from: 'verifying', to: 'concluded', roles: DECIDERS, label: msg('petitions.action.conclude') },
    { from: 'verifying', to: 'withdrawn', roles: OFFICERS, requiresReason: true, label: msg('petitions.action.withdraw') },
    { from: 'concluded', to: 'notified', roles: OFFICERS, label: msg('petitions.action.notify') },
    { from: 'notified', to: 'closed', roles: OFFICERS, label: msg('petitions.action.close') },
    { from: 'notified', to: 'appealed', roles: OFFICERS, label: msg('petitions.action.appeal') },
    { from: 'appealed', to: 'verifying', roles: DECIDERS, label: msg('petitions.action.acceptAppeal') },
    { from: 'appealed', to: 'refused', roles: DECIDERS, requiresReason: true, label: msg('petitions.action.refuse') },
  ],
  store: { table: 'petition_case', idColumn: 'id', stateColumn: 'status', versionColumn: 'version', provinceColumn: 'province_id' },
});
