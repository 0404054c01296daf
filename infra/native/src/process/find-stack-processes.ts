// Finds every live process that belongs to this stack (this state folder), whether or not a pid file
// still records it: `down` uses it to leave nothing behind.
import { readdirSync, readFileSync } from 'node:fs';
import { paths } from '../config.ts';
import { appEntryPoints } from '../services/app-services.ts';

/** Every process the stack starts carries the state folder in its command line (JVM flag or data dir). */
export const homeMarker = `-Dspreadwatch.home=${paths.home}`;
/** …or, for the apps, the absolute path of their entry point in this checkout. */
const appEntries = Object.values(appEntryPoints);

export function findStackProcesses(): { pid: number; cmdline: string }[] {
  const found: { pid: number; cmdline: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(homeMarker) || cmdline.includes(`${paths.data}/postgres`) || appEntries.some((entry) => cmdline.includes(entry))) {
        found.push({ pid: Number(entry), cmdline: cmdline.trim() });
      }
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
