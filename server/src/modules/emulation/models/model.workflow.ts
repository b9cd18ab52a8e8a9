import type { TRole } from '#contracts/auth.ts';
import type { TModelStatus } from '#contracts/emulation/enums.ts';
import { PERMISSIONS, type TAction } from '#contracts/permissions.ts';
import { defineWorkflow } from '#server/platform/workflow/workflow.ts';
import { msg } from '#server/shared/messages.ts';

/** The roles the permission table grants an action (the service then checks the grant's reach: own organisation). */
const rolesWith = (action: TAction): TRole[] => Object.keys(PERMISSIONS[action].roles) as TRole[];

const REGISTER = rolesWith('emulation.registerModels');
const REVIEW = rolesWith('emulation.review');
const RECOGNIZE = rolesWith('emulation.recognize');

/**
 * The lifecycle of an exemplary model on the platform's workflow helper: registered → building → publicly reviewed
 * → recognised at a level → commended; withdrawn before recognition. A recognised model may be reviewed again and
 * recognised at a higher level (the province after the commune). Every move checks the roles and the version the
 * user saw and writes a workflow_transition row; the service writes the emulation_model_step beside it.
 */
export const modelWorkflow = defineWorkflow<TModelStatus>({
  entityType: 'emulation_model',
  label: msg('emulation.models.workflow.label'),
  states: {
    registered: msg('emulation.models.status.registered'),
    building: msg('emulation.models.status.building'),
    reviewed: msg('emulation.models.status.reviewed'),
    recognised: msg('emulation.models.status.recognised'),
    commended: msg('emulation.models.status.commended'),
    withdrawn: msg('emulation.models.status.withdrawn'),
  },
  transitions: [
    { from: 'registered', to: 'building', roles: REGISTER, label: msg('emulation.models.action.building') },
    { from: 'registered', to: 'withdrawn', roles: REGISTER, requiresReason: true, label: msg('emulation.models.action.withdrawn') },
    { from: 'building', to: 'reviewed', roles: REVIEW, label: msg('emulation.models.action.reviewed') },
    { from: 'building', to: 'withdrawn', roles: REGISTER, requiresReason: true, label: msg('emulation.models.action.withdrawn') },
    { from: 'reviewed', to: 'recognised', roles: RECOGNIZE, label: msg('emulation.models.action.recognised') },
    { from: 'reviewed', to: 'withdrawn', roles: REGISTER, requiresReason: true, label: msg('emulation.models.action.withdrawn') },
    // a higher level reviews a recognised model again before recognising it in turn
    { from: 'recognised', to: 'reviewed', roles: REVIEW, label: msg('emulation.models.action.reviewed') },
    { from: 'recognised', to: 'commended', roles: RECOGNIZE, label: msg('emulation.models.action.commended') },
    { from: 'commended', to: 'reviewed', roles: REVIEW, label: msg('emulation.models.action.reviewed') },
  ],
  store: { table: 'emulation_model', idColumn: 'id', stateColumn: 'status', versionColumn: 'version', provinceColumn: 'province_id' },
});
