import { useMemo, useState } from 'react';
import { allPages, toMs } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import type { SpreadBar1s, WindowMetrics } from '../../api/types.ts';
import { useLiveEvents } from '../../api/use-live.ts';
import { useQuery } from '../../api/use-query.ts';
import type { SpreadBar } from '../../lib/downsample.ts';
import { timelineSeries, type WindowBand } from './series.ts';

const toBar = (bar: SpreadBar1s): SpreadBar => ({
  time: toMs(bar.barStart),
  avg: bar.avgSpreadBps,
  min: bar.minSpreadBps,
  max: bar.maxSpreadBps,
});

const toBand = (row: WindowMetrics): WindowBand => ({
  start: toMs(row.windowStart),
  end: toMs(row.windowEnd),
  avg: row.avgSpreadBps,
  min: row.minSpreadBps,
  max: row.maxSpreadBps,
});

/** Bars and windows of one symbol over the last `rangeMs`, with bars and windows arriving live appended. */
export function useTimeline(symbol: string | undefined, rangeMs: number) {
  const query = useQuery(
    `timeline:${symbol}:${rangeMs}`,
    async (signal) => {
      if (!symbol) return { bars: [], windows: [] };
      const to = Date.now() + 60_000;
      const from = to - rangeMs - 60_000;
      const [bars, windows] = await Promise.all([
        allPages((after) => api.bars({ symbol, from, to, after, limit: 1000 }, signal)),
        allPages((after) => api.metrics({ symbol, from: from - 60_000, to, after, limit: 1000 }, signal)),
      ]);
      return { bars: bars.map(toBar), windows: windows.map(toBand) };
    },
    30_000,
  );
  const [live, setLive] = useState<{ key: string; bars: SpreadBar[]; windows: WindowBand[] }>({
    key: '',
    bars: [],
    windows: [],
  });
  const key = `${symbol}:${rangeMs}:${query.data ? 'loaded' : ''}`;
  useLiveEvents((event) => {
    if ((event.kind !== 'bar' && event.kind !== 'window') || event.data.symbol !== symbol) return;
    setLive((current) => {
      const base = current.key === key ? current : { key, bars: [], windows: [] };
      // Only what the range still shows is kept, so a page left open does not grow.
      const since = Date.now() - rangeMs - 60_000;
      return event.kind === 'bar'
        ? { ...base, bars: [...base.bars.filter((bar) => bar.time >= since), toBar(event.data)] }
        : { ...base, windows: [...base.windows.filter((window) => window.end >= since), toBand(event.data)] };
    });
  });

  const series = useMemo(() => {
    if (!query.data) return undefined;
    const extra = live.key === key ? live : { bars: [], windows: [] };
    const since = Date.now() - rangeMs;
    const bars = dedupe([...query.data.bars, ...extra.bars], (bar) => bar.time).filter(
      (bar) => bar.time >= since,
    );
    const windows = dedupe([...query.data.windows, ...extra.windows], (window) => window.start);
    return timelineSeries(bars, windows);
  }, [query.data, live, key, rangeMs]);

  return { ...query, data: series };
}

/** Keeps the last item of each key (a late update replaces the earlier row). */
function dedupe<T>(items: T[], keyOf: (item: T) => number): T[] {
  return [...new Map(items.map((item) => [keyOf(item), item])).values()];
}
