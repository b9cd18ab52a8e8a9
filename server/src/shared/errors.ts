import { FIELD_LABELS } from '#contracts/messages.ts';
import { msg, type MessageKey } from './messages.ts';

/** An error with an HTTP status and a Vietnamese message for the user. Thrown by services, rendered by app.ts. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

/** 429 saying when to try again: the error handler sends `retryAfterSeconds` and a Retry-After header. */
export class RetryLaterError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, message);
  }
}

/** A key of the catalogue naming a kind of record, for 404s ("Đơn vị", "Tệp"). */
export type EntityKey = Extract<MessageKey, `entity.${string}`>;

export const notFound = (what: EntityKey = 'entity.record') => new AppError(404, 'not_found', msg('common.notFound', { what: msg(what) }));
export const forbidden = (message = msg('common.forbidden')) => new AppError(403, 'forbidden', message);
export const unauthorized = () => new AppError(401, 'unauthorized', msg('common.unauthorized'));
/** The user signed in with a temporary password and must choose their own before anything else. */
export const passwordChangeRequired = () => new AppError(403, 'password_change_required', msg('common.passwordChangeRequired'));
export const conflict = (message: string) => new AppError(409, 'conflict', message);
/**
 * "Đơn vị (unitId): problem": the field's Vietnamese label (contracts' FIELD_LABELS, looked up under `labelOf`,
 * which defaults to the field itself), its key, and what is wrong with it.
 */
export const fieldMessage = (field: string, problem: string, labelOf = field) =>
  msg('common.fieldProblem', { label: FIELD_LABELS[labelOf] ?? labelOf, field, problem });
/** 400 naming one field: `field` is the contract key, `problem` a catalogue message (see fieldMessage for `labelOf`). */
export const invalidField = (field: string, problem: string, labelOf = field) =>
  new AppError(400, 'validation', fieldMessage(field, problem, labelOf), [{ field, message: problem }]);
