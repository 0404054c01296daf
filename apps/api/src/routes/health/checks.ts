// Readiness probes of the dependencies, each bounded in time.
import { Kafka, logLevel } from 'kafkajs';
import type pg from 'pg';
import type { JobManagerClient } from '@spreadwatch/flink-client';

export interface Check {
  ok: boolean;
  detail: string;
}

const TIMEOUT_MS = 3_000;

function within<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function probe(run: () => Promise<string>): Promise<Check> {
  try {
    return { ok: true, detail: await within(run()) };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export const checkPostgres = (pool: pg.Pool): Promise<Check> =>
  probe(async () => {
    await pool.query('SELECT 1');
    return 'reachable';
  });

export const checkFlink = (jobManager: JobManagerClient): Promise<Check> =>
  probe(async () => {
    const jobs = await jobManager.jobs();
    return `${jobs.filter((job) => job.state === 'RUNNING').length} jobs running`;
  });

export const checkKafka = (brokers: string[]): Promise<Check> =>
  probe(async () => {
    const admin = new Kafka({
      clientId: 'spreadwatch-api-health',
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: TIMEOUT_MS,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return `${cluster.brokers.length} broker(s)`;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  });
