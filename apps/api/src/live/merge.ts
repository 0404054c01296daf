// Merges the changes of the three kinds into one stream in commit order (seq). When a kind filled its page,
// the stream stops at that page's last change: the other kinds' later changes wait for the next read.
import type { Changes } from '../repositories/changes.ts';
import type { Alert, Bar, WindowMetrics } from '../schemas/rows.ts';

export type LiveRow =
  | { kind: 'window'; seq: number; row: WindowMetrics }
  | { kind: 'bar'; seq: number; row: Bar }
  | { kind: 'alert'; seq: number; row: Alert };

export interface Merged {
  rows: LiveRow[];
  /** Every change up to here is in `rows` (or was at or below `after`). */
  cursor: number;
}

export function mergeChanges(changes: Changes, after: number, limit: number): Merged {
  let cursor = changes.upper;
  for (const page of [changes.window, changes.bar, changes.alert])
    if (page.length >= limit) cursor = Math.min(cursor, page[page.length - 1]!.seq);
  const rows: LiveRow[] = [
    ...changes.window.map((entry) => ({ kind: 'window' as const, ...entry })),
    ...changes.bar.map((entry) => ({ kind: 'bar' as const, ...entry })),
    ...changes.alert.map((entry) => ({ kind: 'alert' as const, ...entry })),
  ].filter((entry) => entry.seq > after && entry.seq <= cursor);
  rows.sort((a, b) => a.seq - b.seq);
  return { rows, cursor: Math.max(cursor, after) };
}
