// The Flink jobs across `make down` and `make up`: down parks every running catalog job of every namespace
// with a savepoint (the job keeper is stopped first, or it would take the stop for a person's); up brings
// back each parked job, and every job a restarted JobManager forgot, from its newest state.
import { JobKeeper, loadConfig } from '@spreadwatch/flink-jobs';
import { log } from '../log.ts';
import { appEnv } from '../services/app-services.ts';

function keeper(): JobKeeper {
  return new JobKeeper(loadConfig(appEnv()));
}

export async function parkJobs(): Promise<void> {
  await keeper().park((job, savepoint) =>
    log.detail('flink-jobs', `${job.name} stopped with savepoint ${savepoint}`),
  );
}

export async function bringBackJobs(): Promise<void> {
  for (const event of await keeper().check()) {
    if (event.kind === 'resubmitted') {
      log.detail(
        'flink-jobs',
        `${event.job.name} back as ${event.jobId}${event.restoredFrom ? `, resumed from ${event.restoredFrom}` : ', without state'}`,
      );
    } else if (event.kind === 'failed') {
      log.detail(
        'flink-jobs',
        `${event.job.name} could not be brought back (the job keeper retries): ${event.error}`,
      );
    }
  }
}
