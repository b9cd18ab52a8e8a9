import { buildUrl, type Endpoint, type EndpointInput, type EndpointOutput } from '#contracts/endpoint.ts';

/** A response as tests see it: status plus parsed JSON (or text). */
export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  /** `headers` go with every request (e.g. X-Forwarded-For to act as another client behind a trusted proxy). */
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  /** Signs in and remembers cookie and CSRF token; returns the login response. */
  async login(username: string, password: string) {
    const response = await this.request('POST', '/api/auth/login', { username, password });
    if (response.status === 200) this.csrfToken = (response.body as { csrfToken: string }).csrfToken;
    return response;
  }

  /** Raw request. `body` is JSON unless it is FormData or a string (sent as is with `contentType`). */
  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { contentType?: string; csrf?: boolean } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...this.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrfToken && options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (typeof body === 'string') {
      payload = body;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload ?? null });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** Calls a contract endpoint; the body type is the endpoint's response (check `status` first). */
  async call<E extends Endpoint>(endpoint: E, input: EndpointInput<E>): Promise<TestResponse<EndpointOutput<E>>> {
    const { params, query } = input as { params?: object; query?: object };
    const url = buildUrl(endpoint.path, params, query);
    const body = (input as { body?: unknown }).body;
    return this.request<EndpointOutput<E>>(endpoint.method, url, body);
  }

  /** Uploads a file to a multipart endpoint. */
  async upload<E extends Endpoint>(endpoint: E, input: EndpointInput<E>, filename: string, data: Buffer | string) {
    const form = new FormData();
    form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), filename);
    const { params, query } = input as { params?: object; query?: object };
    const url = buildUrl(endpoint.path, params, query);
    return this.request<EndpointOutput<E>>(endpoint.method, url, form);
  }
}

/** The `{ error, message }` body of a failed response (the success type says nothing about it). */
export function errorBody(response: TestResponse<unknown>): { error: string; message: string; fields?: { field: string; message: string }[] } {
  return response.body as { error: string; message: string };
}
