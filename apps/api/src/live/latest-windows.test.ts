import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { LatestRead } from '../repositories/metrics.ts';
import type { WindowMetrics } from '../schemas/rows.ts';
import { LatestWindows, type LatestBody } from './latest-windows.ts';

const window = (symbol: string, windowStart: string, avgSpreadBps = 1): WindowMetrics =>
  ({ symbol, windowStart, avgSpreadBps, nonFinite: [] }) as unknown as WindowMetrics;

/** A scripted change log: each read answers the next scripted result and records its `after`. */
function script(...answers: LatestRead[]) {
  const calls: (number | undefined)[] = [];
  const read = async (after?: number): Promise<LatestRead> => {
    calls.push(after);
    const answer = answers.shift();
    if (!answer) throw new Error('no more scripted reads');
    return answer;
  };
  return { calls, read };
}

/** A stream cursor that has moved by every look: each call reads the log again. */
const moving = (): (() => number) => {
  let cursor = 0;
  return () => ++cursor;
};

const symbolsOf = (body: LatestBody): [string, string][] =>
  (JSON.parse(body.json.toString()) as { items: WindowMetrics[] }).items.map((row) => [
    row.symbol,
    row.windowStart!,
  ]);
const items = async (latest: LatestWindows) => symbolsOf(await latest.current());

describe('LatestWindows', () => {
  it('reads everything first, then only the symbols changed after its position, keeping their order', async () => {
    const log = script(
      { position: 5, prunedThrough: 0, rows: [window('A', 't1'), window('B', 't1')] },
      { position: 7, prunedThrough: 0, rows: [window('B', 't2')] },
      { position: 7, prunedThrough: 0, rows: [] },
    );
    const latest = new LatestWindows(log.read, moving());
    const first = await latest.current();
    expect(symbolsOf(first)).toEqual([
      ['A', 't1'],
      ['B', 't1'],
    ]);
    const second = await latest.current();
    expect(symbolsOf(second)).toEqual([
      ['A', 't1'],
      ['B', 't2'],
    ]);
    expect(second.etag).not.toBe(first.etag);
    expect(await latest.current()).toBe(second);
    expect(log.calls).toEqual([undefined, 5, 7]);
  });

  it('keeps the same body and ETag while nothing changed', async () => {
    const log = script(
      { position: 3, prunedThrough: 0, rows: [window('A', 't1')] },
      { position: 3, prunedThrough: 0, rows: [] },
    );
    const latest = new LatestWindows(log.read, moving());
    const first = await latest.current();
    expect(await latest.current()).toBe(first);
    expect(log.calls).toEqual([undefined, 3]);
  });

  it('reads everything again on a new symbol, pruned changes, or a log that went back', async () => {
    const log = script(
      { position: 5, prunedThrough: 0, rows: [window('B', 't1')] },
      { position: 6, prunedThrough: 0, rows: [window('A', 't1')] },
      { position: 6, prunedThrough: 0, rows: [window('A', 't1'), window('B', 't1')] },
      { position: 9, prunedThrough: 8, rows: [] },
      { position: 9, prunedThrough: 8, rows: [window('A', 't2'), window('B', 't1')] },
      { position: 2, prunedThrough: 0, rows: [] },
      { position: 2, prunedThrough: 0, rows: [window('C', 't9')] },
    );
    const latest = new LatestWindows(log.read, moving());
    await latest.current();
    expect(await items(latest)).toEqual([
      ['A', 't1'],
      ['B', 't1'],
    ]);
    expect(await items(latest)).toEqual([
      ['A', 't2'],
      ['B', 't1'],
    ]);
    expect(await items(latest)).toEqual([['C', 't9']]);
    expect(log.calls).toEqual([undefined, 5, undefined, 6, undefined, 9, undefined]);
  });

  it('reads nothing while the stream cursor stands, and again once it moved', async () => {
    let cursor = 10;
    const log = script(
      { position: 5, prunedThrough: 0, rows: [window('A', 't1')] },
      { position: 6, prunedThrough: 0, rows: [window('A', 't2')] },
    );
    const latest = new LatestWindows(log.read, () => cursor);
    const first = await latest.current();
    expect(await latest.current()).toBe(first);
    expect(await latest.current()).toBe(first);
    expect(log.calls).toEqual([undefined]);
    cursor = 11;
    expect(await items(latest)).toEqual([['A', 't2']]);
    expect(log.calls).toEqual([undefined, 5]);
  });

  it('reads everything again after 30 s (rows deleted by hand leave no change)', async () => {
    let clock = 0;
    const log = script(
      { position: 1, prunedThrough: 0, rows: [window('A', 't1'), window('B', 't1')] },
      { position: 1, prunedThrough: 0, rows: [] },
      { position: 1, prunedThrough: 0, rows: [window('A', 't1')] },
    );
    const latest = new LatestWindows(log.read, moving(), () => clock);
    await latest.current();
    clock = 29_999;
    await latest.current();
    clock = 30_000;
    expect(await items(latest)).toEqual([['A', 't1']]);
    expect(log.calls).toEqual([undefined, 1, undefined]);
  });

  it('answers callers arriving during a read from the next read, shared by all of them', async () => {
    const releases: (() => void)[] = [];
    let position = 0;
    const calls: (number | undefined)[] = [];
    const latest = new LatestWindows(async (after) => {
      calls.push(after);
      await new Promise<void>((resolve) => releases.push(resolve));
      position++;
      return { position, prunedThrough: 0, rows: [window('A', `t${position}`)] };
    }, moving());
    const first = latest.current();
    const second = latest.current();
    const third = latest.current();
    expect(calls).toHaveLength(1);
    releases.shift()!();
    expect(JSON.parse((await first).json.toString()).items[0].windowStart).toBe('t1');
    await Promise.resolve();
    expect(calls).toHaveLength(2);
    releases.shift()!();
    const [b, c] = await Promise.all([second, third]);
    expect(b).toBe(c);
    expect(JSON.parse(b.json.toString()).items[0].windowStart).toBe('t2');
  });

  it('does not keep a failed read, and gzips the same bytes', async () => {
    let fail = true;
    const latest = new LatestWindows(async () => {
      if (fail) throw new Error('database down');
      return { position: 1, prunedThrough: 0, rows: [window('A', 't1', 2.5)] };
    }, moving());
    await expect(latest.current()).rejects.toThrow('database down');
    fail = false;
    const body = await latest.current();
    expect(gunzipSync(await body.gzipped())).toEqual(body.json);
    expect(JSON.parse(body.json.toString())).toEqual({
      items: [{ symbol: 'A', windowStart: 't1', avgSpreadBps: 2.5, nonFinite: [] }],
    });
  });
});
