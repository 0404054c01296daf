// Records per second of each job. Flink refreshes its metrics only every few seconds, so a poll often sees
// the same count: the rate spans from the last sample whose count differed, and a count unchanged for
// longer than `idleMs` means the job is idle (0/s).

export interface RecordSample {
  id: string;
  recordsIn: number | null;
  /** Epoch ms of the sample. */
  at: number;
}

export interface RateState {
  /** Per job, the first sample of its current count. */
  changed: Map<string, RecordSample>;
  rates: Map<string, number>;
}

export const emptyRates = (): RateState => ({ changed: new Map(), rates: new Map() });

export function updateRates(state: RateState, samples: readonly RecordSample[], idleMs = 30_000): RateState {
  const changed = new Map<string, RecordSample>();
  const rates = new Map<string, number>();
  for (const sample of samples) {
    const before = state.changed.get(sample.id);
    if (sample.recordsIn === null) continue;
    if (!before || before.recordsIn === null || sample.recordsIn < before.recordsIn) {
      changed.set(sample.id, sample);
    } else if (sample.recordsIn === before.recordsIn) {
      changed.set(sample.id, before);
      const rate = state.rates.get(sample.id);
      if (sample.at - before.at > idleMs) rates.set(sample.id, 0);
      else if (rate !== undefined) rates.set(sample.id, rate);
    } else {
      changed.set(sample.id, sample);
      rates.set(sample.id, ((sample.recordsIn - before.recordsIn) * 1000) / (sample.at - before.at));
    }
  }
  return { changed, rates };
}
