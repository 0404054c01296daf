import { useState } from 'react';
import { toMs } from '../../api/client.ts';
import type { SymbolSummary } from '../../api/types.ts';
import { useLiveEvents } from '../../api/use-live.ts';

const WINDOW_MS = 60_000;

/** End of the newest window: from the symbols' last window starts, then from windows arriving live. */
export function useNewestWindowEnd(symbols: SymbolSummary[] | undefined): number | null {
  const [live, setLive] = useState<number | null>(null);
  useLiveEvents((event) => {
    if (event.kind === 'window') {
      const end = toMs(event.data.windowEnd);
      setLive((current) => (current === null || end > current ? end : current));
    }
  });
  const loaded = (symbols ?? []).reduce<number | null>((newest, summary) => {
    if (summary.lastWindowStart === null) return newest;
    const end = toMs(summary.lastWindowStart) + WINDOW_MS;
    return newest === null || end > newest ? end : newest;
  }, null);
  if (loaded === null) return live;
  return live === null ? loaded : Math.max(loaded, live);
}
