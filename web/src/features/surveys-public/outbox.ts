import { surveyEndpoints } from '#contracts/surveys/api.ts';
import { registerOutboxEndpoint } from '../../components/outbox/sender.ts';
import { PUBLIC_SUBMIT_OUTBOX_KEY } from './keys.ts';

/** The outbox target of the respondent's form (key announced in index.ts). */
export const publicSubmitOutbox = registerOutboxEndpoint(PUBLIC_SUBMIT_OUTBOX_KEY, surveyEndpoints.publicSubmit);
