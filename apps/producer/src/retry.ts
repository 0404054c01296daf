// Retry with exponential backoff, for reaching the broker and the registry at startup.
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** Attempts in total, the first included. */
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Called before each wait with the error, the attempt that failed (from 1) and the delay. */
  readonly onRetry: (error: unknown, attempt: number, delayMs: number) => void;
  readonly signal?: AbortSignal;
}

export async function withRetry<T>(action: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= options.attempts || options.signal?.aborted === true) throw error;
      const delayMs = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** (attempt - 1));
      options.onRetry(error, attempt, delayMs);
      await sleep(delayMs, undefined, { signal: options.signal });
    }
  }
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = innermost(error);
  const detail = inner !== error && !error.message.includes(inner.message) ? `: ${inner.message}` : '';
  return `${error.name}: ${error.message}${detail}`;
}

/** The error at the bottom of a chain of causes and aggregates: Kafka clients wrap each retry's failure. */
function innermost(error: Error): Error {
  const next = error instanceof AggregateError && error.errors.length > 0 ? error.errors.at(-1) : error.cause;
  return next instanceof Error ? innermost(next) : error;
}
