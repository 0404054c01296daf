// Reconnect delays: exponential from `base`, capped, with up to 20 % jitter taken off so clients that lost
// the API together do not return in lock step.

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

/** Delay before reconnect attempt `attempt` (0-based); `random` is a uniform in [0, 1). */
export function backoffDelay(attempt: number, random: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 10_000;
  const exponential = Math.min(max, base * 2 ** Math.max(0, attempt));
  return Math.round(exponential * (1 - 0.2 * random));
}
