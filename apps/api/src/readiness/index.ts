// /readyz's answer: the probes (observe.ts) judged (decide.ts), shared among callers for a second so a busy
// poller does not hammer the JobManager, Kafka and PostgreSQL.
import { memoize } from '../repositories/memoize.ts';
import { decide, type Readiness } from './decide.ts';
import { observe, type ObserveTargets } from './observe.ts';

const CACHE_MS = 1_000;

export function createReadiness(targets: ObserveTargets): () => Promise<Readiness> {
  return memoize(
    async () =>
      decide(await observe(targets), {
        maxWindowAgeMs: targets.maxWindowAgeMs,
        // Submission to every vertex running takes a few seconds here; a job still starting after this is stuck.
        graceMs: 15_000,
        // Flink's exponential restart delay tops out at 30 s (infra/native/flink/conf/config.yaml): a job
        // failing over and over restarts again well within a minute.
        crashLoopWindowMs: 60_000,
        crashLoopRestarts: 3,
      }),
    CACHE_MS,
  );
}
