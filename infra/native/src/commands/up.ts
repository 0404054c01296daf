// `make up`: installs what is missing, starts every server that is not already running under the stack's
// supervisor (PM2, see process/supervisor.ts), waits until each answers its health probe, and prints where
// to find them. Running it twice is harmless.
import { mkdirSync } from 'node:fs';
import { paths, ports, stackConfig } from '../config.ts';
import { log } from '../log.ts';
import { ensurePrerequisites } from '../artifacts/prerequisites.ts';
import { fetchAll } from '../artifacts/maven-artifacts.ts';
import { runningProcess } from '../process/pid-file.ts';
import { assertPortsFree } from '../process/port-holder.ts';
import { supervise, supervisedProcess } from '../process/supervisor.ts';
import { waitHealthy } from '../health/wait-healthy.ts';
import { appServices, jobKeeperService, stackServices, type Service } from '../services/index.ts';
import { bringBackJobs } from './kept-jobs.ts';
import { submitLiveJobs } from './submit-jobs.ts';
import { buildDashboardIfStale } from './build-dashboard.ts';
import { apiToken } from '../services/app-services.ts';
import { bootstrapDatabase } from '../services/database-bootstrap.ts';
import { postgresService } from '../services/postgres.ts';
import { probePostgres } from '../health/postgres-probe.ts';

async function startService(service: Service): Promise<void> {
  const t0 = Date.now();
  const current = await supervisedProcess(service.name);
  if (current?.status === 'online' || current?.status === 'launching') {
    const detail = await waitHealthy(service, current.restarts);
    log.detail(service.name, `already running (pid ${current.pid}, ${current.restarts} restarts): ${detail}`);
    return;
  }
  const unsupervised = runningProcess(service.name);
  if (unsupervised) {
    const detail = await waitHealthy(service);
    log.detail(
      service.name,
      `already running (pid ${unsupervised.pid}) without a supervisor, as an older version started it ` +
        `(\`make down && make up\` supervises it): ${detail}`,
    );
    return;
  }
  assertPortsFree(service.name, service.binds);
  const pid = await supervise(service.name, service.logFile, await service.launch());
  log.detail(service.name, `started (pid ${pid ?? '?'}), log ${service.logFile}`);
  const detail = await waitHealthy(service, 0);
  log.detail(service.name, `healthy in ${((Date.now() - t0) / 1000).toFixed(1)}s: ${detail}`);
}

export interface UpOptions {
  /** Also submit the Flink jobs and run the API and the producer: the whole product (`make up`). */
  system: boolean;
}

export async function up({ system }: UpOptions): Promise<void> {
  const t0 = Date.now();
  log.step('checking prerequisites (JDK 17, Maven, PostgreSQL binaries)');
  await ensurePrerequisites();
  log.step('fetching the servers (Kafka, Flink, Apicurio) through the pom files in infra/native');
  await fetchAll();
  for (const dir of Object.values(paths)) mkdirSync(dir, { recursive: true });

  // PostgreSQL first (the registry keeps its schemas there), then the servers at once, then the job keeper.
  const rest = stackServices().filter((service) => service !== postgresService && service !== jobKeeperService);
  if (stackConfig.externalDatabaseUrl) {
    log.step('using the PostgreSQL server at DATABASE_URL');
    log.detail('postgres', await probePostgres(stackConfig.externalDatabaseUrl));
  } else {
    log.step('starting PostgreSQL');
    await startService(postgresService);
  }
  await bootstrapDatabase();

  log.step(`starting ${rest.map((service) => service.name).join(', ')}`);
  const results = await Promise.allSettled(rest.map(startService));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason?.message ?? result.reason)] : []));
  if (failures.length > 0) throw new Error(failures.join('\n\n'));

  log.step('bringing back the Flink jobs that were running (newest checkpoint or savepoint of each)');
  await bringBackJobs();
  await startService(jobKeeperService);
  log.step(`stack healthy in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (system) {
    log.step('submitting the Flink SQL jobs (flink-sql/)');
    await submitLiveJobs();
    await buildDashboardIfStale();
    for (const service of appServices) {
      log.step(`starting ${service.name}`);
      await startService(service);
    }
    log.step(`Spreadwatch healthy in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }
  printEndpoints(system);
}

export function printEndpoints(system: boolean): void {
  const api = `http://${stackConfig.host}:${ports.api}`;
  const product = system
    ? [`  Dashboard           ${api}`, `  API docs            ${api}/docs`, `  API token (jobs)    ${apiToken()}`]
    : [];
  const lines = [
    ...product,
    `  Flink web UI        http://${stackConfig.host}:${ports.flinkRest}`,
    `  Flink SQL Gateway   ${stackConfig.sqlGatewayUrl}`,
    `  Schema registry     ${stackConfig.registryUrl}`,
    `  Kafka bootstrap     ${stackConfig.kafkaBrokers}`,
    `  PostgreSQL          ${stackConfig.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
  ];
  process.stdout.write(`\nSpreadwatch ${system ? 'is' : 'stack is'} up:\n${lines.join('\n')}\n\n`);
}
