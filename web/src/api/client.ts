import { buildUrl, type Endpoint, type EndpointInput, type EndpointOutput } from '#contracts/endpoint.ts';
import { ZError } from '#contracts/common.ts';
import { t } from '../i18n/i18n.ts';

/** A failed API call: `message` is the server's Vietnamese message, shown to the user as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly { field: string; message: string }[] = [],
    /** With 429: seconds before the server accepts another attempt. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Multipart endpoints also take the uploaded file (sent in the field `file`). */
type CallInput<E> = EndpointInput<E> & (E extends { multipart: true } ? { file: Blob } : { file?: undefined });

/** Endpoints whose every input part is optional may be called without an input. */
type CallArgs<E> = object extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>];

let csrfToken: string | null = null;

/** The session's CSRF token, echoed by login and /me; sent on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function requestBody(
  endpoint: Endpoint,
  input: { body?: unknown; file?: Blob } | undefined,
): { body: BodyInit | undefined; headers: Record<string, string> } {
  if (endpoint.multipart) {
    const form = new FormData();
    for (const [key, value] of Object.entries((input?.body ?? {}) as Record<string, unknown>)) {
      if (value !== undefined && value !== null) form.append(key, String(value));
    }
    if (input?.file) form.append('file', input.file, input.file instanceof File ? input.file.name : 'file');
    return { body: form, headers: {} };
  }
  if (input?.body === undefined) return { body: undefined, headers: {} };
  return { body: JSON.stringify(input.body), headers: { 'content-type': 'application/json' } };
}

async function toApiError(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => null);
  const parsed = ZError.safeParse(json);
  if (parsed.success) {
    const { error, message, fields, retryAfterSeconds } = parsed.data;
    return new ApiError(response.status, error, message, fields, retryAfterSeconds);
  }
  return new ApiError(response.status, 'http', t('error.http', { status: response.status }));
}

/**
 * Calls one contract endpoint: path from `params`, query string from `query`, JSON `body` (or FormData with
 * `file` for multipart endpoints), the CSRF header on writes. Resolves with the typed response; rejects with
 * an ApiError carrying the server's Vietnamese message.
 */
export async function call<E extends Endpoint>(endpoint: E, ...args: CallArgs<E>): Promise<EndpointOutput<E>> {
  const input = args[0] as { params?: object; query?: object; body?: unknown; file?: Blob } | undefined;
  const url = buildUrl(endpoint.path, input?.params, input?.query);
  const { body, headers } = requestBody(endpoint, input);
  const csrf: Record<string, string> = endpoint.method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {};
  let response: Response;
  try {
    response = await fetch(url, {
      method: endpoint.method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...headers, ...csrf },
      body,
    });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as EndpointOutput<E>;
}

/** True when an error means the session is gone (the app then shows the login page). */
export const isUnauthorized = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

/** True when the server refuses everything until the user changes the password an administrator set. */
export const isPasswordChangeRequired = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 403 && error.code === 'password_change_required';

/** The message to show for any error: the server's Vietnamese text, or a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t('error.unknown');
}
