// The job keeper as a process (`make up` runs it under the supervisor): a pass every
// SPREADWATCH_KEEPER_INTERVAL_MS, one log line per thing it does, until SIGTERM or SIGINT.
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from './config.ts';
import { JobKeeper, type KeeperEvent } from './keeper.ts';

const config = loadConfig();
const keeper = new JobKeeper(config);
const stop = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop.abort());

function describe(event: KeeperEvent): string {
  switch (event.kind) {
    case 'kept':
      return `keeping ${event.job.name} running`;
    case 'released':
      return `${event.job.name} was ${event.state}: no longer kept`;
    case 'resubmitted':
      return `${event.job.name} had vanished: resubmitted as ${event.jobId}, ${event.restoredFrom ? `resumed from ${event.restoredFrom}` : 'without state (none found)'}`;
    case 'failed':
      return `${event.job.name} could not be resubmitted (next try in ${event.retryInMs / 1000} s): ${event.error}`;
  }
}

console.log(`job keeper: every ${config.keeperIntervalMs} ms, jobs kept in ${config.stateDir}`);
while (!stop.signal.aborted) {
  try {
    for (const event of await keeper.check()) console.log(describe(event));
  } catch (error) {
    console.log(`job keeper: the cluster could not be read (${(error as Error).message}); trying again`);
  }
  await sleep(config.keeperIntervalMs, undefined, { signal: stop.signal }).catch(() => undefined);
}
console.log('job keeper: stopped');
