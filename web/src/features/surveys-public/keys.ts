/** The outbox key of a respondent's response (stored entries keep it across releases). */
export const PUBLIC_SUBMIT_OUTBOX_KEY = 'surveyEndpoints.publicSubmit';
/** The outbox key of a response typed from paper by staff. */
export const STAFF_SUBMIT_OUTBOX_KEY = 'surveyEndpoints.submit';
