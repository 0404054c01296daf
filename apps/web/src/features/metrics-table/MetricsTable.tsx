// Rows are windowed: only those in view (plus a margin) are in the DOM, padded above and below.
import { useState } from 'react';
import type { WindowMetrics } from '../../api/types.ts';
import { visibleRows } from '../../lib/heatmap.ts';
import type { SortState } from '../../lib/table.ts';
import { COLUMNS, type ColumnKey } from './columns.ts';

const ROW = 22;
const VIEW = 360;

interface Props {
  rows: WindowMetrics[];
  sort: SortState<ColumnKey>;
  onSort: (key: ColumnKey) => void;
}

export function MetricsTable({ rows, sort, onSort }: Props) {
  const [scrollTop, setScrollTop] = useState(0);
  const [first, last] = visibleRows(scrollTop, VIEW, ROW, rows.length, 8);
  return (
    <div
      className="scroll"
      style={{ maxHeight: VIEW }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <table className="data" data-rows={rows.length}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                className={column.left ? 'left' : undefined}
                onClick={() => onSort(column.key)}
                aria-sort={
                  sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
                }
              >
                {column.header}
                {sort.key === column.key ? (sort.direction === 'asc' ? ' ▴' : ' ▾') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr style={{ height: first * ROW }} aria-hidden />}
          {rows.slice(first, last).map((row) => (
            <tr
              key={`${row.symbol}|${row.windowStart}`}
              style={{ height: ROW }}
              className={row.spreadAnomaly ? 'flag-anomaly' : row.isOptimal ? 'flag-optimal' : undefined}
            >
              {COLUMNS.map((column) => (
                <td key={column.key} className={column.left ? 'left' : undefined}>
                  {column.display(row)}
                </td>
              ))}
            </tr>
          ))}
          {last < rows.length && <tr style={{ height: (rows.length - last) * ROW }} aria-hidden />}
        </tbody>
      </table>
    </div>
  );
}
