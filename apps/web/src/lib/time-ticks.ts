// Axis ticks on whole minutes (1, 2, 5, 10, 15, 30 or 60 apart), at most `maxTicks` of them.

const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60];

export function minuteTicks(min: number, max: number, maxTicks = 8): number[] {
  if (!(max > min)) return [];
  const span = (max - min) / 60_000;
  const step = (STEPS_MIN.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks)) * 60_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t);
  return ticks;
}
