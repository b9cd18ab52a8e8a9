import { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endpoint } from '#contracts/endpoint.ts';
import { ApiError, setCsrfToken } from '../../api/client.ts';
import type { OutboxEntry } from './outbox.ts';
import { announceOutboxEndpoint, classifySendError, isOutboxEndpoint, registerOutboxEndpoint, SEND_TIMEOUT_MS, sendOutboxEntry } from './sender.ts';

const putValues = endpoint({
  method: 'PUT',
  path: '/api/test/:unitId/values',
  summary: 'test',
  params: z.object({ unitId: z.number() }),
  body: z.object({ values: z.array(z.object({ writeId: z.string(), value: z.number() })) }),
  response: z.object({ ok: z.literal(true) }),
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('outbox sender', () => {
  it('network errors, 408, 429 (with Retry-After), 5xx, a lapsed session and a missing CSRF token are retried', () => {
    const retried = [
      new ApiError(0, 'network', 'Không kết nối được máy chủ.'),
      new ApiError(408, 'http', 'Hết giờ.'),
      new ApiError(429, 'rate_limited', 'Quá nhiều yêu cầu.', [], 30),
      new ApiError(502, 'http', 'Lỗi 502'),
      new ApiError(401, 'unauthorized', 'Phiên đã hết.'),
      new ApiError(403, 'csrf', 'Thiếu mã CSRF.'),
      new ApiError(403, 'password_change_required', 'Đổi mật khẩu.'),
    ].map(classifySendError);
    expect(retried).toEqual([
      { retry: true, error: 'Không kết nối được máy chủ.' },
      { retry: true, error: 'Hết giờ.' },
      { retry: true, error: 'Quá nhiều yêu cầu.', retryAfterMs: 30_000 },
      { retry: true, error: 'Lỗi 502' },
      { retry: true, error: 'Phiên đã hết.' },
      { retry: true, error: 'Thiếu mã CSRF.' },
      { retry: true, error: 'Đổi mật khẩu.' },
    ]);
  });

  it('other 4xx are refusals, kept with the server message', () => {
    expect([400, 403, 404, 409].map((status) => classifySendError(new ApiError(status, 'x', `Từ chối ${status}`)))).toEqual([
      { retry: false, error: 'Từ chối 400' },
      { retry: false, error: 'Từ chối 403' },
      { retry: false, error: 'Từ chối 404' },
      { retry: false, error: 'Từ chối 409' },
    ]);
  });

  it('sends the stored input to the registered endpoint through call(), with the CSRF header', async () => {
    const target = registerOutboxEndpoint('test.putValues', putValues);
    expect(target).toEqual({ key: 'test.putValues', endpoint: putValues });
    expect(registerOutboxEndpoint('test.putValues', putValues)).toEqual(target);
    expect(() => registerOutboxEndpoint('test.putValues', { ...putValues })).toThrow('already registered');
    expect([isOutboxEndpoint('test.putValues'), isOutboxEndpoint('test.other')]).toEqual([true, false]);

    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('{"ok":true}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('token-1');
    const input = { params: { unitId: 12 }, body: { values: [{ writeId: 'w1', value: 7 }] } };
    const entry = { id: 'w1', endpoint: 'test.putValues', input } as OutboxEntry;
    expect(await sendOutboxEntry(entry)).toBe('ok');
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect([url, init?.method, init?.body, (init?.headers as Record<string, string>)['x-csrf-token']]).toEqual([
      '/api/test/12/values',
      'PUT',
      JSON.stringify(input.body),
      'token-1',
    ]);

    fetch.mockResolvedValueOnce(new Response('{"error":"locked","message":"Kỳ đã khóa."}', { status: 409 }));
    expect(await sendOutboxEntry(entry)).toEqual({ retry: false, error: 'Kỳ đã khóa.' });
    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await sendOutboxEntry(entry)).toEqual({ retry: true, error: 'Không kết nối được máy chủ. Kiểm tra đường truyền rồi thử lại.' });
    setCsrfToken(null);
  });

  it('a send with no answer for 60 s is given up and retried, so it does not hold the other tabs', async () => {
    vi.useFakeTimers();
    registerOutboxEndpoint('test.putValues', putValues);
    vi.stubGlobal('fetch', () => new Promise(() => {}));
    const input = { params: { unitId: 12 }, body: { values: [] } };
    const result = sendOutboxEntry({ id: 'w1', endpoint: 'test.putValues', input } as unknown as OutboxEntry);
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS);
    expect(await result).toEqual({ retry: true, error: 'Không kết nối được máy chủ. Kiểm tra đường truyền rồi thử lại.' });
  });

  it('an announced endpoint is known at once and its contract loaded when the first entry is sent (again after a failed load)', async () => {
    const load = vi.fn<() => Promise<typeof putValues>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(putValues);
    announceOutboxEndpoint('test.announced', load);
    expect([isOutboxEndpoint('test.announced'), load.mock.calls.length]).toEqual([true, 0]);

    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('{"ok":true}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const entry = { id: 'w2', endpoint: 'test.announced', input: { params: { unitId: 7 }, body: { values: [] } } } as unknown as OutboxEntry;
    expect(await sendOutboxEntry(entry)).toEqual({ retry: true, error: 'Không kết nối được máy chủ. Kiểm tra đường truyền rồi thử lại.' });
    expect(fetch).not.toHaveBeenCalled();
    expect(await sendOutboxEntry(entry)).toBe('ok');
    expect(await sendOutboxEntry(entry)).toBe('ok');
    expect([load.mock.calls.length, fetch.mock.calls.map(([url]) => url)]).toEqual([2, ['/api/test/7/values', '/api/test/7/values']]);
  });
});
