import { describe, expect, it } from 'vitest';
import type { Changes } from '../repositories/changes.ts';
import type { Alert, Bar, WindowMetrics } from '../schemas/rows.ts';
import { mergeChanges } from './merge.ts';

const window = (cursorUs: number) => ({ cursorUs, row: { symbol: `W${cursorUs}` } as WindowMetrics });
const bar = (cursorUs: number) => ({ cursorUs, row: { symbol: `B${cursorUs}` } as Bar });
const alert = (cursorUs: number) => ({ cursorUs, row: { symbol: `A${cursorUs}` } as Alert });

describe('mergeChanges', () => {
  it('orders the rows of every table by cursor and moves the cursor to the upper bound', () => {
    const changes: Changes = { window: [window(5)], bar: [bar(2), bar(7)], alert: [alert(5)] };
    const merged = mergeChanges(changes, 0, 10, 100);
    expect(merged.rows.map((entry) => [entry.kind, entry.cursorUs])).toEqual([
      ['bar', 2],
      ['window', 5],
      ['alert', 5],
      ['bar', 7],
    ]);
    expect(merged.cursorUs).toBe(10);
  });

  it('stops before the last cursor of a full page, whose flush may continue on the next page', () => {
    const changes: Changes = {
      window: [window(3)],
      bar: [bar(1), bar(2), bar(4), bar(4)],
      alert: [alert(4)],
    };
    const merged = mergeChanges(changes, 0, 10, 4);
    expect(merged.cursorUs).toBe(2);
    expect(merged.rows.map((entry) => entry.cursorUs)).toEqual([1, 2]);
  });

  it('refuses a page that is one instant only, which would never advance', () => {
    const changes: Changes = { window: [], bar: [bar(4), bar(4)], alert: [] };
    expect(() => mergeChanges(changes, 0, 10, 2)).toThrow(/one instant/);
  });
});
