import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber, formatTime } from '../../lib/format.ts';
import { minuteTicks } from '../../lib/time-ticks.ts';
import type { TimelinePoint } from './series.ts';

export function TimelineChart({ points }: { points: TimelinePoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart data={points} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#1b2530" vertical={false} />
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
        <YAxis stroke="#5c6b7a" fontSize={10} width={44} tickFormatter={(v: number) => formatNumber(v, 1)} />
        <Tooltip
          labelFormatter={(t) => formatTime(Number(t))}
          formatter={(value) =>
            Array.isArray(value)
              ? `${formatNumber(Number(value[0]))} – ${formatNumber(Number(value[1]))} bp`
              : `${formatNumber(Number(value))} bp`
          }
        />
        <Area
          dataKey="band"
          name="window min–max"
          stroke="none"
          fill="#3fb8af"
          fillOpacity={0.14}
          type="stepAfter"
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          dataKey="windowAvg"
          name="window avg"
          stroke="#e0b43c"
          strokeWidth={1.5}
          dot={false}
          type="stepAfter"
          isAnimationActive={false}
        />
        <Line
          dataKey="bar"
          name="1 s bar avg"
          stroke="#5aa9e6"
          strokeWidth={1}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
