// Pid files of stacks started before the supervisor (PM2) ran them: `up` reports such a process, `down`
// stops it. Each record has a marker found in the process's command line, so that a recycled pid is never
// mistaken for ours.
import { readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { paths } from '../config.ts';

export interface PidRecord {
  pid: number;
  marker: string;
  startedAt: string;
}

function pidPath(service: string): string {
  return path.join(paths.run, `${service}.pid.json`);
}

export function readPidRecord(service: string): PidRecord | undefined {
  const file = pidPath(service);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PidRecord;
  } catch {
    return undefined;
  }
}

export function removePidRecord(service: string): void {
  rmSync(pidPath(service), { force: true });
}

/** True when the pid is alive and still the process we started (its command line carries our marker). */
export function isOurProcess(record: PidRecord): boolean {
  try {
    const cmdline = readFileSync(`/proc/${record.pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return cmdline.includes(record.marker);
  } catch {
    return false;
  }
}

/** The live process recorded for a service, or undefined when none runs. */
export function runningProcess(service: string): PidRecord | undefined {
  const record = readPidRecord(service);
  return record && isOurProcess(record) ? record : undefined;
}
