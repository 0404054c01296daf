// Stops a recorded process: its polite signal first, then SIGKILL if it outlives the grace period.
import { setTimeout as sleep } from 'node:timers/promises';
import { isOurProcess, type PidRecord } from './pid-file.ts';

export async function stopProcess(
  record: PidRecord,
  signal: NodeJS.Signals,
  graceMs: number,
): Promise<'stopped' | 'killed' | 'not-running'> {
  if (!isOurProcess(record)) return 'not-running';
  try {
    process.kill(record.pid, signal);
  } catch {
    return 'not-running';
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(record)) return 'stopped';
    await sleep(200);
  }
  try {
    process.kill(record.pid, 'SIGKILL');
  } catch {
    return 'stopped';
  }
  while (isOurProcess(record)) await sleep(100);
  return 'killed';
}
