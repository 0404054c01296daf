// Finds every live process of this stack (this state folder), to check that `down` left nothing behind.
// Detection only: `down` stops what the supervisor's bookkeeping names, never what a search like this finds.
import { readdirSync, readFileSync } from 'node:fs';
import { paths } from '../config.ts';
import { isOurDaemon, supervisedMarker } from './supervisor.ts';

/** Every JVM the stack starts carries the state folder in its command line. */
export const homeMarker = `-Dspreadwatch.home=${paths.home}`;

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // the process ended while we looked
  }
}

/** The stack's JVMs, its PM2 daemon, and every process that daemon started (and their children). */
export function findStackProcesses(): { pid: number; cmdline: string }[] {
  const found: { pid: number; cmdline: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = read(`/proc/${entry}/cmdline`).replaceAll('\0', ' ').trim();
    if (!cmdline) continue;
    const ours =
      cmdline.includes(homeMarker) ||
      isOurDaemon(Number(entry)) ||
      read(`/proc/${entry}/environ`).split('\0').includes(supervisedMarker);
    if (ours) found.push({ pid: Number(entry), cmdline });
  }
  return found;
}
