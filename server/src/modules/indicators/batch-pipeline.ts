/** One batch being written: the value keys it touches and its end (which never rejects). */
interface Running {
  keys: ReadonlySet<string>;
  done: Promise<void>;
}

const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const key of small) if (large.has(key)) return true;
  return false;
};

/**
 * Writes up to `width` batches at the same time, each in its own transaction (on PostgreSQL each on its own
 * pooled connection, so a file is written by several backends while the next batch is read and classified;
 * PGlite runs them one after the other). Two batches that share a value key never run together: the later one
 * waits, so the file's last value of a key is the one stored, and a new key is never inserted twice. The first
 * failure stops the intake; `drain` waits for what runs and rethrows it.
 */
export class BatchPipeline {
  private readonly running = new Set<Running>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly width: number) {}

  /** Starts `write` once a slot is free and no running batch shares a key; resolves when it has started. */
  async add(keys: ReadonlySet<string>, write: () => Promise<void>): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      const blockers = [...this.running].filter((r) => overlaps(r.keys, keys));
      if (blockers.length === 0 && this.running.size < this.width) break;
      await Promise.race((blockers.length > 0 ? blockers : [...this.running]).map((r) => r.done));
    }
    const entry: Running = { keys, done: Promise.resolve() };
    entry.done = write()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.running.delete(entry));
    this.running.add(entry);
  }

  /** Waits for every running batch; throws the first failure. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running].map((r) => r.done));
    if (this.failure) throw this.failure.error;
  }
}
