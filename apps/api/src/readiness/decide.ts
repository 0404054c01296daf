// Whether the API is ready, from what the probes saw: which checks pass and, for each failure, a cause that
// names it. Pure, so the branches the shared stack must never be put into (no TaskManager, a crash loop)
// are tested as well as the ones an integration test can provoke.

export interface Check {
  ok: boolean;
  detail: string;
}

/** What one probe saw, or why it saw nothing. */
export type Probe<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ActiveJob {
  id: string;
  state: string;
  /** Epoch ms. */
  startTime: number;
  /** When the job entered its current state (epoch ms). */
  stateSince: number;
  /** Status of each vertex (RUNNING, SCHEDULED, DEPLOYING, ...). */
  vertexStatuses: string[];
  /** The job metric numRestarts; null when the JobManager has not reported it. */
  restarts: number | null;
  /** When the job last entered RESTARTING (epoch ms); null if it never did. */
  lastRestartAt: number | null;
}

export interface CatalogJob {
  /** pipeline.name, e.g. spreadwatch-spread-metrics. */
  name: string;
  /** The job under that name that holds (or will again hold) slots. */
  active: ActiveJob | null;
  /** The newest ended job under that name, when none is active. */
  lastEnded: { state: string; endTime: number } | null;
}

/** A sink table whose newest row tells when a window last landed. */
export interface SinkTable {
  table: string;
  /** written_at of its newest row (epoch ms); null when empty. */
  newestRowAt: number | null;
}

export interface Observation {
  now: number;
  postgres: Probe<null>;
  jobManager: Probe<{ taskManagers: number }>;
  /** The catalog jobs of the namespace (fails alone when the catalog or a job cannot be read). */
  jobs: Probe<CatalogJob[]>;
  kafka: Probe<{ brokers: number }>;
  sinks: Probe<SinkTable[]>;
  /**
   * Per sink table, the events that reached the source topic since `eventWindowStart` of that table (0 when
   * that start lies in the future); `topicExists` false when the topic is not there yet.
   */
  events: Probe<{ topic: string; topicExists: boolean; since: Record<string, number> }>;
}

export interface ReadinessSettings {
  /** A window must land at least this often while events arrive. */
  maxWindowAgeMs: number;
  /** How long a job may be starting (CREATED, INITIALIZING, RESTARTING, vertices deploying) unreported. */
  graceMs: number;
  /**
   * A job that has restarted at least `crashLoopRestarts` times and restarted again within this window is
   * crash-looping even while it is briefly RUNNING (the restart delay grows to 30 s, then repeats).
   */
  crashLoopWindowMs: number;
  crashLoopRestarts: number;
}

export type CheckName = 'postgres' | 'flink' | 'taskManagers' | 'jobs' | 'kafka' | 'freshness';

export interface Readiness {
  status: 'ready' | 'unavailable';
  causes: string[];
  checks: Record<CheckName, Check>;
}

const seconds = (ms: number): string => `${Math.max(0, Math.round(ms / 1000))} s`;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** When a window last landed in a table: its newest row, or the start of a job that has not written yet. */
export function lastLanding(table: SinkTable, activeJobStarts: number[]): number | null {
  const times = [table.newestRowAt, ...activeJobStarts].filter((time): time is number => time !== null);
  return times.length === 0 ? null : Math.max(...times);
}

/**
 * Events at or after this time mean windows are overdue: they came more than the bound after the last
 * landing, and within the last bound (still arriving, not a stream that stopped long ago).
 */
export function eventWindowStart(landing: number | null, now: number, maxWindowAgeMs: number): number {
  const recent = now - maxWindowAgeMs;
  return landing === null ? recent : Math.max(landing + maxWindowAgeMs, recent);
}

function judgeJob(job: CatalogJob, now: number, settings: ReadinessSettings): string | null {
  const { active } = job;
  if (!active) {
    const last = job.lastEnded;
    return last
      ? `${job.name} is missing (its last run ended ${last.state} ${seconds(now - last.endTime)} ago)`
      : `${job.name} is missing (never submitted)`;
  }
  const restarts = active.restarts === null ? '' : `, ${plural(active.restarts, 'restart')}`;
  const inState = now - active.stateSince;
  if (active.state !== 'RUNNING' && inState > settings.graceMs) {
    return `${job.name} is ${active.state} for ${seconds(inState)}${restarts}`;
  }
  const looping =
    active.restarts !== null &&
    active.restarts >= settings.crashLoopRestarts &&
    active.lastRestartAt !== null &&
    now - active.lastRestartAt < settings.crashLoopWindowMs;
  if (looping) {
    return `${job.name} keeps restarting: ${plural(active.restarts ?? 0, 'restart')}, the last ${seconds(now - active.lastRestartAt!)} ago (now ${active.state})`;
  }
  const waiting = active.vertexStatuses.filter((status) => status !== 'RUNNING');
  if (active.state === 'RUNNING' && waiting.length > 0 && inState > settings.graceMs) {
    return `${job.name} is RUNNING for ${seconds(inState)} but ${waiting.length} of ${active.vertexStatuses.length} vertices are not (${[...new Set(waiting)].join(', ')})${restarts}`;
  }
  return null;
}

function describeJob(job: CatalogJob, now: number): string {
  const active = job.active!;
  const restarts = active.restarts === null ? '' : `, ${plural(active.restarts, 'restart')}`;
  const starting = active.state === 'RUNNING' ? '' : ` for ${seconds(now - active.stateSince)} (starting)`;
  return `${job.name} ${active.state}${starting}${restarts}`;
}

function jobsCheck(
  observation: Observation,
  settings: ReadinessSettings,
): { check: Check; causes: string[] } {
  const { jobs, jobManager, now } = observation;
  if (!jobManager.ok)
    return { check: { ok: false, detail: 'unknown: the JobManager did not answer' }, causes: [] };
  if (!jobs.ok) {
    const cause = `cannot read the catalog jobs: ${jobs.error}`;
    return { check: { ok: false, detail: cause }, causes: [cause] };
  }
  const causes = jobs.value.flatMap((job) => judgeJob(job, now, settings) ?? []);
  if (causes.length > 0) return { check: { ok: false, detail: causes.join('; ') }, causes };
  if (jobs.value.length === 0) return { check: { ok: true, detail: 'the catalog has no jobs' }, causes };
  return { check: { ok: true, detail: jobs.value.map((job) => describeJob(job, now)).join('; ') }, causes };
}

function freshnessCheck(
  observation: Observation,
  settings: ReadinessSettings,
): { check: Check; causes: string[] } {
  const { events, sinks, jobs, now } = observation;
  const bound = seconds(settings.maxWindowAgeMs);
  if (!events.ok) {
    if (!observation.kafka.ok)
      return { check: { ok: false, detail: 'unknown: Kafka did not answer' }, causes: [] };
    const cause = `cannot read the source topic's offsets: ${events.error}`;
    return { check: { ok: false, detail: cause }, causes: [cause] };
  }
  const { topic } = events.value;
  if (!events.value.topicExists) {
    return { check: { ok: true, detail: `no events: topic ${topic} does not exist yet` }, causes: [] };
  }
  if (!sinks.ok) {
    if (!observation.postgres.ok)
      return { check: { ok: false, detail: 'unknown: PostgreSQL did not answer' }, causes: [] };
    const cause = `cannot read the newest rows: ${sinks.error}`;
    return { check: { ok: false, detail: cause }, causes: [cause] };
  }
  const starts = jobs.ok ? jobs.value.flatMap((job) => (job.active ? [job.active.startTime] : [])) : [];
  const causes: string[] = [];
  const ages: string[] = [];
  for (const sink of sinks.value) {
    const landing = lastLanding(sink, starts);
    const arrived = events.value.since[sink.table] ?? 0;
    const overdue = landing === null || now - landing > settings.maxWindowAgeMs;
    const arriving = `${plural(arrived, 'event')} in ${topic} in the last ${seconds(now - eventWindowStart(landing, now, settings.maxWindowAgeMs))}`;
    if (overdue && arrived > 0) {
      causes.push(
        landing === null
          ? `no window has landed in ${sink.table} while events arrive (${arriving})`
          : `no window landed in ${sink.table} for ${seconds(now - landing)} while events arrive (${arriving}; bound ${bound})`,
      );
    }
    ages.push(
      `${sink.table} ${sink.newestRowAt === null ? 'empty' : `newest row ${seconds(now - sink.newestRowAt)} old`}`,
    );
  }
  if (causes.length > 0) return { check: { ok: false, detail: causes.join('; ') }, causes };
  return {
    check: { ok: true, detail: `${ages.join(', ')}; no events overdue for a window (bound ${bound})` },
    causes,
  };
}

export function decide(observation: Observation, settings: ReadinessSettings): Readiness {
  const { postgres, jobManager, kafka } = observation;
  const failure = (what: string, probe: { ok: false; error: string }) => `${what}: ${probe.error}`;
  const causes: string[] = [];
  const simple = (check: Check): Check => {
    if (!check.ok) causes.push(check.detail);
    return check;
  };
  const checks = {
    postgres: simple(
      postgres.ok
        ? { ok: true, detail: 'reachable' }
        : { ok: false, detail: failure('PostgreSQL unreachable', postgres) },
    ),
    flink: simple(
      jobManager.ok
        ? { ok: true, detail: 'JobManager reachable' }
        : { ok: false, detail: failure('Flink JobManager unreachable', jobManager) },
    ),
    taskManagers: jobManager.ok
      ? simple(
          jobManager.value.taskManagers > 0
            ? { ok: true, detail: `${plural(jobManager.value.taskManagers, 'TaskManager')} registered` }
            : { ok: false, detail: 'no TaskManager registered with the JobManager' },
        )
      : { ok: false, detail: 'unknown: the JobManager did not answer' },
    kafka: simple(
      kafka.ok
        ? { ok: true, detail: `${plural(kafka.value.brokers, 'broker')}` }
        : { ok: false, detail: failure('Kafka unreachable', kafka) },
    ),
  };
  const jobs = jobsCheck(observation, settings);
  const freshness = freshnessCheck(observation, settings);
  causes.push(...jobs.causes, ...freshness.causes);
  return {
    status: causes.length === 0 ? 'ready' : 'unavailable',
    causes,
    checks: { ...checks, jobs: jobs.check, freshness: freshness.check },
  };
}
