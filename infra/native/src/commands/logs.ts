// `make logs`: the last lines of every service's log, or one service's log followed live.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { systemServices } from '../services/index.ts';

export async function logs(serviceName: string | undefined, follow: boolean, lines: number): Promise<void> {
  const services = systemServices().filter((service) => !serviceName || service.name === serviceName);
  if (serviceName && services.length === 0) {
    const known = systemServices().map((service) => service.name).join(', ');
    throw new UsageError(`unknown service "${serviceName}" (known: ${known})`);
  }
  const files = services.map((service) => service.logFile).filter((file) => existsSync(file));
  if (files.length === 0) {
    process.stdout.write('no logs yet: start the stack with `make up`\n');
    return;
  }
  const child = spawn('tail', ['-n', String(lines), ...(follow ? ['-F'] : []), ...files], { stdio: 'inherit' });
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
}

export class UsageError extends Error {}
