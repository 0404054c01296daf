import { useMemo } from 'react';
import { Panel, QueryView } from '../../app/Panel.tsx';
import { allPages, toMs } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { useQuery } from '../../api/use-query.ts';
import { regimeOf, regimeSegments } from '../../lib/regimes.ts';
import { StressChart, type StressChartPoint } from './StressChart.tsx';

// The simulated market stress factor has a stationary sd of 1: a minute averaging above 1 sd is stressed.
const THRESHOLD = 1;
const RANGE_MS = 60 * 60_000;

export function StressPanel() {
  const query = useQuery(
    'stress',
    async (signal) => {
      const to = Date.now() + 60_000;
      const items = await allPages((after) =>
        api.stress({ from: to - RANGE_MS, to, after, limit: 1000 }, signal),
      );
      return items.map<StressChartPoint>((point) => ({
        time: toMs(point.windowStart),
        stress: point.avgStress,
        spread: point.avgSpreadBps,
      }));
    },
    15_000,
  );
  const segments = useMemo(
    () =>
      regimeSegments(
        (query.data ?? []).map((p) => ({ time: p.time, stress: p.stress })),
        THRESHOLD,
      ),
    [query.data],
  );
  const current = query.data?.at(-1)?.stress;

  return (
    <Panel
      title="Market stress"
      testId="stress"
      className="span-5"
      actions={
        current !== undefined &&
        current !== null && (
          <span
            className={`badge ${regimeOf(current, THRESHOLD) === 'stressed' ? 'liquidity_crisis' : 'RUNNING'}`}
            data-testid="regime"
          >
            {regimeOf(current, THRESHOLD)}
          </span>
        )
      }
    >
      <QueryView
        {...query}
        isEmpty={(points) => points.length === 0}
        emptyText="No windows in the last hour."
      >
        {(points) => <StressChart points={points} segments={segments} threshold={THRESHOLD} />}
      </QueryView>
    </Panel>
  );
}
