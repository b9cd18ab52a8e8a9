import type { TRole } from '#contracts/auth.ts';
import { PERMISSIONS } from '#contracts/permissions.ts';
import type { TSentimentAlertStatus } from '#contracts/sentiment/schemas.ts';
import { defineWorkflow } from '#server/platform/workflow/workflow.ts';
import { msg } from '#server/shared/messages.ts';

const FOLLOW = Object.keys(PERMISSIONS['sentiment.followUp'].roles) as TRole[];

/**
 * An early-warning alert on the platform's workflow helper: raised (open) by a report's rule evaluation, acknowledged
 * by the unit it is addressed to (the commune's province), which follows it up with notes, then closed with a
 * conclusion. Every move writes a workflow_transition row (the history); closing names why.
 */
export const alertWorkflow = defineWorkflow<TSentimentAlertStatus>({
  entityType: 'sentiment_alert',
  label: msg('sentiment.workflow.label'),
  states: {
    open: msg('sentiment.status.open'),
    acknowledged: msg('sentiment.status.acknowledged'),
    closed: msg('sentiment.status.closed'),
  },
  transitions: [
    { from: 'open', to: 'acknowledged', roles: FOLLOW, label: msg('sentiment.action.acknowledge') },
    { from: 'open', to: 'closed', roles: FOLLOW, requiresReason: true, label: msg('sentiment.action.close') },
    { from: 'acknowledged', to: 'closed', roles: FOLLOW, requiresReason: true, label: msg('sentiment.action.close') },
  ],
  store: { table: 'sentiment_alert', idColumn: 'id', stateColumn: 'status', versionColumn: 'version', provinceColumn: 'province_id' },
});
