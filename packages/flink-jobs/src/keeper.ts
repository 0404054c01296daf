// The job keeper: brings back the catalog jobs that should be running. Flink's session cluster forgets its
// jobs when its JobManager restarts (there is no HA service here), and `make down` parks them with
// savepoints; the keeper remembers which jobs of which namespaces run (a file beside their state) and
// resubmits any that vanished, each resuming from its newest checkpoint or savepoint. A job that someone
// cancelled or stopped (CANCELED or FINISHED on the cluster) is let go.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIVE_JOB_STATES, JobManagerClient, type JobOverview } from '@spreadwatch/flink-client';
import { parseJobName } from './catalog.ts';
import type { FlinkJobsConfig } from './config.ts';
import { FlinkJobs } from './submit.ts';

export interface KeptJob {
  /** The Flink job name, e.g. spreadwatch-replay_1-spread-metrics. */
  name: string;
  namespace: string;
  job: string;
}

interface KeptFile {
  jobs: KeptJob[];
  /** When the keeper last looked at the cluster (epoch ms): its liveness. */
  checkedAt: number;
}

export type KeeperEvent =
  | { kind: 'kept'; job: KeptJob }
  | { kind: 'released'; job: KeptJob; state: string }
  | { kind: 'resubmitted'; job: KeptJob; jobId: string; restoredFrom: string | undefined }
  | { kind: 'failed'; job: KeptJob; error: string; retryInMs: number };

export function keptJobsFile(config: FlinkJobsConfig): string {
  return path.join(config.stateDir, 'kept-jobs.json');
}

export function readKeptJobs(config: FlinkJobsConfig): KeptFile {
  const file = keptJobsFile(config);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as KeptFile) : { jobs: [], checkedAt: 0 };
}

function writeKeptJobs(config: FlinkJobsConfig, kept: KeptFile): void {
  const file = keptJobsFile(config);
  mkdirSync(path.dirname(file), { recursive: true });
  // Written whole, then renamed: a crash mid-write never leaves half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(kept, null, 2));
  renameSync(`${file}.tmp`, file);
}

const MAX_BACKOFF_MS = 300_000;

export class JobKeeper {
  private readonly jobManager: JobManagerClient;
  private readonly retryAt = new Map<string, { at: number; delayMs: number }>();

  constructor(private readonly config: FlinkJobsConfig) {
    this.jobManager = new JobManagerClient(config.flinkRestUrl);
  }

  /** One pass: remember what runs, let go of what was cancelled or stopped, resubmit what vanished. */
  async check(): Promise<KeeperEvent[]> {
    const overview = await this.jobManager.jobs();
    const kept = readKeptJobs(this.config);
    const events: KeeperEvent[] = [];
    const byName = new Map<string, JobOverview[]>();
    for (const job of overview) byName.set(job.name, [...(byName.get(job.name) ?? []), job]);
    for (const job of overview) {
      const place = ACTIVE_JOB_STATES.includes(job.state) ? parseJobName(job.name) : undefined;
      if (place && !kept.jobs.some((known) => known.name === job.name)) {
        const added = { name: job.name, ...place };
        kept.jobs.push(added);
        events.push({ kind: 'kept', job: added });
      }
    }
    const stillKept: KeptJob[] = [];
    for (const job of kept.jobs) {
      const runs = (byName.get(job.name) ?? []).sort((a, b) => b['start-time'] - a['start-time']);
      if (runs.some((run) => ACTIVE_JOB_STATES.includes(run.state))) {
        this.retryAt.delete(job.name);
        stillKept.push(job);
      } else if (runs[0] && ['CANCELLING', 'CANCELED', 'FINISHED'].includes(runs[0].state)) {
        events.push({ kind: 'released', job, state: runs[0].state });
      } else if (runs[0] && runs[0].state !== 'FAILED') {
        // Between states (SUSPENDED, ...): look again on the next pass.
        stillKept.push(job);
      } else {
        stillKept.push(job);
        const event = await this.resubmit(job);
        if (event) events.push(event);
      }
    }
    writeKeptJobs(this.config, { jobs: stillKept, checkedAt: Date.now() });
    return events;
  }

  private async resubmit(job: KeptJob): Promise<KeeperEvent | undefined> {
    const retry = this.retryAt.get(job.name);
    if (retry && retry.at > Date.now()) return undefined;
    try {
      const jobs = new FlinkJobs({ ...this.config, namespace: job.namespace });
      const [result] = await jobs.submit({ jobs: [job.job] });
      this.retryAt.delete(job.name);
      return { kind: 'resubmitted', job, jobId: result!.jobId, restoredFrom: result!.restoredFrom };
    } catch (error) {
      const delayMs = Math.min((retry?.delayMs ?? 5_000) * 2, MAX_BACKOFF_MS);
      this.retryAt.set(job.name, { at: Date.now() + delayMs, delayMs });
      return { kind: 'failed', job, error: (error as Error).message, retryInMs: delayMs };
    }
  }

  /**
   * Stops every running catalog job of every namespace with a savepoint, keeping it in the file, so the
   * next start brings it back where it stopped (`make down`).
   */
  async park(onParked: (job: KeptJob, savepoint: string) => void): Promise<void> {
    await this.check();
    for (const job of readKeptJobs(this.config).jobs) {
      const jobs = new FlinkJobs({ ...this.config, namespace: job.namespace });
      if ((await this.jobManager.activeJobsNamed(job.name)).length === 0) continue;
      const { savepoint } = await jobs.stop(job.job);
      onParked(job, savepoint);
    }
  }
}
