// The one place that reads process.env: the API's settings, typed and validated, with defaults matching the
// native stack (infra/native).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadConfig as loadFlinkJobsConfig,
  resolveNamespace,
  type FlinkJobsConfig,
} from '@spreadwatch/flink-jobs';

export interface ApiConfig {
  host: string;
  port: number;
  logLevel: string;
  databaseUrl: string;
  /** PostgreSQL schema served: `public` is the live namespace. */
  schema: string;
  kafkaBrokers: string[];
  /** Topic Flink writes alerts to (JSON), pushed to live clients as they arrive. */
  alertsTopic: string;
  flinkRestUrl: string;
  /** Submission settings of the Flink jobs catalog, in the same namespace. */
  flinkJobs: FlinkJobsConfig;
  apiToken: string;
  /** True when no SPREADWATCH_API_TOKEN was set and one was generated for this process. */
  apiTokenGenerated: boolean;
  /** The built dashboard, served at / when the folder exists. */
  webDistDir: string | undefined;
  /** How often the live stream looks for newly written rows. */
  livePollMs: number;
  /** Open live streams at most; more are refused with 503. */
  liveMaxClients: number;
  /** Bytes that may wait for one live client; a client further behind is disconnected (it resumes). */
  liveClientBufferBytes: number;
  /** How long the live change log keeps changes for clients that resume. */
  liveRetentionS: number;
  /** /readyz fails when no window has landed for longer than this while events arrive. */
  readyMaxWindowAgeS: number;
}

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const schema = env.SPREADWATCH_NAMESPACE || 'public';
  if (!schemaName.test(schema)) {
    throw new Error(`SPREADWATCH_NAMESPACE must be a PostgreSQL schema name (a-z, 0-9, _), got "${schema}"`);
  }
  const databaseUrl =
    env.DATABASE_URL ??
    env.SPREADWATCH_DATABASE_URL ??
    'postgres://spreadwatch:spreadwatch@127.0.0.1:5432/spreadwatch';
  const flinkJobs = {
    ...loadFlinkJobsConfig(env),
    databaseUrl,
    namespace: schema === 'public' ? '' : schema,
  };
  const webDistDir = path.resolve(env.SPREADWATCH_WEB_DIST_DIR ?? path.join(apiRoot, '../web/dist'));
  const token = env.SPREADWATCH_API_TOKEN;
  return {
    host: env.SPREADWATCH_API_HOST ?? '127.0.0.1',
    port: integer(env, 'SPREADWATCH_API_PORT', 3000, 0, 65535),
    logLevel: env.SPREADWATCH_LOG_LEVEL ?? 'info',
    databaseUrl,
    schema,
    kafkaBrokers: flinkJobs.kafkaBrokers,
    alertsTopic: resolveNamespace(flinkJobs.namespace).alertsTopic,
    flinkRestUrl: flinkJobs.flinkRestUrl,
    flinkJobs,
    apiToken: token || randomBytes(24).toString('base64url'),
    apiTokenGenerated: !token,
    webDistDir: existsSync(path.join(webDistDir, 'index.html')) ? webDistDir : undefined,
    livePollMs: integer(env, 'SPREADWATCH_LIVE_POLL_MS', 250, 10, 60_000),
    liveMaxClients: integer(env, 'SPREADWATCH_LIVE_MAX_CLIENTS', 200, 1, 100_000),
    liveClientBufferBytes: integer(env, 'SPREADWATCH_LIVE_CLIENT_BUFFER_BYTES', 1_048_576, 4096, 1 << 30),
    liveRetentionS: integer(env, 'SPREADWATCH_LIVE_RETENTION_S', 21_600, 60, 30 * 86_400),
    // 1-minute windows land once a minute, a watermark delay after the minute ends: 150 s is two and a half
    // periods, so a slow checkpoint or flush does not flip readiness.
    readyMaxWindowAgeS: integer(env, 'SPREADWATCH_READY_MAX_WINDOW_AGE_S', 150, 1, 86_400),
  };
}
