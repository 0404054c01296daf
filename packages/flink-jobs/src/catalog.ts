// Loads the jobs of flink-sql/: each NN-<job>.sql is one job, run in a session after the shared table
// definitions of flink-sql/catalog/*.sql, with the namespace's topics, schema and connection settings filled
// into the files' ${PLACEHOLDERS}.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FlinkJobsConfig } from './config.ts';
import { jobName, type Namespace } from './namespace.ts';
import { fillPlaceholders, splitStatements, type SqlStatement } from './sql-file.ts';

export const flinkSqlDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../flink-sql');

export interface JobDefinition {
  /** e.g. spread-metrics */
  job: string;
  /** pipeline.name, e.g. spreadwatch-spread-metrics or spreadwatch-<ns>-spread-metrics */
  name: string;
  /** Table and view definitions, then the one statement that submits the job (last). */
  statements: SqlStatement[];
}

const jobFile = /^\d+-([a-z0-9-]+)\.sql$/;

// Files are named relative to the repository root in messages (flink-sql/01-spread-metrics.sql:42).
function readStatements(file: string): SqlStatement[] {
  const relative = path.relative(path.dirname(flinkSqlDir), file);
  return splitStatements(readFileSync(file, 'utf8'), relative.startsWith('..') ? file : relative);
}

function sqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => path.join(dir, file));
}

/** The short names of the catalog's jobs (spread-metrics, ...), one per NN-<job>.sql file. */
export function catalogJobNames(jobsDir = flinkSqlDir): string[] {
  return sqlFiles(jobsDir).flatMap((file) => jobFile.exec(path.basename(file))?.[1] ?? []);
}

/** The place of a Flink job name in the catalog: its namespace ('' for live) and short job name. */
export function parseJobName(
  name: string,
  jobs = catalogJobNames(),
): { namespace: string; job: string } | undefined {
  for (const job of jobs) {
    if (name === `spreadwatch-${job}`) return { namespace: '', job };
    const match = new RegExp(`^spreadwatch-([a-z][a-z0-9_]*)-${job}$`).exec(name);
    if (match) return { namespace: match[1]!, job };
  }
  return undefined;
}

/** The placeholder values of a job in a namespace. */
export function placeholderValues(
  config: FlinkJobsConfig,
  namespace: Namespace,
  name: string,
): Record<string, string> {
  const database = new URL(config.databaseUrl);
  return {
    SOURCE_TOPIC: namespace.sourceTopic,
    ALERTS_TOPIC: namespace.alertsTopic,
    KAFKA_BROKERS: config.kafkaBrokers.join(','),
    REGISTRY_URL: config.registryUrl,
    // One consumer group per job: the jobs read the same topic independently.
    CONSUMER_GROUP: name,
    WATERMARK_DELAY_SECONDS: (config.watermarkDelayMs / 1000).toFixed(3),
    SOURCE_IDLE_TIMEOUT_SECONDS: String(config.sourceIdleTimeoutSeconds),
    JDBC_URL: `jdbc:postgresql://${database.host}${database.pathname}?reWriteBatchedInserts=true`,
    DB_USER: decodeURIComponent(database.username),
    DB_PASSWORD: decodeURIComponent(database.password),
    DB_SCHEMA: namespace.schema,
    // A job resuming from its state: offsets come from the state, and no window is held back.
    STARTUP_MODE: 'group-offsets',
    FRESH_FROM: '1970-01-01 00:00:00',
    FUNCTIONS_JAR: pathToFileURL(config.functionsJar).href,
    MAX_EVENT_AHEAD_SECONDS: String(config.maxEventAheadSeconds),
  };
}

export interface LoadJobsOptions {
  /** Folder of the NN-<job>.sql files; flink-sql/ by default. */
  jobsDir?: string;
  /** Table definitions to use instead of flink-sql/catalog (the benchmark's datagen/blackhole ones). */
  catalogFiles?: string[];
  /** Values of placeholders beyond the standard ones (the benchmark's stream shape). */
  extraValues?: Record<string, string>;
}

export function loadJobs(
  config: FlinkJobsConfig,
  namespace: Namespace,
  options: LoadJobsOptions = {},
): JobDefinition[] {
  const catalog = (options.catalogFiles ?? sqlFiles(path.join(flinkSqlDir, 'catalog'))).flatMap(
    readStatements,
  );
  return sqlFiles(options.jobsDir ?? flinkSqlDir).map((file) => {
    const job = jobFile.exec(path.basename(file))?.[1];
    if (!job) throw new Error(`${file}: job files are named NN-<job-name>.sql`);
    const name = jobName(namespace, job);
    const values = { ...placeholderValues(config, namespace, name), ...options.extraValues };
    const statements = [...catalog, ...readStatements(file)].map((statement) =>
      fillPlaceholders(statement, values),
    );
    return { job, name, statements };
  });
}
