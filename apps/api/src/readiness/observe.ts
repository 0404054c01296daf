// The probes behind /readyz, each bounded in time: PostgreSQL (and the newest row of each sink table), the
// JobManager (TaskManagers, the catalog jobs with their vertices and restart count) and Kafka (brokers, and
// the events that reached the source topic since each table's last window could have landed).
import {
  ACTIVE_JOB_STATES,
  type JobDetail,
  type JobOverview,
  type JobState,
} from '@spreadwatch/flink-client';
import { Kafka, logLevel } from 'kafkajs';
import type pg from 'pg';
import {
  eventWindowStart,
  lastLanding,
  type CatalogJob,
  type Observation,
  type Probe,
  type SinkTable,
} from './decide.ts';

const TIMEOUT_MS = 3_000;

export interface ObserveTargets {
  pool: pg.Pool;
  flinkRestUrl: string;
  /** pipeline.name of every catalog job of the namespace; throws when the catalog cannot be read. */
  jobNames: () => string[];
  kafkaBrokers: string[];
  sourceTopic: string;
  maxWindowAgeMs: number;
}

function within<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function probe<T>(run: () => Promise<T>): Promise<Probe<T>> {
  try {
    return { ok: true, value: await within(run()) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}

async function newestRows(pool: pg.Pool): Promise<SinkTable[]> {
  // max(written_at) reads the end of the written_at index of each table.
  const { rows } = await pool.query<{ metrics: number | null; bars: number | null }>(
    `SELECT (SELECT extract(epoch FROM max(written_at)) * 1000 FROM spread_metrics)::float8 AS metrics,
            (SELECT extract(epoch FROM max(written_at)) * 1000 FROM spread_bars_1s)::float8 AS bars`,
  );
  const row = rows[0]!;
  return [
    { table: 'spread_metrics', newestRowAt: row.metrics },
    { table: 'spread_bars_1s', newestRowAt: row.bars },
  ];
}

async function catalogJob(flinkRestUrl: string, name: string, all: JobOverview[]): Promise<CatalogJob> {
  const named = all.filter((job) => job.name === name).sort((a, b) => b['start-time'] - a['start-time']);
  const overview = named.find((job) => ACTIVE_JOB_STATES.includes(job.state));
  if (!overview) {
    const ended = named[0];
    return {
      name,
      active: null,
      lastEnded: ended ? { state: ended.state, endTime: ended['end-time'] } : null,
    };
  }
  const base = `${flinkRestUrl}/jobs/${overview.jid}`;
  const [detail, metrics] = await Promise.all([
    getJson<JobDetail>(base),
    // Job metrics reach the REST API through a periodic fetch: the count may lag a restart by seconds.
    getJson<{ id: string; value: string }[]>(`${base}/metrics?get=numRestarts`).catch(() => []),
  ]);
  const restarts = metrics.find((metric) => metric.id === 'numRestarts');
  const since = (state: JobState): number | null => detail.timestamps[state] || null;
  return {
    name,
    active: {
      id: detail.jid,
      state: detail.state,
      startTime: detail['start-time'],
      stateSince: since(detail.state) ?? detail['start-time'],
      vertexStatuses: detail.vertices.map((vertex) => vertex.status),
      restarts: restarts ? Number(restarts.value) : null,
      lastRestartAt: since('RESTARTING'),
    },
    lastEnded: null,
  };
}

async function observeKafka(
  targets: ObserveTargets,
  tables: string[],
  startOf: (table: string) => number | null,
  now: number,
): Promise<{ kafka: Observation['kafka']; events: Observation['events'] }> {
  const admin = new Kafka({
    clientId: 'spreadwatch-api-readiness',
    brokers: targets.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: TIMEOUT_MS,
    retry: { retries: 0 },
  }).admin();
  try {
    const kafka = await probe(async () => {
      await admin.connect();
      return { brokers: (await admin.describeCluster()).brokers.length };
    });
    if (!kafka.ok) return { kafka, events: { ok: false, error: kafka.error } };
    const topic = targets.sourceTopic;
    const events = await probe(async () => {
      if (!(await admin.listTopics()).includes(topic)) return { topic, topicExists: false, since: {} };
      const high = await admin.fetchTopicOffsets(topic);
      // Messages carry the producer's send time (CreateTime): the offset of the first one at or after a
      // time, per partition, counts what arrived since.
      const countSince = async (time: number): Promise<number> => {
        if (time > now) return 0;
        const from = await admin.fetchTopicOffsetsByTimestamp(topic, time);
        return from.reduce((sum, { partition, offset }) => {
          const end = high.find((entry) => entry.partition === partition)?.high ?? offset;
          return sum + Math.max(0, Number(end) - Number(offset));
        }, 0);
      };
      const since: Record<string, number> = {};
      for (const table of tables) {
        const start = startOf(table);
        since[table] = start === null ? 0 : await countSince(start);
      }
      return { topic, topicExists: true, since };
    });
    return { kafka, events };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function observe(targets: ObserveTargets): Promise<Observation> {
  const now = Date.now();
  const [postgres, sinks, jobManager, jobs] = await Promise.all([
    probe(async () => {
      await targets.pool.query('SELECT 1');
      return null;
    }),
    probe(() => newestRows(targets.pool)),
    probe(async () => ({
      taskManagers: (await getJson<{ taskmanagers: number }>(`${targets.flinkRestUrl}/overview`))
        .taskmanagers,
    })),
    probe(async () => {
      const names = targets.jobNames();
      const all = (await getJson<{ jobs: JobOverview[] }>(`${targets.flinkRestUrl}/jobs/overview`)).jobs;
      return Promise.all(names.map((name) => catalogJob(targets.flinkRestUrl, name, all)));
    }),
  ]);
  const starts = jobs.ok ? jobs.value.flatMap((job) => (job.active ? [job.active.startTime] : [])) : [];
  // Only events that make a table's windows overdue are counted; without the newest rows, none are.
  const startOf = (table: string): number | null => {
    const sink = sinks.ok ? sinks.value.find((entry) => entry.table === table) : undefined;
    return sink ? eventWindowStart(lastLanding(sink, starts), now, targets.maxWindowAgeMs) : null;
  };
  const tables = sinks.ok ? sinks.value.map((sink) => sink.table) : [];
  const { kafka, events } = await observeKafka(targets, tables, startOf, now);
  return { now, postgres, jobManager, jobs, kafka, sinks, events };
}
