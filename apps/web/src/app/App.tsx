import { useMemo } from 'react';
import { api } from '../api/endpoints.ts';
import { useQuery } from '../api/use-query.ts';
import { AlertsPanel } from '../features/alerts/AlertsPanel.tsx';
import { DataQualityPanel } from '../features/data-quality/DataQualityPanel.tsx';
import { FreshnessIndicator } from '../features/freshness/FreshnessIndicator.tsx';
import { useNewestWindowEnd } from '../features/freshness/use-newest-window.ts';
import { HeatmapPanel } from '../features/heatmap/HeatmapPanel.tsx';
import { JobsPanel } from '../features/jobs/JobsPanel.tsx';
import { MetricsPanel } from '../features/metrics-table/MetricsPanel.tsx';
import { StressPanel } from '../features/stress/StressPanel.tsx';
import { TimelinePanel } from '../features/timeline/TimelinePanel.tsx';

export function App() {
  const symbols = useQuery('symbols', (signal) => api.symbols(signal), 30_000);
  const names = useMemo(() => (symbols.data?.items ?? []).map((summary) => summary.symbol), [symbols.data]);
  const newestWindowEnd = useNewestWindowEnd(symbols.data?.items);

  return (
    <>
      <header className="topbar">
        <span className="brand">SPREADWATCH</span>
        <span className="muted">bid-ask spread analytics · {names.length} symbols</span>
        <span className="spacer" />
        {symbols.error && (
          <span className="state error" style={{ minHeight: 0, padding: 0 }}>
            API unreachable, retrying…
          </span>
        )}
        <FreshnessIndicator newestWindowEnd={newestWindowEnd} />
      </header>
      <main className="grid">
        <TimelinePanel symbols={names} />
        <AlertsPanel />
        <HeatmapPanel />
        <StressPanel />
        <MetricsPanel symbols={names} />
        <JobsPanel />
        <DataQualityPanel />
      </main>
    </>
  );
}
