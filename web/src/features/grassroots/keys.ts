/** The outbox key of a logged field visit (stored entries keep it across releases). */
export const LOG_VISIT_OUTBOX_KEY = 'grassrootsEndpoints.logVisit';
/** The outbox key of a recorded briefing (giao ban) of a bloc or team. */
export const RECORD_BRIEFING_OUTBOX_KEY = 'grassrootsEndpoints.recordBriefing';
