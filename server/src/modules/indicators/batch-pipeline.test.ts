import { describe, expect, it } from 'vitest';
import { BatchPipeline } from './batch-pipeline.ts';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('BatchPipeline (DHIS2 import writes)', () => {
  it('runs batches side by side up to its width, and a batch sharing a key only after the one it shares with', async () => {
    const pipeline = new BatchPipeline(2);
    const log: string[] = [];
    const a = gate();
    const b = gate();
    await pipeline.add(new Set(['k1', 'k2']), async () => {
      log.push('a start');
      await a.opened;
      log.push('a end');
    });
    await pipeline.add(new Set(['k3']), async () => {
      log.push('b start');
      await b.opened;
      log.push('b end');
    });
    // shares k2 with a: waits for a even though b is still running and a slot frees when a ends
    const third = pipeline.add(new Set(['k2']), async () => {
      log.push('c start');
    });
    await Promise.resolve();
    expect(log).toEqual(['a start', 'b start']);
    a.open();
    await third;
    expect(log).toEqual(['a start', 'b start', 'a end', 'c start']);
    b.open();
    await pipeline.drain();
    expect(log).toEqual(['a start', 'b start', 'a end', 'c start', 'b end']);
  });

  it('waits for a free slot when every slot is taken', async () => {
    const pipeline = new BatchPipeline(1);
    const log: string[] = [];
    const a = gate();
    await pipeline.add(new Set(['x']), async () => {
      await a.opened;
      log.push('a');
    });
    const next = pipeline.add(new Set(['y']), async () => {
      log.push('b');
    });
    await Promise.resolve();
    expect(log).toEqual([]);
    a.open();
    await next;
    await pipeline.drain();
    expect(log).toEqual(['a', 'b']);
  });

  it('stops taking batches after a failure and rethrows it when drained', async () => {
    const pipeline = new BatchPipeline(2);
    await pipeline.add(new Set(['x']), async () => {
      throw new Error('batch 1 failed');
    });
    await expect(pipeline.drain()).rejects.toThrow('batch 1 failed');
    await expect(pipeline.add(new Set(['y']), async () => undefined)).rejects.toThrow('batch 1 failed');
  });
});
