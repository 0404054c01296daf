// The one place that reads process.env: SPREADWATCH_* settings of the Flink jobs, with defaults that match
// the native stack (infra/native).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `make fetch` / `make up` build from flink-sql/functions (its pom's finalName). */
const defaultFunctionsJar = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../flink-sql/functions/target/spreadwatch-flink-functions.jar',
);

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
  /** Where stop-with-savepoint writes (a Flink filesystem URI); the cluster's savepoint-dir by default. */
  savepointDir: string | undefined;
  /** The jar of flink-sql/functions, as the SQL Gateway sees it; shipped with every job. */
  functionsJar: string;
  /** An event time further ahead of the clock than this is rejected (it would close every window early). */
  maxEventAheadSeconds: number;
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
    savepointDir: env.SPREADWATCH_SAVEPOINT_DIR,
    functionsJar: env.SPREADWATCH_FLINK_FUNCTIONS_JAR || defaultFunctionsJar,
    maxEventAheadSeconds: wholeNumber(env, 'SPREADWATCH_MAX_EVENT_AHEAD_S', 300),
  };
}
