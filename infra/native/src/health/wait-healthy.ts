// Waits for a started service to answer its health probe, failing fast if its process exits and with
// its name and log file when it does not come up in time.
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync, readFileSync } from 'node:fs';
import { stackConfig } from '../config.ts';
import { log } from '../log.ts';
import { describeExit } from '../process/last-exit.ts';
import { supervisedProcess } from '../process/supervisor.ts';
import type { Service } from '../services/service.ts';

export class ServiceStartError extends Error {}

function logTail(file: string, lines = 12): string {
  if (!existsSync(file)) return '(no log yet)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Its crash while starting, as a sentence, or undefined while the supervised process is still up. */
async function crashed(service: Service, restartsAtStart: number): Promise<string | undefined> {
  const proc = await supervisedProcess(service.name);
  if (proc && proc.restarts === restartsAtStart && proc.status !== 'errored' && proc.status !== 'stopped')
    return undefined;
  const exit = proc?.lastExit ? ` (${describeExit(proc.lastExit)})` : '';
  return `${service.name} exited during start-up${exit}; the supervisor restarts it until \`make down\``;
}

/**
 * `restartsAtStart`: the supervised process's restart count when this wait began, to notice it dying;
 * undefined for a process that is not the supervisor's.
 */
export async function waitHealthy(service: Service, restartsAtStart?: number): Promise<string> {
  const started = Date.now();
  const deadline = started + stackConfig.startTimeoutSeconds * 1000;
  let lastError = 'no answer yet';
  let nextReport = started + 10_000;
  for (;;) {
    try {
      return await service.probe();
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    const crash = restartsAtStart === undefined ? undefined : await crashed(service, restartsAtStart);
    if (crash) throw new ServiceStartError(`${crash}; log: ${service.logFile}\n${logTail(service.logFile)}`);
    const now = Date.now();
    if (now > deadline) {
      throw new ServiceStartError(
        `${service.name} was not healthy within ${stackConfig.startTimeoutSeconds}s (last probe: ${lastError}); ` +
          `log: ${service.logFile}\n${logTail(service.logFile)}`,
      );
    }
    if (now > nextReport) {
      log.detail(
        service.name,
        `still starting (${Math.round((now - started) / 1000)}s): ${lastError.split('\n')[0]}`,
      );
      nextReport = now + 10_000;
    }
    await sleep(500);
  }
}
