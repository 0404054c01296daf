import { formatNumber } from '../../lib/format.ts';
import { heatColour } from '../../lib/heatmap.ts';

export function HeatmapLegend({
  min,
  max,
  reverse,
  label,
}: {
  min: number;
  max: number;
  reverse: boolean;
  label: string;
}) {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${heatColour(t, reverse)} ${t * 100}%`).join(', ');
  return (
    <div className="legend" data-testid="heatmap-legend">
      <span>{label}</span>
      <span>{formatNumber(min)}</span>
      <span className="ramp" style={{ background: `linear-gradient(90deg, ${stops})` }} />
      <span>{formatNumber(max)}</span>
    </div>
  );
}
