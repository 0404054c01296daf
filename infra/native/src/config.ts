// The native stack's configuration: every env var it reads, with its default, in one typed place.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;

/** The environment the servers inherit (PATH, locale, …), plus what each adds for itself. */
export const inheritedEnv: NodeJS.ProcessEnv = env;

function int(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65_535) {
    throw new Error(`${name} must be a port number (1-65535), got "${raw}"`);
  }
  return value;
}

function seconds(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`);
  return value;
}

/** The repository root: infra/native/src/config.ts is three levels below it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const nativeDir = path.join(repoRoot, 'infra/native');

const home = path.resolve(env.SPREADWATCH_HOME ?? path.join(repoRoot, '.spreadwatch'));

export const paths = {
  home,
  lib: path.join(home, 'lib'),
  data: path.join(home, 'data'),
  logs: path.join(home, 'logs'),
  run: path.join(home, 'run'),
  tmp: path.join(home, 'tmp'),
  /** PM2's home: its daemon's socket, pid files and log (one supervisor per state folder). */
  supervisor: path.join(home, 'supervisor'),
} as const;

/** What PM2 reads from the environment, here and in the daemon it spawns (see process/supervisor.ts). */
export const supervisorEnv = {
  PM2_HOME: paths.supervisor,
  // The daemon would otherwise ask a remote server for new PM2 versions once a day.
  PM2_DISABLE_VERSION_CHECK: 'true',
  // The polite stop for every service: fast shutdown for PostgreSQL, shutdown hooks for the JVMs and apps.
  PM2_KILL_SIGNAL: 'SIGINT',
} as const;

/** Puts supervisorEnv in this process's environment, where PM2 reads it (before PM2 is loaded). */
export function applySupervisorEnv(): void {
  Object.assign(env, supervisorEnv);
}

/** The ports the stack listens on by default (infra/docker-compose.yml publishes the same). */
export const defaultPorts = {
  postgres: 5432,
  kafka: 9092,
  kafkaController: 9093,
  registry: 8085,
  registryManagement: 8086,
  flinkRest: 8081,
  flinkRpc: 6123,
  flinkBlob: 6124,
  sqlGateway: 8083,
  api: 3000,
} as const;

export const ports = {
  postgres: int('SPREADWATCH_POSTGRES_PORT', defaultPorts.postgres),
  kafka: int('SPREADWATCH_KAFKA_PORT', defaultPorts.kafka),
  kafkaController: int('SPREADWATCH_KAFKA_CONTROLLER_PORT', defaultPorts.kafkaController),
  registry: int('SPREADWATCH_REGISTRY_PORT', defaultPorts.registry),
  registryManagement: int('SPREADWATCH_REGISTRY_MANAGEMENT_PORT', defaultPorts.registryManagement),
  flinkRest: int('SPREADWATCH_FLINK_REST_PORT', defaultPorts.flinkRest),
  flinkRpc: int('SPREADWATCH_FLINK_RPC_PORT', defaultPorts.flinkRpc),
  flinkBlob: int('SPREADWATCH_FLINK_BLOB_PORT', defaultPorts.flinkBlob),
  sqlGateway: int('SPREADWATCH_SQL_GATEWAY_PORT', defaultPorts.sqlGateway),
  api: int('SPREADWATCH_API_PORT', defaultPorts.api),
} as const;

function positive(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const host = '127.0.0.1';
const ownDatabaseUrl = `postgres://spreadwatch:spreadwatch@${host}:${ports.postgres}/spreadwatch`;

export const stackConfig = {
  host,
  /** When set, the stack uses this server instead of starting its own PostgreSQL. */
  externalDatabaseUrl: env.DATABASE_URL || undefined,
  databaseUrl: env.DATABASE_URL || ownDatabaseUrl,
  kafkaBrokers: `${host}:${ports.kafka}`,
  registryUrl: `http://${host}:${ports.registry}/apis/ccompat/v7`,
  flinkRestUrl: `http://${host}:${ports.flinkRest}`,
  sqlGatewayUrl: `http://${host}:${ports.sqlGateway}`,
  /** How long each service may take to become healthy before `up` fails. */
  startTimeoutSeconds: seconds('SPREADWATCH_START_TIMEOUT', 180),
  javaHome: env.JAVA_HOME || undefined,
  /** Apicurio Registry 3.3 is built for Java 21+; by default the newest JDK under /usr/lib/jvm runs it. */
  registryJavaHome: env.SPREADWATCH_REGISTRY_JAVA_HOME || undefined,
  mavenCommand: env.SPREADWATCH_MVN ?? 'mvn',
  /** Each JVM's heap, sized so the whole stack stays under 6 GiB RSS on a 2-core laptop. */
  heap: {
    kafka: env.SPREADWATCH_KAFKA_HEAP ?? '512m',
    registry: env.SPREADWATCH_REGISTRY_HEAP ?? '320m',
    sqlGateway: env.SPREADWATCH_SQL_GATEWAY_HEAP ?? '384m',
  },
  /** Flink TaskManager processes, each with taskmanager.numberOfTaskSlots slots (infra/native/flink/conf). */
  taskManagers: positive('SPREADWATCH_TASKMANAGERS', 1),
  apiToken: env.SPREADWATCH_API_TOKEN || undefined,
  chromiumPath: env.SPREADWATCH_CHROMIUM ?? '/usr/bin/chromium',
  /** What `make up` runs the market simulator at. */
  demo: {
    rate: positive('SPREADWATCH_DEMO_RATE', 200),
    symbols: positive('SPREADWATCH_DEMO_SYMBOLS', 12),
  },
} as const;

export function javaBinary(): string {
  if (stackConfig.javaHome) {
    const candidate = path.join(stackConfig.javaHome, 'bin/java');
    if (existsSync(candidate)) return candidate;
  }
  return 'java';
}
