import { describe, expect, it } from 'vitest';
import { describeError, withRetry } from './retry.ts';

describe('withRetry', () => {
  it('retries with doubling delays up to the cap, then succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 4) throw new Error(`failure ${calls}`);
        return 'ok';
      },
      { attempts: 5, initialDelayMs: 1, maxDelayMs: 3, onRetry: (_error, _attempt, delay) => delays.push(delay) },
    );
    expect(result).toBe('ok');
    expect(delays).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const attempts: number[] = [];
    const failing = withRetry(
      () => Promise.reject(new Error('refused', { cause: new Error('ECONNREFUSED') })),
      { attempts: 3, initialDelayMs: 1, maxDelayMs: 1, onRetry: (_error, attempt) => attempts.push(attempt) },
    );
    await expect(failing).rejects.toThrow('refused');
    expect(attempts).toEqual([1, 2]);
    expect(describeError(await failing.catch((e: unknown) => e))).toBe('Error: refused: ECONNREFUSED');
  });

  it('describes an aggregate of retries by its last failure, however deep', () => {
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:9092');
    const attempt = new Error('Connection to 127.0.0.1:9092 failed.', { cause: refused });
    const retries = new AggregateError([new Error('first attempt'), attempt], 'produce failed 2 times.');
    expect(describeError(retries)).toBe('AggregateError: produce failed 2 times.: connect ECONNREFUSED 127.0.0.1:9092');
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const pending = withRetry(() => Promise.reject(new Error('down')), {
      attempts: 10,
      initialDelayMs: 60_000,
      maxDelayMs: 60_000,
      onRetry: () => controller.abort(),
      signal: controller.signal,
    });
    await expect(pending).rejects.toThrow(/abort/i);
  });
});
