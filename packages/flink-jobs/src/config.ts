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
  /**
   * How long a Kafka partition may go without a message before the watermark stops waiting for it. Idleness
   * is judged on the wall clock, so it must outlast the slowest start of a partition's reading: at 5 s, a job
   * starting on a backlog under load marked partitions idle before their first poll and dropped their first
   * seconds as late (seen in bench-flink: 6,640 events of two partitions).
   */
  sourceIdleTimeoutSeconds: number;
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
  /**
   * Parallel subtasks of each job operator (parallelism.default of the submitted job): up to the topic's
   * partitions for the source, and the TaskManagers' slots in total must hold them (docs/scaling.md).
   */
  parallelism: number;
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
  const parallelism = wholeNumber(env, 'SPREADWATCH_FLINK_PARALLELISM', 1);
  if (parallelism < 1) throw new Error(`SPREADWATCH_FLINK_PARALLELISM must be at least 1, got "${parallelism}"`);
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
    sourceIdleTimeoutSeconds: wholeNumber(env, 'SPREADWATCH_SOURCE_IDLE_TIMEOUT_S', 60),
    namespace: env.SPREADWATCH_NAMESPACE ?? '',
    stateDir: path.resolve(
      env.SPREADWATCH_FLINK_STATE_DIR || path.join(env.SPREADWATCH_HOME || defaultHome, 'data/flink/jobs'),
    ),
    functionsJar: env.SPREADWATCH_FLINK_FUNCTIONS_JAR || defaultFunctionsJar,
    maxEventAheadSeconds: wholeNumber(env, 'SPREADWATCH_MAX_EVENT_AHEAD_S', 300),
    keeperIntervalMs: wholeNumber(env, 'SPREADWATCH_KEEPER_INTERVAL_MS', 5000),
    parallelism,
  };
}
