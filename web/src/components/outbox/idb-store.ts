import type { OutboxEntry, OutboxLock, OutboxStore } from './outbox.ts';

/** Name of the database, the localStorage key, the Web Lock and the BroadcastChannel: one outbox per origin. */
export const OUTBOX_NAME = 'dvs-outbox';
const ENTRIES = 'entries';

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(OUTBOX_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(ENTRIES, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
}

/** One transaction, resolved once committed: an entry is on disk before the outbox sends it. */
function run<T>(db: IDBDatabase, mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(ENTRIES, mode);
    const request = operation(transaction.objectStore(ENTRIES));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** The outbox in IndexedDB (`dvs-outbox`, one object store keyed by id). Rejects when the browser refuses to open it. */
export async function openIdbStore(factory: IDBFactory): Promise<OutboxStore> {
  let db = await openDatabase(factory);
  // the browser may close the connection (storage pressure, another tab upgrading): open it again on next use
  let closed = false;
  const watch = (opened: IDBDatabase) => {
    opened.onclose = () => (closed = true);
    opened.onversionchange = () => {
      opened.close();
      closed = true;
    };
  };
  watch(db);
  const current = async () => {
    if (closed) {
      db = await openDatabase(factory);
      closed = false;
      watch(db);
    }
    return db;
  };
  return {
    getAll: async () => run(await current(), 'readonly', (store) => store.getAll() as IDBRequest<OutboxEntry[]>),
    put: async (entry) => void (await run(await current(), 'readwrite', (store) => store.put(entry))),
    delete: async (id) => void (await run(await current(), 'readwrite', (store) => store.delete(id))),
  };
}

/** The outbox as one JSON array in localStorage (private modes without IndexedDB), or in memory without either. */
export function localStorageStore(storage: Storage | null): OutboxStore {
  let memory: OutboxEntry[] = [];
  const read = (): OutboxEntry[] =>
    storage ? (JSON.parse(storage.getItem(OUTBOX_NAME) ?? '[]') as OutboxEntry[]) : [...memory];
  const write = (entries: OutboxEntry[]) => {
    if (storage) storage.setItem(OUTBOX_NAME, JSON.stringify(entries));
    else memory = entries;
  };
  return {
    getAll: async () => read(),
    put: async (entry) => write([...read().filter((other) => other.id !== entry.id), entry]),
    delete: async (id) => write(read().filter((other) => other.id !== id)),
  };
}

function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // some browsers throw on access when storage is blocked
  }
}

/** IndexedDB when the browser has it and lets it open, else localStorage: chosen once, on first use. */
export function openOutboxStore(factory: IDBFactory | undefined = globalThis.indexedDB): OutboxStore {
  const fallback = () => localStorageStore(browserStorage());
  let opened: Promise<OutboxStore> | null = null;
  const store = () => (opened ??= factory ? openIdbStore(factory).catch(fallback) : Promise.resolve(fallback()));
  return {
    getAll: async () => (await store()).getAll(),
    put: async (entry) => (await store()).put(entry),
    delete: async (id) => (await store()).delete(id),
  };
}

/**
 * One tab sends at a time (Web Locks; tabs queue for the lock and re-read the store once they hold it). Without
 * Web Locks each tab sends, and the write id makes a double send harmless.
 */
export const webLock: OutboxLock = (task) => {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request(OUTBOX_NAME, task) as ReturnType<typeof task>) : task();
};

export interface TabChannel {
  /** Tells other tabs of this origin that the queue changed. */
  post(): void;
  listen(onChange: () => void): () => void;
  close(): void;
}

/** BroadcastChannel between tabs, or nothing where the browser lacks it (each tab then sees its own changes). */
export function tabChannel(): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, listen: () => () => {}, close: () => {} };
  const channel = new BroadcastChannel(OUTBOX_NAME);
  return {
    post: () => channel.postMessage('changed'),
    listen: (onChange) => {
      const handler = () => onChange();
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}
