import { surveyEndpoints } from '#contracts/surveys/api.ts';
import { registerOutboxEndpoint } from '../../components/outbox/sender.ts';
import { STAFF_SUBMIT_OUTBOX_KEY } from '../surveys-public/keys.ts';

/** The outbox target of the paper keying screen (key announced in index.ts). */
export const staffSubmitOutbox = registerOutboxEndpoint(STAFF_SUBMIT_OUTBOX_KEY, surveyEndpoints.submit);
