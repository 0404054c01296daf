// Merges the new rows of the three tables into one stream ordered by cursor. When a table filled its page,
// the stream stops before that page's last cursor: rows sharing it (one flush) may continue on the next page.
import type { Changes } from '../repositories/changes.ts';
import type { Alert, Bar, WindowMetrics } from '../schemas/rows.ts';

export type LiveRow =
  | { kind: 'window'; cursorUs: number; row: WindowMetrics }
  | { kind: 'bar'; cursorUs: number; row: Bar }
  | { kind: 'alert'; cursorUs: number; row: Alert };

export interface Merged {
  rows: LiveRow[];
  /** Everything up to this cursor has been delivered. */
  cursorUs: number;
}

export function mergeChanges(changes: Changes, after: number, upper: number, limit: number): Merged {
  let cursorUs = upper;
  for (const page of [changes.window, changes.bar, changes.alert]) {
    if (page.length < limit) continue;
    const last = page[page.length - 1]!.cursorUs;
    const complete = page.filter((entry) => entry.cursorUs < last);
    if (complete.length === 0)
      throw new Error(`more than ${limit} rows written at one instant: raise the page size`);
    cursorUs = Math.min(cursorUs, complete[complete.length - 1]!.cursorUs);
  }
  const rows: LiveRow[] = [
    ...changes.window.map((entry) => ({ kind: 'window' as const, ...entry })),
    ...changes.bar.map((entry) => ({ kind: 'bar' as const, ...entry })),
    ...changes.alert.map((entry) => ({ kind: 'alert' as const, ...entry })),
  ].filter((entry) => entry.cursorUs > after && entry.cursorUs <= cursorUs);
  rows.sort((a, b) => a.cursorUs - b.cursorUs);
  return { rows, cursorUs };
}
