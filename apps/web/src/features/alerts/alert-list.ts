// The feed's list: newest window first, one entry per (symbol, window, type), bounded.
import type { SpreadAlert } from '../../api/types.ts';

export interface FeedAlert extends SpreadAlert {
  key: string;
  /** performance.now() when it arrived live; undefined for alerts loaded with the page. */
  receivedAt: number | undefined;
}

export const alertKey = (alert: SpreadAlert): string =>
  `${alert.symbol}|${alert.windowStart}|${alert.alertType}`;

export function mergeAlerts(
  current: readonly FeedAlert[],
  incoming: readonly FeedAlert[],
  max = 300,
): FeedAlert[] {
  const byKey = new Map(current.map((alert) => [alert.key, alert]));
  for (const alert of incoming)
    byKey.set(alert.key, { ...alert, receivedAt: byKey.get(alert.key)?.receivedAt ?? alert.receivedAt });
  return [...byKey.values()]
    .sort((a, b) => Date.parse(b.windowStart) - Date.parse(a.windowStart) || a.key.localeCompare(b.key))
    .slice(0, max);
}
