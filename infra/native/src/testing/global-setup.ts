// Vitest global setup for the integration project: one real stack per test run, shared by every suite.
// A stack that is already healthy (a developer's `make up`) is reused and left running; a stack started
// here is stopped again when the run ends.
import { setTimeout as sleep } from 'node:timers/promises';
import { up } from '../commands/up.ts';
import { down } from '../commands/down.ts';
import { stackStatus } from '../commands/status.ts';
import { findStackProcesses } from '../process/find-stack-processes.ts';
import { appEnv } from '../services/app-services.ts';

export default async function setup(): Promise<() => Promise<void>> {
  // The suites' own config modules read these: point them at this stack's ports (test workers inherit env).
  for (const [key, value] of Object.entries(appEnv())) process.env[key] ??= value;
  const statuses = await stackStatus();
  if (statuses.every((status) => status.healthy)) return async () => undefined;
  const wasRunning = new Set(statuses.filter((status) => status.pid !== undefined).map((status) => status.name));
  await up({ system: false });
  return async () => {
    if (wasRunning.size > 0) return;
    await down();
    // The supervisor's daemon acknowledges its kill a moment before its process is gone.
    let leftovers = findStackProcesses();
    for (let waited = 0; leftovers.length > 0 && waited < 10_000; waited += 250) {
      await sleep(250);
      leftovers = findStackProcesses();
    }
    if (leftovers.length > 0) {
      throw new Error(`make down left processes behind: ${leftovers.map((p) => `${p.pid} ${p.cmdline.slice(0, 80)}`).join('; ')}`);
    }
  };
}
