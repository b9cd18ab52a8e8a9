/** The outbox key of a logged field visit (stored entries keep it across releases). */
export const LOG_VISIT_OUTBOX_KEY = 'grassrootsEndpoints.logVisit';
