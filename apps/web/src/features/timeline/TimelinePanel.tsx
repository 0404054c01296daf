import { useEffect, useState } from 'react';
import { Panel, QueryView } from '../../app/Panel.tsx';
import { TimelineChart } from './TimelineChart.tsx';
import { useTimeline } from './use-timeline.ts';

const RANGES = [
  { label: '5m', ms: 5 * 60_000 },
  { label: '15m', ms: 15 * 60_000 },
  { label: '30m', ms: 30 * 60_000 },
  { label: '1h', ms: 60 * 60_000 },
];

export function TimelinePanel({ symbols }: { symbols: string[] }) {
  const [symbol, setSymbol] = useState<string>();
  const [range, setRange] = useState(RANGES[1]!.ms);
  useEffect(() => {
    if (symbols.length > 0 && (symbol === undefined || !symbols.includes(symbol))) setSymbol(symbols[0]);
  }, [symbols, symbol]);
  const timeline = useTimeline(symbol, range);

  return (
    <Panel
      title="Spread evolution"
      testId="timeline"
      className="span-8"
      actions={
        <>
          <select
            className="control mono"
            aria-label="symbol"
            value={symbol ?? ''}
            onChange={(event) => setSymbol(event.target.value)}
          >
            {symbols.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          {RANGES.map((r) => (
            <button
              key={r.label}
              className="control"
              aria-pressed={r.ms === range}
              onClick={() => setRange(r.ms)}
            >
              {r.label}
            </button>
          ))}
        </>
      }
    >
      <QueryView
        {...timeline}
        isEmpty={(points) => points.length === 0}
        emptyText={symbol ? `No 1-second bars for ${symbol} in this range yet.` : 'No symbols yet.'}
      >
        {(points) => <TimelineChart points={points} />}
      </QueryView>
    </Panel>
  );
}
