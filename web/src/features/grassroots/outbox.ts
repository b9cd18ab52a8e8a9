import { grassrootsEndpoints } from '#contracts/grassroots/api.ts';
import { registerOutboxEndpoint } from '../../components/outbox/sender.ts';
import { LOG_VISIT_OUTBOX_KEY, RECORD_BRIEFING_OUTBOX_KEY } from './keys.ts';

/** The outbox target of the visit form (key announced in index.ts). */
export const logVisitOutbox = registerOutboxEndpoint(LOG_VISIT_OUTBOX_KEY, grassrootsEndpoints.logVisit);
/** The outbox target of the briefing form (key announced in index.ts). */
export const recordBriefingOutbox = registerOutboxEndpoint(RECORD_BRIEFING_OUTBOX_KEY, grassrootsEndpoints.recordBriefing);
