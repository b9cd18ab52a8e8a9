import { uuidv7 } from '#contracts/uuidv7.ts';

/**
 * The browser outbox: writes typed in a form are stored on this machine first, then sent in order, retried with
 * backoff while the network or server is down, and kept with the server's reason when refused. Pure: storage,
 * sending, locking, clock and timers come in as options, so it runs the same in tests and in the browser
 * (idb-store.ts and useOutbox.ts wire the browser's). docs/design/indicators.md §7.
 */

/** queued: waits for its turn; sending: on the wire (or left so by a closed tab); failed: refused, waits for the user. */
export type OutboxState = 'queued' | 'sending' | 'failed';

export interface OutboxEntry {
  /** UUIDv7, also the write id the server stores the change under: a resend after a lost answer is stored once. */
  id: string;
  /** Key of the contract endpoint in the sender's registry, e.g. 'indicatorEndpoints.putValues'. */
  endpoint: string;
  /** The endpoint's input ({ params, query, body }) as JSON, written with the id inside where the contract wants it. */
  input: unknown;
  /** Entries with the same key write the same thing (one cell): a newer one replaces an unsent older one. */
  coalesceKey: string | null;
  /** Who typed it: on a shared computer, one user's edits are never sent under another user's session. */
  userId: number | null;
  /** Unix ms, and the send order: always after every entry already stored (same millisecond, clock set back). */
  createdAt: number;
  /** Sends tried so far; sets the next backoff. */
  attempts: number;
  /** Unix ms before which a queued entry is not retried. */
  nextAttemptAt: number;
  state: OutboxState;
  /** The last failure's message (the server's Vietnamese text for a refusal). */
  error?: string;
}

/** Where entries live across reloads: IndexedDB in the browser (idb-store.ts). */
export interface OutboxStore {
  getAll(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A send's outcome: stored, or failed; `retry` says whether trying again later may succeed. */
export type SendResult = 'ok' | { retry: boolean; error: string; retryAfterMs?: number };

/** Runs `task` while no other tab runs one (Web Locks in the browser); the default runs it at once. */
export type OutboxLock = <T>(task: () => Promise<T>) => Promise<T>;

export interface OutboxTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface OutboxOptions {
  store: OutboxStore;
  send: (entry: OutboxEntry) => Promise<SendResult>;
  lock?: OutboxLock;
  /** Entries it refuses wait (and hold back later entries of their key): unknown endpoint, another user's. */
  ready?: (entry: OutboxEntry) => boolean;
  /** Called after every change this instance makes to the store, to tell other tabs. */
  announce?: () => void;
  /** A flush that failed (the store itself): reported, then tried again after the longest backoff. */
  onError?: (error: unknown) => void;
  now?: () => number;
  /** In [0, 1): the backoff's jitter. */
  random?: () => number;
  timers?: OutboxTimers;
}

/** What subscribers see: every entry in creation order, and how many left the queue by being sent. */
export interface OutboxSnapshot {
  readonly entries: readonly OutboxEntry[];
  readonly sent: number;
  /** This tab is sending a batch (so a status line does not flicker between two sends). */
  readonly sending: boolean;
}

export interface EnqueueRequest {
  endpoint: string;
  coalesceKey: string | null;
  userId?: number | null;
  /** The input, or a function of the write id for contracts that carry it in the body. */
  input: unknown;
}

export const MAX_BACKOFF_MS = 60_000;
/** Up to a fifth more, so that many clients coming back online together do not retry in step. */
const JITTER = 0.2;

/** Wait after the `attempts`-th failed send: 1, 2, 4 … 60 s, plus jitter. */
export function backoffMs(attempts: number, random: number): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return base + Math.floor(base * JITTER * random);
}

const byCreation = (a: OutboxEntry, b: OutboxEntry) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The entries that may go next: the first unsettled entry of each key in creation order, and every keyless one.
 * A later write of a cell never overtakes an earlier one; a refused (failed) entry holds nothing back.
 */
function heads(entries: readonly OutboxEntry[]): OutboxEntry[] {
  const seen = new Set<string>();
  return [...entries].sort(byCreation).filter((entry) => {
    if (entry.state === 'failed') return false;
    if (entry.coalesceKey === null) return true;
    if (seen.has(entry.coalesceKey)) return false;
    seen.add(entry.coalesceKey);
    return true;
  });
}

const withoutError = ({ error: _error, ...entry }: OutboxEntry): OutboxEntry => entry;

const defaultTimers: OutboxTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Outbox {
  private readonly store: OutboxStore;
  private readonly sendEntry: OutboxOptions['send'];
  private readonly lock: OutboxLock;
  private readonly ready: (entry: OutboxEntry) => boolean;
  private readonly announce: () => void;
  private readonly onError: (error: unknown) => void;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timers: OutboxTimers;
  private snapshot: OutboxSnapshot = { entries: [], sent: 0, sending: false };
  private readonly listeners = new Set<() => void>();
  /** Store read-modify-writes of this instance, one at a time (never across a network call). */
  private chain: Promise<unknown> = Promise.resolve();
  /** Ids this instance removed without sending (replaced or discarded): not counted as sent. */
  private readonly dropped = new Set<string>();
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private forceAgain = false;
  private timer: unknown = null;

  constructor(options: OutboxOptions) {
    this.store = options.store;
    this.sendEntry = options.send;
    this.lock = options.lock ?? ((task) => task());
    this.ready = options.ready ?? (() => true);
    this.announce = options.announce ?? (() => {});
    this.onError = options.onError ?? ((error) => console.error(error));
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? (() => Math.random());
    this.timers = options.timers ?? defaultTimers;
  }

  /** For useSyncExternalStore: called after every change of the snapshot. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): OutboxSnapshot => this.snapshot;

  /**
   * Stores the write (committed before any network call), replacing an unsent entry of the same key, then starts
   * sending. A failed entry of the key is replaced too: the newer value supersedes it, and retrying the old one
   * later would overwrite the newer.
   */
  async enqueue(request: EnqueueRequest): Promise<OutboxEntry> {
    const entry = await this.serial(async () => {
      const stored = await this.store.getAll();
      const now = this.now();
      const createdAt = Math.max(now, ...stored.map((old) => old.createdAt + 1));
      const id = uuidv7(createdAt, (bytes) => crypto.getRandomValues(bytes));
      const input = typeof request.input === 'function' ? (request.input as (writeId: string) => unknown)(id) : request.input;
      const created: OutboxEntry = {
        id,
        endpoint: request.endpoint,
        input,
        coalesceKey: request.coalesceKey,
        userId: request.userId ?? null,
        createdAt,
        attempts: 0,
        nextAttemptAt: now,
        state: 'queued',
      };
      await this.store.put(created);
      for (const old of stored) {
        if (created.coalesceKey !== null && old.coalesceKey === created.coalesceKey && old.state !== 'sending') {
          this.dropped.add(old.id);
          await this.store.delete(old.id);
        }
      }
      await this.changed();
      return created;
    });
    void this.flush();
    return entry;
  }

  /** Puts a failed entry back in the queue, due now, with a fresh backoff. */
  async retry(id: string): Promise<void> {
    await this.serial(async () => {
      const entry = (await this.store.getAll()).find((candidate) => candidate.id === id);
      if (entry?.state !== 'failed') return;
      await this.store.put({ ...withoutError(entry), state: 'queued', attempts: 0, nextAttemptAt: this.now() });
      await this.changed();
    });
    void this.flush();
  }

  /** Drops an entry the user gave up on; an entry on the wire cannot be taken back. */
  async discard(id: string): Promise<void> {
    await this.serial(async () => {
      const entry = (await this.store.getAll()).find((candidate) => candidate.id === id);
      if (!entry || entry.state === 'sending') return;
      this.dropped.add(id);
      await this.store.delete(id);
      await this.changed();
    });
  }

  /** Re-reads the store (another tab changed it) and reschedules. */
  async refresh(): Promise<void> {
    await this.serial(() => this.reload());
    this.schedule();
  }

  /**
   * Sends every due entry, under the lock so one tab sends at a time. Calls during a flush join it and make it run
   * once more. `force` ignores backoff: the network just came back or the user returned to the page.
   */
  flush(options: { force?: boolean } = {}): Promise<void> {
    this.flushAgain = true;
    this.forceAgain ||= options.force === true;
    this.flushing ??= this.drain();
    return this.flushing;
  }

  /** Stops the retry timer (tests, page unload). */
  dispose(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private async drain(): Promise<void> {
    try {
      while (this.flushAgain) {
        const force = this.forceAgain;
        this.flushAgain = false;
        this.forceAgain = false;
        try {
          await this.lock(() => this.sendDue(force));
          await this.refresh();
        } catch (error) {
          this.onError(error);
          this.schedule(MAX_BACKOFF_MS);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /** One pass: each due entry at most once, in creation order (see `heads`). */
  private async sendDue(force: boolean): Promise<void> {
    const attempted = new Set<string>();
    try {
      for (;;) {
        const entry = await this.serial(() => this.takeNext(force, attempted));
        if (!entry) return;
        attempted.add(entry.id);
        const result = await Promise.resolve()
          .then(() => this.sendEntry(entry))
          .catch((error: unknown): SendResult => ({ retry: true, error: String(error) }));
        await this.serial(() => this.settle(entry, result));
      }
    } finally {
      if (this.snapshot.sending) this.publish({ ...this.snapshot, sending: false });
    }
  }

  /** Marks the next sendable entry 'sending' (an entry already 'sending' under the lock was left by a closed tab). */
  private async takeNext(force: boolean, attempted: ReadonlySet<string>): Promise<OutboxEntry | null> {
    const now = this.now();
    const next = heads(await this.store.getAll()).find(
      (entry) =>
        (force || entry.state === 'sending' || entry.nextAttemptAt <= now) && !attempted.has(entry.id) && this.ready(entry),
    );
    if (!next) return null;
    const sending: OutboxEntry = { ...next, state: 'sending', attempts: next.attempts + 1 };
    await this.store.put(sending);
    await this.changed(true);
    return sending;
  }

  private async settle(entry: OutboxEntry, result: SendResult): Promise<void> {
    if (result === 'ok') {
      await this.store.delete(entry.id);
    } else if (result.retry) {
      const wait = Math.max(backoffMs(entry.attempts, this.random()), result.retryAfterMs ?? 0);
      await this.store.put({ ...entry, state: 'queued', nextAttemptAt: this.now() + wait, error: result.error });
    } else if (await this.superseded(entry)) {
      // a newer write of this key is queued and goes next: this refusal no longer matters
      this.dropped.add(entry.id);
      await this.store.delete(entry.id);
    } else {
      await this.store.put({ ...entry, state: 'failed', error: result.error });
    }
    await this.changed(true);
  }

  private async superseded(entry: OutboxEntry): Promise<boolean> {
    if (entry.coalesceKey === null) return false;
    const all = await this.store.getAll();
    return all.some((other) => other.coalesceKey === entry.coalesceKey && byCreation(entry, other) < 0);
  }

  private async changed(sending = this.snapshot.sending): Promise<void> {
    this.announce();
    await this.reload(sending);
  }

  /** Reads the store into the snapshot; entries gone since the last read, unless dropped here or refused, were sent. */
  private async reload(sending = this.snapshot.sending): Promise<void> {
    const entries = (await this.store.getAll()).sort(byCreation);
    const present = new Set(entries.map((entry) => entry.id));
    const sent = this.snapshot.entries.filter(
      (entry) => !present.has(entry.id) && !this.dropped.has(entry.id) && entry.state !== 'failed',
    ).length;
    this.publish({ entries, sent: this.snapshot.sent + sent, sending });
  }

  private publish(snapshot: OutboxSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }

  /** Wakes up at the earliest retry; an entry another tab is sending is checked after the longest backoff. */
  private schedule(inMs?: number): void {
    const now = this.now();
    const times = heads(this.snapshot.entries)
      .filter((entry) => this.ready(entry))
      .map((entry) => (entry.state === 'sending' ? now + MAX_BACKOFF_MS : entry.nextAttemptAt));
    const at = inMs !== undefined ? now + inMs : Math.min(...times);
    this.dispose();
    if (Number.isFinite(at)) this.timer = this.timers.set(() => void this.flush(), Math.max(0, at - now));
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(task);
    this.chain = result.catch(() => undefined);
    return result;
  }
}
