import { describe, expect, it } from 'vitest';
import type { Changes } from '../repositories/changes.ts';
import type { Alert, Bar, WindowMetrics } from '../schemas/rows.ts';
import { mergeChanges } from './merge.ts';

const window = (seq: number) => ({ seq, row: { symbol: `W${seq}` } as WindowMetrics });
const bar = (seq: number) => ({ seq, row: { symbol: `B${seq}` } as Bar });
const alert = (seq: number) => ({ seq, row: { symbol: `A${seq}` } as Alert });
const changes = (parts: Pick<Changes, 'window' | 'bar' | 'alert'>, upper = 10): Changes => ({
  upper,
  prunedThrough: 0,
  ...parts,
});

describe('mergeChanges', () => {
  it('orders the changes of every kind by number and moves the cursor to the bound read', () => {
    const merged = mergeChanges(
      changes({ window: [window(5)], bar: [bar(2), bar(7)], alert: [alert(6)] }),
      0,
      100,
    );
    expect(merged.rows.map((entry) => [entry.kind, entry.seq])).toEqual([
      ['bar', 2],
      ['window', 5],
      ['alert', 6],
      ['bar', 7],
    ]);
    expect(merged.cursor).toBe(10);
  });

  it('stops at the last change of a full page: the other kinds may have more before the next page', () => {
    const merged = mergeChanges(
      changes({ window: [window(3), window(9)], bar: [bar(1), bar(2), bar(4), bar(5)], alert: [alert(8)] }),
      0,
      4,
    );
    expect(merged.cursor).toBe(5);
    expect(merged.rows.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves out what is at or below the cursor it starts from, and never moves back', () => {
    const merged = mergeChanges(changes({ window: [window(3), window(6)], bar: [], alert: [] }, 8), 4, 100);
    expect(merged.rows.map((entry) => entry.seq)).toEqual([6]);
    expect(mergeChanges(changes({ window: [], bar: [], alert: [] }, 3), 4, 100).cursor).toBe(4);
  });
});
