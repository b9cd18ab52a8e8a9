import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openIdbStore, webLock } from './idb-store.ts';
import { backoffMs, Outbox, type OutboxEntry, type OutboxLock, type OutboxOptions, type SendResult } from './outbox.ts';

const T0 = Date.parse('2026-03-01T08:00:00Z');
/** Timers that never fire: these tests drive flushes themselves. */
const noTimers = { set: () => null, clear: () => {} };
const offline: SendResult = { retry: true, error: 'Không kết nối được máy chủ.' };

function deferred<T = void>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const outboxes: Outbox[] = [];
/** An outbox over a real (fake-indexeddb) IndexedDB store; `factory` shared = same browser profile, i.e. a reload or another tab. */
async function makeOutbox(factory: IDBFactory, options: Partial<OutboxOptions> & Pick<OutboxOptions, 'send'>) {
  const store = await openIdbStore(factory);
  const outbox = new Outbox({ store, now: () => T0, random: () => 0, timers: noTimers, onError: () => {}, ...options });
  outboxes.push(outbox);
  return { outbox, store };
}

/** A write to one indicator cell, carrying its write id in the body as the contract wants. */
const cellWrite = (key: string, value: number) => ({
  endpoint: 'indicatorEndpoints.putValues',
  coalesceKey: key,
  input: (writeId: string) => ({ body: { values: [{ writeId, value }] } }),
});
const valueOf = (entry: OutboxEntry) => (entry.input as { body: { values: { value: number }[] } }).body.values[0]?.value;

afterEach(() => {
  for (const outbox of outboxes.splice(0)) outbox.dispose();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('outbox: stored before sending, kept across reloads', () => {
  it('enqueue commits the entry to the store before the send starts, with the write id in the input', async () => {
    const factory = new IDBFactory();
    const seenAtSend: unknown[] = [];
    const { outbox, store } = await makeOutbox(factory, {
      send: async () => {
        seenAtSend.push((await store.getAll()).map(({ id, state }) => ({ id, state })));
        return 'ok';
      },
    });
    const entry = await outbox.enqueue(cellWrite('12|202603|5|1', 7));
    await outbox.flush();
    expect(entry).toEqual({
      id: entry.id,
      endpoint: 'indicatorEndpoints.putValues',
      input: { body: { values: [{ writeId: entry.id, value: 7 }] } },
      coalesceKey: '12|202603|5|1',
      userId: null,
      createdAt: T0,
      attempts: 0,
      nextAttemptAt: T0,
      state: 'queued',
    });
    expect(entry.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(entry.id.replace(/-/g, '').slice(0, 12), 16)).toBe(T0);
    expect(seenAtSend).toEqual([[{ id: entry.id, state: 'sending' }]]);
    expect(await store.getAll()).toEqual([]);
    expect(outbox.getSnapshot()).toEqual({ entries: [], sent: 1, sending: false });
  });

  it('queued entries survive a reload: a new Outbox on the same database sends them, in order, under the same ids', async () => {
    const factory = new IDBFactory();
    const before = await makeOutbox(factory, { send: async () => offline });
    const first = await before.outbox.enqueue(cellWrite('12|202603|5|1', 7));
    const second = await before.outbox.enqueue({ ...cellWrite('12|202603|6|1', 3), input: { body: { note: 'x' } } });
    await before.outbox.flush();
    before.outbox.dispose(); // the page goes away
    expect([first.createdAt, second.createdAt]).toEqual([T0, T0 + 1]); // same millisecond: still ordered

    const sent: string[] = [];
    const after = await makeOutbox(factory, { send: async (entry) => (sent.push(entry.id), 'ok') });
    await after.outbox.refresh();
    expect(after.outbox.getSnapshot().entries.map(({ id, state, attempts }) => ({ id, state, attempts }))).toEqual([
      { id: first.id, state: 'queued', attempts: 1 },
      { id: second.id, state: 'queued', attempts: 1 },
    ]);
    await after.outbox.flush({ force: true });
    expect(sent).toEqual([first.id, second.id]);
    expect(await after.store.getAll()).toEqual([]);
  });

  it('an entry whose answer was lost is sent again under the same write id, so the server stores it once', async () => {
    const factory = new IDBFactory();
    const server = new Map<string, number>();
    const writeIds: string[] = [];
    /** The server stores by write id ("insert … on conflict do nothing"); the first answer never arrives. */
    const send = async (entry: OutboxEntry): Promise<SendResult> => {
      const { writeId, value } = (entry.input as { body: { values: { writeId: string; value: number }[] } }).body.values[0] ?? {};
      writeIds.push(writeId ?? '');
      if (writeId && !server.has(writeId)) server.set(writeId, value ?? 0);
      return writeIds.length === 1 ? offline : 'ok';
    };
    const { outbox, store } = await makeOutbox(factory, { send });
    const entry = await outbox.enqueue(cellWrite('12|202603|5|1', 7));
    await outbox.flush();
    expect(await store.getAll()).toEqual([{ ...entry, state: 'queued', attempts: 1, nextAttemptAt: T0 + 1000, error: offline.error }]);
    await outbox.flush({ force: true });
    expect(writeIds).toEqual([entry.id, entry.id]);
    expect([...server]).toEqual([[entry.id, 7]]);
    expect(await store.getAll()).toEqual([]);
  });

  it('an entry left "sending" by a closed tab is sent by the next page, under its id', async () => {
    const factory = new IDBFactory();
    const never = deferred<SendResult>();
    const closed = await makeOutbox(factory, { send: () => never.promise });
    const entry = await closed.outbox.enqueue(cellWrite('12|202603|5|1', 7));
    await vi.waitFor(async () => expect((await closed.store.getAll())[0]?.state).toBe('sending'));

    const sent: string[] = [];
    const next = await makeOutbox(factory, { send: async (e) => (sent.push(e.id), 'ok') });
    await next.outbox.flush();
    expect(sent).toEqual([entry.id]);
    expect(await next.store.getAll()).toEqual([]);
  });
});

describe('outbox: coalescing by key', () => {
  it('a cell edited five times while another tab holds the lock is stored once and sent once, with the last value', async () => {
    const factory = new IDBFactory();
    const otherTab = deferred();
    const lock: OutboxLock = (task) => otherTab.promise.then(task);
    const sent: OutboxEntry[] = [];
    const { outbox, store } = await makeOutbox(factory, { lock, send: async (entry) => (sent.push(entry), 'ok') });
    const entries = [];
    for (const value of [1, 2, 3, 4, 5]) entries.push(await outbox.enqueue(cellWrite('12|202603|5|1', value)));
    const other = await outbox.enqueue(cellWrite('12|202603|6|1', 9));
    expect((await store.getAll()).map((entry) => entry.id).sort()).toEqual([entries[4]?.id, other.id].sort());
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(5);
    otherTab.resolve();
    await outbox.flush();
    expect(sent.map((entry) => [entry.id, valueOf(entry)])).toEqual([
      [entries[4]?.id, 5],
      [other.id, 9],
    ]);
    expect(outbox.getSnapshot().sent).toBe(2);
  });

  it('an entry on the wire is not replaced: the newer write of the key follows it', async () => {
    const factory = new IDBFactory();
    const answer = deferred<SendResult>();
    const sent: number[] = [];
    const { outbox } = await makeOutbox(factory, {
      send: (entry) => (sent.push(valueOf(entry) ?? 0), sent.length === 1 ? answer.promise : Promise.resolve('ok')),
    });
    await outbox.enqueue(cellWrite('12|202603|5|1', 1));
    await vi.waitFor(() => expect(sent).toEqual([1]));
    await outbox.enqueue(cellWrite('12|202603|5|1', 2));
    expect(outbox.getSnapshot().entries.map((entry) => [valueOf(entry), entry.state])).toEqual([
      [1, 'sending'],
      [2, 'queued'],
    ]);
    answer.resolve('ok');
    await outbox.flush();
    expect(sent).toEqual([1, 2]);
    expect(outbox.getSnapshot().entries).toEqual([]);
  });
});

describe('outbox: retries and refusals', () => {
  it('backoff 1, 2, 4 … 60 s (+ up to a fifth of jitter), honouring Retry-After', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempts) => backoffMs(attempts, 0))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ]);
    expect(backoffMs(1, 0.5)).toBe(1100);
    expect(backoffMs(7, 0.999)).toBe(71988);
  });

  it('with fake timers: retried after 1, 2, 4, 8, 16, 32, 60, 60 s, then at once when the network returns', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 }); // IndexedDB runs on real setImmediate
    const factory = new IDBFactory();
    const sentAt: number[] = [];
    let online = false;
    const store = await openIdbStore(factory);
    const outbox = new Outbox({ store, random: () => 0, send: async () => (sentAt.push(Date.now() - T0), online ? 'ok' : offline) });
    outboxes.push(outbox);
    await outbox.enqueue(cellWrite('12|202603|5|1', 7));
    await outbox.flush();
    for (const wait of [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]) {
      const calls = sentAt.length;
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(sentAt.length).toBe(calls);
      await vi.advanceTimersByTimeAsync(1);
      await outbox.flush(); // joins the flush the timer started
      expect(sentAt.length).toBe(calls + 1);
    }
    expect(sentAt).toEqual([0, 1000, 3000, 7000, 15000, 31000, 63000, 123000, 183000]);
    expect((await store.getAll())[0]).toMatchObject({ attempts: 9, nextAttemptAt: T0 + 243000, state: 'queued' });
    online = true;
    await vi.advanceTimersByTimeAsync(5000);
    await outbox.flush({ force: true }); // the hook does this on `online`
    expect(sentAt).toEqual([0, 1000, 3000, 7000, 15000, 31000, 63000, 123000, 183000, 188000]);
    expect(await store.getAll()).toEqual([]);
  });

  it('a 429 with Retry-After waits as long as the server asks', async () => {
    const { outbox, store } = await makeOutbox(new IDBFactory(), {
      send: async () => ({ retry: true, error: 'Quá nhiều yêu cầu.', retryAfterMs: 30_000 }),
    });
    await outbox.enqueue(cellWrite('12|202603|5|1', 7));
    await outbox.flush();
    expect((await store.getAll())[0]?.nextAttemptAt).toBe(T0 + 30_000);
  });

  it('a refusal (4xx) marks the entry failed with the server message and keeps it; other entries still go; retry and discard', async () => {
    const refused = { retry: false, error: 'Kỳ báo cáo tháng 3/2026 đã khóa.' };
    let refuse = true;
    const sent: number[] = [];
    const { outbox, store } = await makeOutbox(new IDBFactory(), {
      send: async (entry) => {
        sent.push(valueOf(entry) ?? 0);
        return valueOf(entry) === 7 && refuse ? refused : 'ok';
      },
    });
    const locked = await outbox.enqueue(cellWrite('12|202603|5|1', 7));
    await outbox.enqueue(cellWrite('12|202603|6|1', 8));
    await outbox.flush();
    expect(sent).toEqual([7, 8]);
    expect(await store.getAll()).toEqual([{ ...locked, state: 'failed', attempts: 1, error: refused.error }]);
    expect(outbox.getSnapshot().sent).toBe(1);

    await outbox.flush({ force: true }); // failed entries wait for the user, even when the network returns
    expect(sent).toEqual([7, 8]);

    await outbox.retry(locked.id);
    await outbox.flush();
    expect(sent).toEqual([7, 8, 7]);
    expect((await store.getAll())[0]).toMatchObject({ state: 'failed', attempts: 1 });

    refuse = false;
    await outbox.discard(locked.id);
    expect(await store.getAll()).toEqual([]);
    expect(outbox.getSnapshot()).toEqual({ entries: [], sent: 1, sending: false });
  });

  it('a newer write of the key replaces a failed one', async () => {
    const { outbox, store } = await makeOutbox(new IDBFactory(), { send: async () => ({ retry: false, error: 'Giá trị không hợp lệ.' }) });
    await outbox.enqueue(cellWrite('12|202603|5|1', -1));
    await outbox.flush();
    const newer = await outbox.enqueue(cellWrite('12|202603|5|1', 4));
    await outbox.flush();
    expect((await store.getAll()).map((entry) => [entry.id, valueOf(entry), entry.state])).toEqual([[newer.id, 4, 'failed']]);
  });

  it('entries it is not ready for (another user, endpoint not registered yet) wait without holding back the rest', async () => {
    const sent: (number | null)[] = [];
    const { outbox, store } = await makeOutbox(new IDBFactory(), {
      ready: (entry) => entry.userId === 1,
      send: async (entry) => (sent.push(entry.userId), 'ok'),
    });
    const theirs = await outbox.enqueue({ ...cellWrite('12|202603|5|1', 7), userId: 2 });
    await outbox.enqueue({ ...cellWrite('12|202603|6|1', 7), userId: 1 });
    await outbox.flush();
    expect(sent).toEqual([1]);
    expect((await store.getAll()).map((entry) => entry.id)).toEqual([theirs.id]);
  });
});

describe('outbox: two tabs', () => {
  /** navigator.locks as the browser does it: one holder per name, the others wait their turn. */
  function mockLocks() {
    let tail: Promise<unknown> = Promise.resolve();
    const request = vi.fn((_name: string, task: () => Promise<unknown>) => {
      const run = tail.then(task);
      tail = run.catch(() => undefined);
      return run;
    });
    vi.stubGlobal('navigator', { locks: { request } });
    return request;
  }

  /** Tab a sends an entry; while its answer is pending, tab b flushes too. `bSends`: wait for b's send (no lock). */
  async function twoTabs(lock: OutboxLock, bSends = false) {
    const factory = new IDBFactory();
    const answer = deferred<SendResult>();
    const sends: string[] = [];
    const tab = (name: string) => makeOutbox(factory, { lock, send: (entry) => (sends.push(`${name}:${entry.id}`), answer.promise) });
    const a = await tab('a');
    const b = await tab('b');
    const entry = await a.outbox.enqueue(cellWrite('12|202603|5|1', 7));
    await vi.waitFor(() => expect(sends).toEqual([`a:${entry.id}`]));
    const bFlush = b.outbox.flush({ force: true }); // tab b comes back online while a is sending
    if (bSends) await vi.waitFor(() => expect(sends).toHaveLength(2));
    else await new Promise((done) => setTimeout(done, 50)); // time enough for b to send, were it not waiting
    answer.resolve('ok');
    await Promise.all([a.outbox.flush(), bFlush]);
    return { sends, entry, store: a.store };
  }

  it('sharing the store and the Web Lock, the second tab waits and finds nothing left to send', async () => {
    const request = mockLocks();
    const { sends, entry, store } = await twoTabs(webLock);
    expect(sends).toEqual([`a:${entry.id}`]);
    expect(await store.getAll()).toEqual([]);
    expect(request.mock.calls.every(([name]) => name === 'dvs-outbox')).toBe(true);
  });

  it('without a lock both tabs would send it (the same write id keeps that harmless)', async () => {
    const { sends, entry } = await twoTabs((task) => task(), true);
    expect(sends).toEqual([`a:${entry.id}`, `b:${entry.id}`]);
  });
});
