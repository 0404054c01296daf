// Calm/stressed regimes of the market stress series: consecutive points on one side of a threshold form
// a segment, drawn as a shaded band behind the line.

export type Regime = 'calm' | 'stressed';

export interface StressPoint {
  time: number;
  stress: number | null;
}

export interface RegimeSegment {
  regime: Regime;
  start: number;
  end: number;
}

export function regimeOf(stress: number, threshold: number): Regime {
  return stress >= threshold ? 'stressed' : 'calm';
}

/** Segments over points sorted by time; a segment ends where the next one starts. Missing points are skipped. */
export function regimeSegments(points: readonly StressPoint[], threshold: number): RegimeSegment[] {
  const segments: RegimeSegment[] = [];
  for (const point of points) {
    if (point.stress === null || !Number.isFinite(point.stress)) continue;
    const regime = regimeOf(point.stress, threshold);
    const last = segments.at(-1);
    if (last) last.end = point.time;
    if (last?.regime !== regime) segments.push({ regime, start: point.time, end: point.time });
  }
  return segments;
}
