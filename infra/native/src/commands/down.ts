// `make down`: stops every process the stack started, by the pids it recorded, newest first.
import { log } from '../log.ts';
import { readPidRecord, removePidRecord } from '../process/pid-file.ts';
import { stopProcess } from '../process/stop-process.ts';
import { findStackProcesses } from '../process/find-stack-processes.ts';
import { systemServices, type Service } from '../services/index.ts';

const graceMs = 30_000;

export async function stopService(service: Pick<Service, 'name' | 'stopSignal'>): Promise<void> {
  const record = readPidRecord(service.name);
  if (!record) return;
  const outcome = await stopProcess(record, service.stopSignal, graceMs);
  removePidRecord(service.name);
  if (outcome !== 'not-running') log.detail(service.name, `${outcome} (pid ${record.pid})`);
}

export async function down(): Promise<void> {
  log.step('stopping the stack');
  // The producer and the API first, then Flink (it holds connections to the others), PostgreSQL last.
  for (const service of [...systemServices()].reverse()) await stopService(service);
  // Anything of ours still alive lost its pid file (a crash, a deleted state folder): stop it too.
  for (const leftover of findStackProcesses()) {
    const outcome = await stopProcess({ pid: leftover.pid, marker: leftover.cmdline, startedAt: '' }, 'SIGTERM', graceMs);
    log.detail('down', `${outcome} unrecorded process ${leftover.pid}: ${leftover.cmdline.slice(0, 120)}`);
  }
  log.step('stack stopped');
}
