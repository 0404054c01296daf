// Client of the Flink JobManager REST API: jobs, cancel, stop with savepoint, checkpoints, vertex metrics.
import { requestJson, sleep } from './http.ts';

export type JobState =
  | 'INITIALIZING'
  | 'CREATED'
  | 'RUNNING'
  | 'FAILING'
  | 'FAILED'
  | 'CANCELLING'
  | 'CANCELED'
  | 'FINISHED'
  | 'RESTARTING'
  | 'SUSPENDED'
  | 'RECONCILING';

/** States of a job that still holds (or will again hold) slots: a job in one of them is not submitted twice. */
export const ACTIVE_JOB_STATES: readonly JobState[] = [
  'INITIALIZING',
  'CREATED',
  'RUNNING',
  'RESTARTING',
  'RECONCILING',
  'FAILING',
];

export interface JobOverview {
  jid: string;
  name: string;
  state: JobState;
  'start-time': number;
  'end-time': number;
  duration: number;
}

export interface JobVertex {
  id: string;
  name: string;
  parallelism: number;
  status: string;
  metrics: { 'read-records': number; 'write-records': number };
}

export interface JobDetail {
  jid: string;
  name: string;
  state: JobState;
  'start-time': number;
  'end-time': number;
  duration: number;
  timestamps: Partial<Record<JobState, number>>;
  vertices: JobVertex[];
}

export interface CheckpointStats {
  counts: { completed: number; failed: number; in_progress: number };
  latest: {
    completed: {
      id: number;
      trigger_timestamp: number;
      external_path: string;
      end_to_end_duration: number;
    } | null;
    /** The checkpoint or savepoint the job started from. */
    restored: { id: number; external_path: string; is_savepoint: boolean } | null;
  };
}

export class JobManagerClient {
  private readonly base: string;

  constructor(url: string) {
    this.base = url.replace(/\/$/, '');
  }

  /** The job's page in the Flink web UI. */
  uiLink(jobId: string): string {
    return `${this.base}/#/job/running/${jobId}/overview`;
  }

  async jobs(): Promise<JobOverview[]> {
    return (await requestJson<{ jobs: JobOverview[] }>('GET', `${this.base}/jobs/overview`)).jobs;
  }

  /** Jobs under this name still holding slots, newest first. */
  async activeJobsNamed(name: string): Promise<JobOverview[]> {
    return (await this.jobs())
      .filter((job) => job.name === name && ACTIVE_JOB_STATES.includes(job.state))
      .sort((a, b) => b['start-time'] - a['start-time']);
  }

  job(jobId: string): Promise<JobDetail> {
    return requestJson<JobDetail>('GET', `${this.base}/jobs/${jobId}`);
  }

  async cancel(jobId: string): Promise<void> {
    await requestJson('PATCH', `${this.base}/jobs/${jobId}?mode=cancel`);
  }

  /** Polls until the job is in one of the states, or fails after timeoutMs. */
  async waitForState(jobId: string, states: readonly JobState[], timeoutMs = 60_000): Promise<JobDetail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const detail = await this.job(jobId);
      if (states.includes(detail.state)) return detail;
      if (Date.now() > deadline)
        throw new Error(`job ${jobId} is ${detail.state}, not ${states.join('|')}, after ${timeoutMs} ms`);
      await sleep(250);
    }
  }

  /** Waits until the job and every one of its tasks run (a RUNNING job may still be deploying tasks). */
  async waitUntilRunning(jobId: string, timeoutMs = 60_000): Promise<JobDetail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const detail = await this.job(jobId);
      if (detail.state === 'RUNNING' && detail.vertices.every((vertex) => vertex.status === 'RUNNING'))
        return detail;
      if (['FAILED', 'CANCELED', 'FINISHED'].includes(detail.state))
        throw new Error(`job ${jobId} ended ${detail.state}`);
      if (Date.now() > deadline)
        throw new Error(`job ${jobId} not running after ${timeoutMs} ms (${detail.state})`);
      await sleep(250);
    }
  }

  /** Stops the job with a savepoint (drain: also flush event time to the end) and returns its location. */
  async stopWithSavepoint(
    jobId: string,
    targetDirectory: string | undefined,
    { drain = false, timeoutMs = 120_000 } = {},
  ): Promise<string> {
    // Without a target directory the cluster's execution.checkpointing.savepoint-dir is used.
    const body = targetDirectory === undefined ? { drain } : { targetDirectory, drain };
    const { 'request-id': triggerId } = await requestJson<{ 'request-id': string }>(
      'POST',
      `${this.base}/jobs/${jobId}/stop`,
      body,
    );
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await requestJson<{
        status: { id: 'IN_PROGRESS' | 'COMPLETED' };
        operation?: { location?: string; 'failure-cause'?: { 'stack-trace'?: string; class?: string } };
      }>('GET', `${this.base}/jobs/${jobId}/savepoints/${triggerId}`);
      if (status.status.id === 'COMPLETED') {
        const location = status.operation?.location;
        if (location) return location;
        const cause = status.operation?.['failure-cause'];
        throw new Error(
          `stop with savepoint of ${jobId} failed: ${cause?.['stack-trace']?.split('\n')[0] ?? cause?.class ?? 'unknown'}`,
        );
      }
      if (Date.now() > deadline)
        throw new Error(`stop with savepoint of ${jobId} still in progress after ${timeoutMs} ms`);
      await sleep(500);
    }
  }

  checkpoints(jobId: string): Promise<CheckpointStats> {
    return requestJson<CheckpointStats>('GET', `${this.base}/jobs/${jobId}/checkpoints`);
  }

  /** The first line of the job's root exception, if it failed. */
  async rootException(jobId: string): Promise<string | undefined> {
    const exceptions = await requestJson<{
      exceptionHistory?: { entries?: { exceptionName?: string; stacktrace?: string }[] };
    }>('GET', `${this.base}/jobs/${jobId}/exceptions`);
    const [newest] = exceptions.exceptionHistory?.entries ?? [];
    return newest?.stacktrace?.split('\n')[0] ?? newest?.exceptionName;
  }

  /** How often the job has restarted since it was submitted (its numRestarts metric). */
  async restarts(jobId: string): Promise<number> {
    const metrics = await requestJson<{ id: string; value: string }[]>(
      'GET',
      `${this.base}/jobs/${jobId}/metrics?get=numRestarts`,
    );
    const value = Number(metrics.find((metric) => metric.id === 'numRestarts')?.value);
    if (!Number.isInteger(value)) throw new Error(`job ${jobId} reports no numRestarts metric`);
    return value;
  }

  /** Current input watermark of each subtask of a vertex (epoch ms; Long.MIN_VALUE before the first one). */
  async vertexWatermarks(jobId: string, vertexId: string): Promise<number[]> {
    const metrics = await requestJson<{ id: string; value: string }[]>(
      'GET',
      `${this.base}/jobs/${jobId}/vertices/${vertexId}/watermarks`,
    );
    return metrics.map((metric) => Number(metric.value));
  }

  /** The names of the metrics a vertex's subtasks report (operator metrics are prefixed by the operator). */
  async vertexMetricNames(jobId: string, vertexId: string): Promise<string[]> {
    const metrics = await requestJson<{ id: string }[]>(
      'GET',
      `${this.base}/jobs/${jobId}/vertices/${vertexId}/subtasks/metrics`,
    );
    return metrics.map((metric) => metric.id);
  }

  /** Values of named metrics of a vertex, aggregated over its subtasks (sum). */
  async vertexMetrics(
    jobId: string,
    vertexId: string,
    names: readonly string[],
  ): Promise<Record<string, number>> {
    const metrics = await requestJson<{ id: string; sum?: number }[]>(
      'GET',
      `${this.base}/jobs/${jobId}/vertices/${vertexId}/subtasks/metrics?get=${names.map(encodeURIComponent).join(',')}`,
    );
    return Object.fromEntries(metrics.map((metric) => [metric.id, metric.sum ?? Number.NaN]));
  }
}
