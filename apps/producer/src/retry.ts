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
  const cause = error.cause instanceof Error && !error.message.includes(error.cause.message) ? `: ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}`;
}
