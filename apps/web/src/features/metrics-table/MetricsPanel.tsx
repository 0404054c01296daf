import { useMemo, useState } from 'react';
import { Panel, QueryView } from '../../app/Panel.tsx';
import { allPages } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import type { WindowMetrics } from '../../api/types.ts';
import { useQuery } from '../../api/use-query.ts';
import { toCsv } from '../../lib/csv.ts';
import { downloadText } from '../../lib/download.ts';
import { filterBySymbol, nextSort, sortRows, type SortState } from '../../lib/table.ts';
import { CSV_COLUMNS, type ColumnKey } from './columns.ts';
import { MetricsTable } from './MetricsTable.tsx';

const HISTORY_MS = 60 * 60_000;

/**
 * The latest window of every symbol; a filter naming exactly one known symbol shows that symbol's last
 * hour of windows instead.
 */
export function MetricsPanel({ symbols }: { symbols: string[] }) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortState<ColumnKey>>({ key: 'avgSpreadBps', direction: 'desc' });
  const single = symbols.find((symbol) => symbol === filter.trim().toUpperCase());
  const query = useQuery(
    `metrics:${single ?? '*'}`,
    async (signal): Promise<WindowMetrics[]> => {
      if (!single) return (await api.latest(signal)).items;
      const to = Date.now() + 60_000;
      return allPages((after) =>
        api.metrics({ symbol: single, from: to - HISTORY_MS, to, after, limit: 1000 }, signal),
      );
    },
    15_000,
  );
  const rows = useMemo(
    () => query.data && sortRows(filterBySymbol(query.data, filter), sort, (row, key) => row[key]),
    [query.data, filter, sort],
  );

  return (
    <Panel
      title={single ? `Windows of ${single} (last hour)` : 'Latest window per symbol'}
      testId="metrics-table"
      className="span-12"
      actions={
        <>
          <span className="muted mono">{rows ? `${rows.length} rows` : ''}</span>
          <input
            className="control mono"
            placeholder="filter symbols: AAPL, MS…"
            aria-label="filter symbols"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <button
            className="control"
            disabled={!rows || rows.length === 0}
            onClick={() =>
              rows &&
              downloadText(
                `spread-metrics-${new Date().toISOString()}.csv`,
                toCsv(rows, CSV_COLUMNS),
                'text/csv',
              )
            }
          >
            Export CSV
          </button>
        </>
      }
    >
      <QueryView
        {...query}
        data={rows}
        isEmpty={(r) => r.length === 0}
        emptyText={filter ? 'No symbol matches the filter.' : 'No windows written yet.'}
      >
        {(r) => <MetricsTable rows={r} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />}
      </QueryView>
    </Panel>
  );
}
