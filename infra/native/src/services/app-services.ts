// Spreadwatch's own long-running processes, managed like the servers: the API (with the dashboard) and the
// market simulator producing at a demo rate. They get the stack's endpoints through their env vars, so
// custom ports reach them.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { inheritedEnv, paths, ports, repoRoot, stackConfig } from '../config.ts';
import { httpJson } from '../health/http-probe.ts';
import { loadConfig as loadFlinkJobsConfig, readKeptJobs } from '@spreadwatch/flink-jobs';
import type { LaunchSpec, Service } from './service.ts';

/**
 * The API's bearer token for job control: SPREADWATCH_API_TOKEN, or one generated once and kept in the
 * state folder (readable by its owner only), so it survives restarts and `make up` can print it.
 */
export function apiToken(): string {
  if (stackConfig.apiToken) return stackConfig.apiToken;
  const file = path.join(paths.run, 'api-token');
  if (!existsSync(file)) {
    mkdirSync(paths.run, { recursive: true });
    writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** The env every app process gets: the stack's endpoints under the names the apps read. */
export function appEnv(): NodeJS.ProcessEnv {
  return {
    ...inheritedEnv,
    DATABASE_URL: stackConfig.databaseUrl,
    SPREADWATCH_DATABASE_URL: stackConfig.databaseUrl,
    SPREADWATCH_KAFKA_BROKERS: stackConfig.kafkaBrokers,
    SPREADWATCH_REGISTRY_URL: stackConfig.registryUrl,
    SPREADWATCH_FLINK_REST_URL: stackConfig.flinkRestUrl,
    SPREADWATCH_SQL_GATEWAY_URL: stackConfig.sqlGatewayUrl,
    SPREADWATCH_API_PORT: String(ports.api),
    SPREADWATCH_API_TOKEN: apiToken(),
    SPREADWATCH_FLINK_STATE_DIR: flinkJobsStateDir,
  };
}

/** Each Flink job's checkpoints and savepoints, and the job keeper's list, in the state folder. */
export const flinkJobsStateDir = path.join(paths.data, 'flink/jobs');

export const appEntryPoints = {
  api: path.join(repoRoot, 'apps/api/src/server.ts'),
  producer: path.join(repoRoot, 'apps/producer/src/main.ts'),
  jobKeeper: path.join(repoRoot, 'packages/flink-jobs/src/keeper-main.ts'),
} as const;

/** A TypeScript entry point run by Node through tsx. */
function tsxProcess(entry: string, args: string[]): LaunchSpec {
  return { command: process.execPath, args: ['--import', 'tsx', entry, ...args], cwd: repoRoot, env: appEnv() };
}

export const apiService: Service = {
  name: 'api',
  port: ports.api,
  binds: [ports.api],
  logFile: path.join(paths.logs, 'api.log'),
  async launch() {
    return tsxProcess(appEntryPoints.api, []);
  },
  async probe() {
    await httpJson(`http://${stackConfig.host}:${ports.api}/readyz`);
    return `ready, dashboard at http://${stackConfig.host}:${ports.api}`;
  },
};

/** Brings back the Flink jobs that should run: after a JobManager restart, and those `make down` parked. */
export const jobKeeperService: Service = {
  name: 'job-keeper',
  port: ports.flinkRest,
  binds: [],
  logFile: path.join(paths.logs, 'job-keeper.log'),
  async launch() {
    return tsxProcess(appEntryPoints.jobKeeper, []);
  },
  async probe() {
    const kept = readKeptJobs(loadFlinkJobsConfig(appEnv()));
    const age = Date.now() - kept.checkedAt;
    if (age > 30_000) throw new Error(`the keeper has not read the cluster for ${Math.round(age / 1000)} s`);
    return `keeping ${kept.jobs.length} job(s) running`;
  },
};

export const producerService: Service = {
  name: 'producer',
  port: ports.kafka,
  binds: [],
  logFile: path.join(paths.logs, 'producer.log'),
  async launch() {
    const rate = String(stackConfig.demo.rate);
    return tsxProcess(
      appEntryPoints.producer,
      // Event time paced with the wall clock, so windows close in real time; a few late events exercise
      // the watermark the way real feeds do.
      ['--symbols', String(stackConfig.demo.symbols), '--rate', rate, '--event-rate', rate,
        '--late-fraction', '0.01', '--max-delay-ms', '2000'],
    );
  },
  async probe() {
    // Healthy once its events are in Kafka: the topic's end offsets, read by a metadata/offsets request.
    const kafka = new Kafka({ clientId: 'spreadwatch-health', brokers: [stackConfig.kafkaBrokers], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    try {
      await admin.connect();
      const offsets = await admin.fetchTopicOffsets('market_events');
      const events = offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
      if (events === 0) throw new Error('no events in market_events yet');
      return `${events} events in market_events`;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  },
};
