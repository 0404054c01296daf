import { describe, expect, it } from 'vitest';
import { memoize } from './memoize.ts';

describe('memoize', () => {
  it('shares a result for ttlMs, then loads again', async () => {
    let clock = 0;
    let loads = 0;
    const read = memoize(
      async () => ++loads,
      100,
      () => clock,
    );
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    clock = 99;
    expect(await read()).toBe(1);
    clock = 100;
    expect(await read()).toBe(2);
  });

  it('does not keep a failure', async () => {
    let fail = true;
    const read = memoize(async () => {
      if (fail) throw new Error('down');
      return 'up';
    }, 1_000);
    await expect(read()).rejects.toThrow('down');
    fail = false;
    expect(await read()).toBe('up');
  });
});
