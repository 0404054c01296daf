// Records per second of each job from two successive samples of its source record count.

export interface RecordSample {
  id: string;
  recordsIn: number | null;
  /** Epoch ms of the sample. */
  at: number;
}

export function throughput(previous: ReadonlyMap<string, RecordSample>, current: readonly RecordSample[]): Map<string, number> {
  const rates = new Map<string, number>();
  for (const sample of current) {
    const before = previous.get(sample.id);
    if (!before || before.recordsIn === null || sample.recordsIn === null || sample.at <= before.at) continue;
    if (sample.recordsIn < before.recordsIn) continue;
    rates.set(sample.id, ((sample.recordsIn - before.recordsIn) * 1000) / (sample.at - before.at));
  }
  return rates;
}
