import { sentimentEndpoints } from '#contracts/sentiment/api.ts';
import { registerOutboxEndpoint } from '../../components/outbox/sender.ts';
import { SENTIMENT_OUTBOX_KEY } from './keys.ts';

/** The outbox target of the report form (key announced in index.ts). */
export const sentimentReportOutbox = registerOutboxEndpoint(SENTIMENT_OUTBOX_KEY, sentimentEndpoints.createReport);
