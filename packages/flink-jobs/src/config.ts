// The one place that reads process.env: SPREADWATCH_* settings of the Flink jobs, with defaults that match
// the native stack (infra/native).

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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): FlinkJobsConfig {
  const watermarkDelayMs = Number(env.SPREADWATCH_WATERMARK_DELAY_MS ?? '5000');
  if (!Number.isInteger(watermarkDelayMs) || watermarkDelayMs < 0) {
    throw new Error(
      `SPREADWATCH_WATERMARK_DELAY_MS must be a whole number of milliseconds, got "${env.SPREADWATCH_WATERMARK_DELAY_MS}"`,
    );
  }
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
  };
}
