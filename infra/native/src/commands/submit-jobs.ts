// Submits the Flink SQL jobs of flink-sql/ for the live namespace (those already running are left alone).
import { FlinkJobs, loadConfig } from '@spreadwatch/flink-jobs';
import { inheritedEnv } from '../config.ts';
import { log } from '../log.ts';
import { appEnv } from '../services/app-services.ts';

export async function submitLiveJobs(): Promise<void> {
  const jobs = new FlinkJobs(loadConfig({ ...inheritedEnv, ...appEnv() }));
  for (const job of await jobs.submit()) {
    log.detail('flink-jobs', `${job.name}: ${job.submitted ? 'submitted' : 'already running'} as ${job.jobId} ${job.uiLink}`);
  }
}
