import { reportEndpoints } from '#contracts/indicators/reports.api.ts';
import { registerOutboxEndpoint } from '../../components/outbox/sender.ts';
import { PUT_VALUES_OUTBOX_KEY } from './index.ts';

/** The outbox target of the entry form: values are written through PUT …/values (key announced in index.ts). */
export const putValuesOutbox = registerOutboxEndpoint(PUT_VALUES_OUTBOX_KEY, reportEndpoints.putValues);
