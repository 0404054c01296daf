// Waits for a started service to answer its health probe, failing fast if its process exits and with
// its name and log file when it does not come up in time.
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync, readFileSync } from 'node:fs';
import { stackConfig } from '../config.ts';
import { log } from '../log.ts';
import { runningProcess } from '../process/pid-file.ts';
import type { Service } from '../services/service.ts';

export class ServiceStartError extends Error {}

function logTail(file: string, lines = 12): string {
  if (!existsSync(file)) return '(no log yet)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

export async function waitHealthy(service: Service, ownsProcess = true): Promise<string> {
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
    if (ownsProcess && !runningProcess(service.name)) {
      throw new ServiceStartError(
        `${service.name} exited during start-up; log: ${service.logFile}\n${logTail(service.logFile)}`,
      );
    }
    const now = Date.now();
    if (now > deadline) {
      throw new ServiceStartError(
        `${service.name} was not healthy within ${stackConfig.startTimeoutSeconds}s (last probe: ${lastError}); ` +
          `log: ${service.logFile}\n${logTail(service.logFile)}`,
      );
    }
    if (now > nextReport) {
      log.detail(service.name, `still starting (${Math.round((now - started) / 1000)}s): ${lastError.split('\n')[0]}`);
      nextReport = now + 10_000;
    }
    await sleep(500);
  }
}
