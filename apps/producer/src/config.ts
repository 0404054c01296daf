// The producer's environment, read here and nowhere else.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ProducerConfig {
  readonly brokers: readonly string[];
  readonly registryUrl: string;
  readonly topic: string;
  readonly logLevel: LogLevel;
  /** Attempts to reach the registry and the broker at startup before giving up. */
  readonly connectAttempts: number;
  /** How long a send may go unacknowledged (the broker down) before the producer gives up, seconds. */
  readonly brokerOutageS: number;
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ProducerConfig {
  const logLevel = env.SPREADWATCH_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new Error(`SPREADWATCH_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${logLevel}`);
  }
  const attempts = env.SPREADWATCH_CONNECT_ATTEMPTS;
  if (attempts !== undefined && !/^[1-9]\d*$/.test(attempts)) {
    throw new Error(`SPREADWATCH_CONNECT_ATTEMPTS must be a positive whole number, got ${attempts}`);
  }
  const outage = env.SPREADWATCH_BROKER_OUTAGE_S;
  if (outage !== undefined && !/^[1-9]\d*$/.test(outage)) {
    throw new Error(`SPREADWATCH_BROKER_OUTAGE_S must be a positive whole number of seconds, got ${outage}`);
  }
  return {
    brokers: (env.SPREADWATCH_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()),
    registryUrl: env.SPREADWATCH_REGISTRY_URL ?? 'http://127.0.0.1:8085/apis/ccompat/v7',
    topic: 'market_events',
    logLevel: logLevel as LogLevel,
    connectAttempts: Number(env.SPREADWATCH_CONNECT_ATTEMPTS ?? 10),
    brokerOutageS: Number(outage ?? 300),
  };
}
