// `make down`: stops exactly the processes this stack started, newest first: those its supervisor (PM2)
// runs, then the supervisor; then processes a version before the supervisor recorded in pid files.
import { log } from '../log.ts';
import { readPidRecord, removePidRecord } from '../process/pid-file.ts';
import { stopProcess } from '../process/stop-process.ts';
import { stopSupervised, stopSupervisedApps } from '../process/supervisor.ts';
import { httpJson } from '../health/http-probe.ts';
import { stackConfig } from '../config.ts';
import { appServices, jobKeeperService, systemServices } from '../services/index.ts';
import { parkJobs } from './kept-jobs.ts';

const graceMs = 30_000;

async function stopUnsupervised(name: string): Promise<void> {
  const record = readPidRecord(name);
  if (!record) return;
  // SIGINT stops each of them cleanly: PostgreSQL's fast shutdown, the JVMs' and apps' shutdown hooks.
  const outcome = await stopProcess(record, 'SIGINT', graceMs);
  removePidRecord(name);
  if (outcome !== 'not-running') log.detail(name, `${outcome} (pid ${record.pid}, unsupervised)`);
}

async function flinkAnswers(): Promise<boolean> {
  return httpJson(`${stackConfig.flinkRestUrl}/overview`).then(
    () => true,
    () => false,
  );
}

export async function down(): Promise<void> {
  log.step('stopping the stack');
  await stopSupervisedApps(
    [...appServices, jobKeeperService].map((service) => service.name).reverse(),
    (name, outcome) => log.detail(name, outcome),
  );
  if (await flinkAnswers()) {
    log.step('stopping the Flink jobs with savepoints (make up resumes them)');
    await parkJobs();
  }
  // The producer and the API first, then Flink (it holds connections to the others), PostgreSQL last.
  const order = [...systemServices()].reverse().map((service) => service.name);
  await stopSupervised(order, (name, outcome) => log.detail(name, outcome));
  for (const name of order) await stopUnsupervised(name);
  log.step('stack stopped');
}
