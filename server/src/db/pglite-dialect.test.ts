import { describe, expect, it } from 'vitest';
import { Mutex } from './pglite-dialect.ts';

describe('Mutex', () => {
  it('grants the lock in request order, one holder at a time', async () => {
    const mutex = new Mutex();
    const order: string[] = [];
    const task = async (name: string, ms: number) => {
      const release = await mutex.lock();
      order.push(`${name}:start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`${name}:end`);
      release();
    };
    await Promise.all([task('a', 10), task('b', 1), task('c', 5)]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });
});
