import { useCallback, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Endpoint } from '#contracts/endpoint.ts';
import { MeContext } from '../../app/session.ts';
import { openOutboxStore, tabChannel, webLock } from './idb-store.ts';
import { Outbox, type OutboxEntry } from './outbox.ts';
import { isOutboxEndpoint, onOutboxEndpointRegistered, sendOutboxEntry, type OutboxEndpoint, type OutboxInput } from './sender.ts';

let instance: Outbox | null = null;
/** The signed-in user of this tab: only their entries are sent (shared computers). */
let currentUserId: number | null = null;

/** The page's one outbox, made on first use and wired to the browser: IndexedDB, Web Locks, other tabs, events. */
function pageOutbox(): Outbox {
  if (instance) return instance;
  const channel = tabChannel();
  const outbox = new Outbox({
    store: openOutboxStore(),
    send: sendOutboxEntry,
    lock: webLock,
    ready: (entry) => entry.userId === currentUserId && isOutboxEndpoint(entry.endpoint),
    announce: () => channel.post(),
  });
  channel.listen(() => void outbox.refresh());
  onOutboxEndpointRegistered(() => void outbox.flush());
  // back online, or the user came back to (or is leaving) the page: try at once instead of waiting out the backoff
  globalThis.addEventListener?.('online', () => void outbox.flush({ force: true }));
  globalThis.document?.addEventListener('visibilitychange', () => void outbox.flush({ force: true }));
  void outbox.flush();
  instance = outbox;
  return outbox;
}

/** A write for the outbox: its coalescing key and the endpoint's input, built from the write id when the contract carries it. */
export interface OutboxWrite<E extends Endpoint> {
  /** Same key = same thing written (e.g. 'unit|period|element|coc'); null when writes never supersede each other. */
  coalesceKey: string | null;
  input: OutboxInput<E> | ((writeId: string) => OutboxInput<E>);
}

/**
 * The outbox as a page sees it: the signed-in user's entries and counts, re-rendered on every change (from this
 * tab or another), and the actions. One outbox per page load, shared by every data-entry screen.
 */
export function useOutbox() {
  const userId = useContext(MeContext)?.id ?? null;
  const outbox = pageOutbox();
  useEffect(() => {
    if (currentUserId === userId) return;
    currentUserId = userId;
    void outbox.flush();
  }, [outbox, userId]);
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  const entries = useMemo(() => snapshot.entries.filter((entry) => entry.userId === userId), [snapshot, userId]);
  const failedEntries = useMemo(() => entries.filter((entry) => entry.state === 'failed'), [entries]);

  /** Stores the write on this machine (resolves once stored), then sends it when it can. */
  const enqueue = useCallback(
    <E extends Endpoint>(target: OutboxEndpoint<E>, write: OutboxWrite<E>): Promise<OutboxEntry> =>
      outbox.enqueue({ endpoint: target.key, coalesceKey: write.coalesceKey, userId, input: write.input }),
    [outbox, userId],
  );
  const retry = useCallback((id: string) => outbox.retry(id), [outbox]);
  const discard = useCallback((id: string) => outbox.discard(id), [outbox]);

  return {
    /** This user's entries in creation order (look up a cell's failure by `coalesceKey`). */
    entries,
    /** Not yet on the server and not refused: queued or on the wire. */
    queued: entries.length - failedEntries.length,
    /** A batch is on the wire (this tab, or another tab marked an entry). */
    sending: snapshot.sending || entries.some((entry) => entry.state === 'sending'),
    /** Refused by the server, with its message in `error`: the user retries or discards. */
    failed: failedEntries.length,
    failedEntries,
    /** Entries that reached the server since the page loaded. */
    sent: snapshot.sent,
    enqueue,
    retry,
    discard,
  };
}
