import type { TMe } from '#contracts/auth.ts';
import { can } from '../../app/can.ts';

/** The survey rights (contracts/permissions.ts): read by everyone, managed and keyed by the keepers. */
export type SurveyAction = 'surveys.read' | 'surveys.manage' | 'surveys.enter' | 'surveys.readSensitive';

/** Whether the signed-in user holds a survey right (a hint: the server decides, within the user's scope). */
export const canSurveys = (me: TMe | null | undefined, action: SurveyAction): boolean => can(me, action);
