// The metrics table's columns: header, value for sorting and CSV, and display.
import type { WindowMetrics } from '../../api/types.ts';
import type { CsvColumn } from '../../lib/csv.ts';
import { formatCompact, formatNumber, formatWindow } from '../../lib/format.ts';

export type ColumnKey = keyof Omit<WindowMetrics, 'windowEnd'>;

export interface MetricsColumn {
  key: ColumnKey;
  header: string;
  display: (row: WindowMetrics) => string;
  left?: boolean;
}

const num = (key: ColumnKey, header: string, decimals = 2): MetricsColumn => ({
  key,
  header,
  display: (row) => formatNumber(row[key] as number | null, decimals),
});

export const COLUMNS: MetricsColumn[] = [
  { key: 'symbol', header: 'Symbol', display: (row) => row.symbol, left: true },
  {
    key: 'windowStart',
    header: 'Window (UTC)',
    display: (row) => formatWindow(Date.parse(row.windowStart), Date.parse(row.windowEnd)),
    left: true,
  },
  num('avgSpreadBps', 'Avg bp'),
  num('minSpreadBps', 'Min bp'),
  num('maxSpreadBps', 'Max bp'),
  num('stdSpreadBps', 'Std bp'),
  num('avgEffectiveSpreadBps', 'Eff bp'),
  num('liquidityScore', 'Liquidity'),
  num('quoteToTradeRatio', 'Q/T', 1),
  num('orderImbalance', 'Imbal'),
  { key: 'volume', header: 'Volume', display: (row) => formatCompact(row.volume) },
  num('vwap', 'VWAP'),
  num('avgStress', 'Stress'),
  { key: 'spreadAnomaly', header: 'Anomaly', display: (row) => (row.spreadAnomaly ? '▲' : '') },
  { key: 'isOptimal', header: 'Optimal', display: (row) => (row.isOptimal ? '●' : '') },
];

export const CSV_COLUMNS: CsvColumn<WindowMetrics>[] = [
  ...COLUMNS.map((column) => ({ header: column.key, value: (row: WindowMetrics) => row[column.key] })),
  { header: 'windowEnd', value: (row: WindowMetrics) => row.windowEnd },
  { header: 'quoteCount', value: (row: WindowMetrics) => row.quoteCount },
  { header: 'tradeCount', value: (row: WindowMetrics) => row.tradeCount },
].filter((column, index, all) => all.findIndex((other) => other.header === column.header) === index);
