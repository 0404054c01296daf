import type { JobVertex } from '@spreadwatch/flink-client';
import { describe, expect, it } from 'vitest';
import { lateEventsByJobName, recordCounts } from './job-status.ts';

const vertex = (name: string, read: number, write: number): JobVertex => ({
  id: name,
  name,
  parallelism: 1,
  status: 'RUNNING',
  metrics: { 'read-records': read, 'write-records': write },
});

describe('recordCounts', () => {
  it('counts what the sources read in and what the sink vertices receive out', () => {
    const vertices = [
      vertex('Source: market_events[1] -> Calc[2] -> LocalWindowAggregate[3]', 44_428, 356),
      vertex('GlobalWindowAggregate[5] -> Sink: spread_metrics[8]', 356, 48),
    ];
    expect(recordCounts(vertices)).toEqual({ recordsIn: 44_428, recordsOut: 356 });
  });

  it('falls back to what a source vertex emits where it reports no records read', () => {
    const vertices = [
      vertex('Source: market_events[1] -> Calc[2]', 0, 100),
      vertex('WindowAggregate[3]', 100, 10),
      vertex('Calc[4] -> Sink: spread_metrics[5]', 10, 0),
    ];
    expect(recordCounts(vertices)).toEqual({ recordsIn: 100, recordsOut: 10 });
  });
});

describe('lateEventsByJobName', () => {
  it("gives each catalog job's Flink name its total, zero when it has counted none", () => {
    const catalog = [
      { job: 'spread-metrics', name: 'spreadwatch-x-spread-metrics' },
      { job: 'spread-bars-1s', name: 'spreadwatch-x-spread-bars-1s' },
    ];
    const totals = new Map([
      ['spread-bars-1s', { count: 7, lastWrittenAt: '2026-01-01T10:00:00.000Z' }],
      ['retired-job', { count: 3, lastWrittenAt: '2026-01-01T09:00:00.000Z' }],
    ]);
    expect([...lateEventsByJobName(catalog, totals)]).toEqual([
      ['spreadwatch-x-spread-metrics', { count: 0, lastWrittenAt: null }],
      ['spreadwatch-x-spread-bars-1s', { count: 7, lastWrittenAt: '2026-01-01T10:00:00.000Z' }],
    ]);
  });
});
