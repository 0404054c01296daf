import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryCovering } from './outage-retry.ts';

type Retrier = (fn: () => Promise<never>) => Promise<never>;
// kafkajs's own retry loop, the one its producer runs each request through.
const createRetry = createRequire(import.meta.url)('kafkajs/src/retry/index.js') as (
  options: object,
) => Retrier;

/** How long kafkajs's retrier keeps retrying an always-retriable failure, with Math.random fixed at `random`. */
async function givesUpAfterMs(outageMs: number, random: number): Promise<number> {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(random);
  const started = Date.now();
  const failure = Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), {
    retriable: true,
  });
  const outcome = createRetry(retryCovering(outageMs))(() => Promise.reject(failure)).catch(
    (error: unknown) => error,
  );
  await vi.runAllTimersAsync();
  expect(await outcome).toMatchObject({ name: 'KafkaJSNumberOfRetriesExceeded' });
  return Date.now() - started;
}

describe('retryCovering', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('counts the retries whose shortest waits add up to the outage', () => {
    // Shortest waits: 240, 384, 614.4, 983.04, 1572.864, 2516.5824, 4026.53184 ms (10 337.4 ms), then 5 s each.
    expect(retryCovering(10_000).retries).toBe(7);
    expect(retryCovering(60_000).retries).toBe(17);
    expect(retryCovering(300_000).retries).toBe(65);
  });

  it.each([60_000, 300_000])(
    'makes kafkajs retry for at least %i ms, and not much longer',
    async (outageMs) => {
      // Math.random() = 0 gives kafkajs's shortest waits, just under 1 its longest.
      expect(await givesUpAfterMs(outageMs, 0)).toBeGreaterThanOrEqual(outageMs);
      expect(await givesUpAfterMs(outageMs, 0.999_999)).toBeLessThanOrEqual(outageMs + 15_000);
    },
  );
});
