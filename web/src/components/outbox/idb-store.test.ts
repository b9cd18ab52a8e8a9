import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localStorageStore, openIdbStore, openOutboxStore, tabChannel, webLock } from './idb-store.ts';
import type { OutboxEntry } from './outbox.ts';

const entry = (id: string, state: OutboxEntry['state'] = 'queued'): OutboxEntry => ({
  id,
  endpoint: 'indicatorEndpoints.putValues',
  input: { body: { values: [{ writeId: id, value: 1 }] } },
  coalesceKey: `12|202603|${id}|1`,
  userId: 3,
  createdAt: 1,
  attempts: 0,
  nextAttemptAt: 1,
  state,
});

/** A Storage over a Map, as a browser without IndexedDB would give. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('outbox stores', () => {
  it('IndexedDB: put replaces by id, delete removes, and a second connection (another tab) sees the same entries', async () => {
    const factory = new IDBFactory();
    const store = await openIdbStore(factory);
    await store.put(entry('a'));
    await store.put(entry('b'));
    await store.put(entry('a', 'sending'));
    await store.delete('b');
    expect(await (await openIdbStore(factory)).getAll()).toEqual([entry('a', 'sending')]);
    expect(await factory.databases()).toEqual([{ name: 'dvs-outbox', version: 1 }]);
  });

  it('falls back to localStorage when IndexedDB will not open (here: a newer version of the database)', async () => {
    const factory = new IDBFactory();
    await new Promise((done) => (factory.open('dvs-outbox', 2).onsuccess = (event) => done((event.target as IDBOpenDBRequest).result.close())));
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const store = openOutboxStore(factory);
    await store.put(entry('a'));
    expect(JSON.parse(storage.getItem('dvs-outbox') ?? '')).toEqual([entry('a')]);
    expect(await store.getAll()).toEqual([entry('a')]);
  });

  it('localStorage without IndexedDB; memory when neither exists', async () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const store = openOutboxStore(undefined);
    await store.put(entry('a'));
    await store.put(entry('b'));
    await store.delete('a');
    expect(JSON.parse(storage.getItem('dvs-outbox') ?? '')).toEqual([entry('b')]);

    const memory = localStorageStore(null);
    await memory.put(entry('c'));
    expect(await memory.getAll()).toEqual([entry('c')]);
  });
});

describe('between tabs', () => {
  it('the lock is the Web Lock "dvs-outbox" when the browser has Web Locks, else the task runs at once', async () => {
    expect(await webLock(async () => 'no locks')).toBe('no locks');
    const request = vi.fn((_name: string, task: () => Promise<string>) => task());
    vi.stubGlobal('navigator', { locks: { request } });
    expect(await webLock(async () => 'locked')).toBe('locked');
    expect(request.mock.calls.map(([name]) => name)).toEqual(['dvs-outbox']);
  });

  it('a change posted in one tab reaches the others, not itself', async () => {
    const a = tabChannel();
    const b = tabChannel();
    const heardByA = vi.fn();
    const heardByB = vi.fn();
    a.listen(heardByA);
    b.listen(heardByB);
    a.post();
    await vi.waitFor(() => expect(heardByB).toHaveBeenCalledTimes(1));
    expect(heardByA).toHaveBeenCalledTimes(0);
    a.close();
    b.close();
  });
});
