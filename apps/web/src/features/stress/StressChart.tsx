import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber, formatTime } from '../../lib/format.ts';
import { minuteTicks } from '../../lib/time-ticks.ts';
import type { RegimeSegment } from '../../lib/regimes.ts';

export interface StressChartPoint {
  time: number;
  stress: number | null;
  spread: number | null;
}

interface Props {
  points: StressChartPoint[];
  segments: RegimeSegment[];
  threshold: number;
}

export function StressChart({ points, segments, threshold }: Props) {
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart data={points} margin={{ top: 6, right: 4, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#1b2530" vertical={false} />
        {segments.map((segment) => (
          <ReferenceArea
            key={`${segment.regime}-${segment.start}`}
            yAxisId="stress"
            x1={segment.start}
            x2={segment.end}
            fill={segment.regime === 'stressed' ? '#e0485a' : '#3fbf7f'}
            fillOpacity={segment.regime === 'stressed' ? 0.16 : 0.05}
            ifOverflow="hidden"
          />
        ))}
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          ticks={minuteTicks(points[0]?.time ?? 0, points.at(-1)?.time ?? 0)}
          tickFormatter={(t: number) => formatTime(t).slice(0, 5)}
          stroke="#5c6b7a"
          fontSize={10}
        />
        <YAxis
          yAxisId="stress"
          stroke="#5c6b7a"
          fontSize={10}
          width={34}
          tickFormatter={(v: number) => formatNumber(v, 1)}
        />
        <YAxis
          yAxisId="spread"
          orientation="right"
          stroke="#5c6b7a"
          fontSize={10}
          width={38}
          tickFormatter={(v: number) => formatNumber(v, 1)}
        />
        <ReferenceLine yAxisId="stress" y={threshold} stroke="#e0485a" strokeDasharray="3 3" />
        <Tooltip
          labelFormatter={(t) => formatTime(Number(t))}
          formatter={(value) => formatNumber(Number(value))}
        />
        <Line
          yAxisId="stress"
          dataKey="stress"
          name="avg stress"
          stroke="#e0b43c"
          dot={false}
          strokeWidth={1.5}
          isAnimationActive={false}
        />
        <Line
          yAxisId="spread"
          dataKey="spread"
          name="avg spread (bp)"
          stroke="#5aa9e6"
          dot={false}
          strokeWidth={1}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
