import { describe, expect, it } from 'vitest';
import {
  formatBps,
  formatCompact,
  formatDuration,
  formatNumber,
  formatTime,
  formatWindow,
} from './format.ts';

describe('formatters', () => {
  it('formats numbers with fixed decimals and a dash for missing values', () => {
    expect(formatNumber(1234.5678)).toBe('1,234.57');
    expect(formatNumber(0.5, 0)).toBe('1');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatBps(3.14159)).toBe('3.14 bp');
    expect(formatBps(undefined)).toBe('–');
  });

  it('abbreviates large counts', () => {
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1_234)).toBe('1.2k');
    expect(formatCompact(2_500_000)).toBe('2.5M');
    expect(formatCompact(3.2e9)).toBe('3.2G');
    expect(formatCompact(-1_500)).toBe('-1.5k');
  });

  it('formats durations with their two largest units', () => {
    expect(formatDuration(350)).toBe('350ms');
    expect(formatDuration(8_240)).toBe('8.2s');
    expect(formatDuration(252_000)).toBe('4m 12s');
    expect(formatDuration(7_500_000)).toBe('2h 5m');
    expect(formatDuration(273_600_000)).toBe('3d 4h');
    expect(formatDuration(-2_000)).toBe('-2.0s');
    expect(formatDuration(null)).toBe('–');
  });

  it('formats times in UTC', () => {
    const t = Date.UTC(2026, 0, 5, 14, 2, 7);
    expect(formatTime(t)).toBe('14:02:07');
    expect(formatWindow(Date.UTC(2026, 0, 5, 14, 2), Date.UTC(2026, 0, 5, 14, 3))).toBe('14:02–14:03');
  });
});
