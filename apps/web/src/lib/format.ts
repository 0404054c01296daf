// Display formatters for the dashboard: fixed decimals, tabular-friendly, '–' for missing values.

const DASH = '–';

export function formatNumber(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatBps(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? DASH
    : `${formatNumber(value, 2)} bp`;
}

/** 1234 -> 1.2k, 2_500_000 -> 2.5M. */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(1)}G`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  return String(Math.round(value));
}

/** A duration as its two largest units: 3d 4h, 2h 5m, 4m 12s, 8.2s, 350ms. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 1_000) return `${sign}${Math.round(abs)}ms`;
  if (abs < 60_000) return `${sign}${(abs / 1_000).toFixed(1)}s`;
  const s = Math.floor(abs / 1_000);
  const [d, h, m, sec] = [
    Math.floor(s / 86_400),
    Math.floor(s / 3_600) % 24,
    Math.floor(s / 60) % 60,
    s % 60,
  ];
  if (d > 0) return `${sign}${d}d ${h}h`;
  if (h > 0) return `${sign}${h}h ${m}m`;
  return `${sign}${m}m ${sec}s`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** UTC wall-clock time, HH:MM:SS (the pipeline's timestamps are UTC). */
export function formatTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A window as 14:02–14:03 (UTC). */
export function formatWindow(startMs: number, endMs: number): string {
  return `${formatTime(startMs).slice(0, 5)}–${formatTime(endMs).slice(0, 5)}`;
}
