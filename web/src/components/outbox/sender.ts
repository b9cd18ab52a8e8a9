import type { Endpoint, EndpointInput } from '#contracts/endpoint.ts';
import { ApiError, call, errorMessage } from '../../api/client.ts';
import { t } from '../../i18n/i18n.ts';
import type { OutboxEntry, SendResult } from './outbox.ts';

/**
 * Entries name their endpoint by a key string, because a contract declaration (with its zod schemas) cannot be
 * stored in IndexedDB; this registry maps the key back. Announce the key in the feature's index.ts
 * (`announceOutboxEndpoint`) so the endpoint is known right after a reload, before its page loads; the contract
 * itself is loaded when an entry is sent, so the first load (the login page) does without it.
 */
const registry = new Map<string, Endpoint>();
const announced = new Map<string, () => Promise<Endpoint>>();
const registrationListeners = new Set<() => void>();

/** A registered endpoint: what `enqueue` takes, typed by the contract so the stored input is right. */
export interface OutboxEndpoint<E extends Endpoint> {
  key: string;
  endpoint: E;
}

/** JSON endpoints only: an uploaded file cannot wait in the outbox. */
export type OutboxInput<E extends Endpoint> = E extends { multipart: true } ? never : EndpointInput<E>;

/**
 * Maps `key` to a contract endpoint for the outbox; the same key twice must be the same endpoint. Name the key after
 * the contract export ('indicatorEndpoints.putValues'), which stays stable across releases (stored entries keep it)
 * and is not mistaken by check-i18n for a message key, as 'indicators.putValues' would be.
 */
export function registerOutboxEndpoint<E extends Endpoint>(key: string, endpoint: E): OutboxEndpoint<E> {
  const known = registry.get(key);
  if (known && known !== endpoint) throw new Error(`outbox endpoint ${key} is already registered for ${known.path}`);
  registry.set(key, endpoint);
  for (const listener of registrationListeners) listener();
  return { key, endpoint };
}

/**
 * Makes `key` known without loading its contract: `load` imports the module that registers it (the feature's
 * outbox.ts) and answers the endpoint. Entries of the key are sent from now on, whichever page is open.
 */
export function announceOutboxEndpoint(key: string, load: () => Promise<Endpoint>): void {
  announced.set(key, load);
  for (const listener of registrationListeners) listener();
}

export const isOutboxEndpoint = (key: string): boolean => registry.has(key) || announced.has(key);

async function endpointOf(key: string): Promise<Endpoint | undefined> {
  const known = registry.get(key);
  if (known) return known;
  const load = announced.get(key);
  if (!load) return undefined;
  const endpoint = await load();
  return registry.get(key) ?? registerOutboxEndpoint(key, endpoint).endpoint;
}

/** Called on every registration: the outbox sends entries that were waiting for their endpoint. */
export function onOutboxEndpointRegistered(listener: () => void): () => void {
  registrationListeners.add(listener);
  return () => registrationListeners.delete(listener);
}

/** Statuses worth trying again: timeout, too many requests, server errors (and no answer at all, status 0). */
const RETRY_STATUSES = new Set([0, 408, 429]);

/**
 * Retry or give up. Besides network errors, 408, 429 and 5xx, a lapsed session (401), a password change due or a
 * CSRF token not loaded yet (403 `password_change_required` / `csrf`) also wait: the user's work must survive
 * signing in again. Every other 4xx is the server refusing this write (locked period, stale report): failed, with
 * its message. An error that is not an HTTP answer (a cut response) is retried: the write id makes it harmless.
 */
export function classifySendError(error: unknown): Exclude<SendResult, 'ok'> {
  if (!(error instanceof ApiError)) return { retry: true, error: errorMessage(error) };
  const waits =
    RETRY_STATUSES.has(error.status) ||
    error.status >= 500 ||
    error.status === 401 ||
    (error.status === 403 && (error.code === 'password_change_required' || error.code === 'csrf'));
  const retryAfterMs = error.retryAfterSeconds === undefined ? {} : { retryAfterMs: error.retryAfterSeconds * 1000 };
  return { retry: waits, error: error.message, ...retryAfterMs };
}

/**
 * A send that hangs (a stalled mobile link) is given up after this long so that it does not hold the lock every
 * tab waits on; it is then retried, and should the first one arrive after all, the write id makes that harmless.
 */
export const SEND_TIMEOUT_MS = 60_000;

async function withinTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ApiError(0, 'timeout', t('error.network'))), SEND_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The outbox's `send`: the entry's stored input to its registered endpoint through `call()`. */
export async function sendOutboxEntry(entry: OutboxEntry): Promise<SendResult> {
  let endpoint: Endpoint | undefined;
  try {
    endpoint = await endpointOf(entry.endpoint);
  } catch {
    // its code could not be loaded (no connection): tried again like a send
    return { retry: true, error: t('error.network') };
  }
  if (!endpoint) return { retry: true, error: `unregistered outbox endpoint ${entry.endpoint}` };
  try {
    await withinTimeout((call as (endpoint: Endpoint, input: unknown) => Promise<unknown>)(endpoint, entry.input));
    return 'ok';
  } catch (error) {
    return classifySendError(error);
  }
}
