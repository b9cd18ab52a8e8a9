/** The report form's outbox key: named after the contract export, stable across releases (stored entries keep it). */
export const SENTIMENT_OUTBOX_KEY = 'sentimentEndpoints.createReport';
