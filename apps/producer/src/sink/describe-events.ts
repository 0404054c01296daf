import type { MarketEvent } from '@spreadwatch/market-events';

/** Names events exactly and compactly, per symbol as sequence ranges: "ABCD 3-7, 9; EFGH 10". */
export function describeEvents(events: readonly MarketEvent[]): string {
  const sequences = new Map<string, number[]>();
  for (const e of events) {
    const list = sequences.get(e.symbol);
    if (list === undefined) sequences.set(e.symbol, [e.sequence]);
    else list.push(e.sequence);
  }
  const parts: string[] = [];
  for (const [symbol, list] of [...sequences].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    list.sort((a, b) => a - b);
    const ranges: string[] = [];
    let from = list[0] as number;
    let to = from;
    for (const s of list.slice(1)) {
      if (s === to + 1) {
        to = s;
        continue;
      }
      ranges.push(from === to ? `${from}` : `${from}-${to}`);
      from = to = s;
    }
    ranges.push(from === to ? `${from}` : `${from}-${to}`);
    parts.push(`${symbol} ${ranges.join(', ')}`);
  }
  return parts.join('; ');
}
