// The one place that reads process.env: SPREADWATCH_* settings of the Flink jobs, with defaults that match
// the native stack (infra/native).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The native stack's state folder (infra/native), unless SPREADWATCH_HOME moves it. */
const defaultHome = path.join(repoRoot, '.spreadwatch');
/** What `make fetch` / `make up` build from flink-sql/functions (its pom's finalName). */
const defaultFunctionsJar = path.join(repoRoot, 'flink-sql/functions/target/spreadwatch-flink-functions.jar');

export interface FlinkJobsConfig {
  sqlGatewayUrl: string;
  flinkRestUrl: string;
  kafkaBrokers: string[];
  registryUrl: string;
  databaseUrl: string;
  /** Bounded out-of-orderness of the event-time watermark. */
  watermarkDelayMs: number;
  /** '' is the live namespace. */
  namespace: string;
  /**
   * Local folder holding each job's checkpoints and savepoints under its name (job-state.ts), shared with the
   * Flink cluster: jobs resume from the newest state found there.
   */
  stateDir: string;
  /** The jar of flink-sql/functions, as the SQL Gateway sees it; shipped with every job. */
  functionsJar: string;
  /** An event time further ahead of the clock than this is rejected (it would close every window early). */
  maxEventAheadSeconds: number;
  /** How often the job keeper looks for jobs that should run and do not. */
  keeperIntervalMs: number;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): FlinkJobsConfig {
  const watermarkDelayMs = wholeNumber(env, 'SPREADWATCH_WATERMARK_DELAY_MS', 5000);
  return {
    sqlGatewayUrl: env.SPREADWATCH_SQL_GATEWAY_URL ?? 'http://127.0.0.1:8083',
    flinkRestUrl: env.SPREADWATCH_FLINK_REST_URL ?? 'http://127.0.0.1:8081',
    kafkaBrokers: (env.SPREADWATCH_KAFKA_BROKERS ?? '127.0.0.1:9092')
      .split(',')
      .map((broker) => broker.trim()),
    registryUrl: env.SPREADWATCH_REGISTRY_URL ?? 'http://127.0.0.1:8085/apis/ccompat/v7',
    databaseUrl:
      env.DATABASE_URL ??
      env.SPREADWATCH_DATABASE_URL ??
      'postgres://spreadwatch:spreadwatch@127.0.0.1:5432/spreadwatch',
    watermarkDelayMs,
    namespace: env.SPREADWATCH_NAMESPACE ?? '',
    stateDir: path.resolve(
      env.SPREADWATCH_FLINK_STATE_DIR || path.join(env.SPREADWATCH_HOME || defaultHome, 'data/flink/jobs'),
    ),
    functionsJar: env.SPREADWATCH_FLINK_FUNCTIONS_JAR || defaultFunctionsJar,
    maxEventAheadSeconds: wholeNumber(env, 'SPREADWATCH_MAX_EVENT_AHEAD_S', 300),
    keeperIntervalMs: wholeNumber(env, 'SPREADWATCH_KEEPER_INTERVAL_MS', 5000),
  };
}
