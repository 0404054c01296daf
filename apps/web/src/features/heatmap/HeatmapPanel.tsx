import { useState } from 'react';
import { Panel, QueryView } from '../../app/Panel.tsx';
import type { HeatmapMetric } from '../../api/types.ts';
import type { HeatmapOrder } from '../../lib/heatmap.ts';
import { HeatmapCanvas } from './HeatmapCanvas.tsx';
import { HeatmapLegend } from './HeatmapLegend.tsx';
import { useHeatmap } from './use-heatmap.ts';

const METRICS: { metric: HeatmapMetric; label: string; unit: string }[] = [
  { metric: 'avgSpreadBps', label: 'avg spread', unit: 'bp' },
  { metric: 'liquidityScore', label: 'liquidity', unit: 'score' },
];

export function HeatmapPanel() {
  const [metric, setMetric] = useState(METRICS[0]!);
  const [order, setOrder] = useState<HeatmapOrder>('worst');
  const heatmap = useHeatmap(metric.metric, 30, order);
  // Wide spreads are bad (red); for liquidity it is the low scores.
  const reverse = metric.metric === 'liquidityScore';

  return (
    <Panel
      title="Liquidity heatmap"
      testId="heatmap"
      className="span-7"
      actions={
        <>
          {METRICS.map((m) => (
            <button
              key={m.metric}
              className="control"
              aria-pressed={m === metric}
              onClick={() => setMetric(m)}
            >
              {m.label}
            </button>
          ))}
          <button className="control" onClick={() => setOrder(order === 'worst' ? 'symbol' : 'worst')}>
            {order === 'worst' ? 'worst first' : 'A–Z'}
          </button>
          {heatmap.data && (
            <HeatmapLegend
              min={heatmap.data.min}
              max={heatmap.data.max}
              reverse={reverse}
              label={metric.unit}
            />
          )}
        </>
      }
    >
      <QueryView
        {...heatmap}
        isEmpty={(matrix) => matrix.symbols.length === 0}
        emptyText="No windows written yet."
      >
        {(matrix) => <HeatmapCanvas matrix={matrix} reverse={reverse} unit={metric.unit} />}
      </QueryView>
    </Panel>
  );
}
