// A job's status from the JobManager REST API: state and uptime, records in and out, the last checkpoint,
// backpressure (busiest vertex) and watermark lag (wall clock minus the last vertex's input watermark), and
// the late events the job counted (from PostgreSQL).
import type { JobDetail, JobManagerClient, JobOverview, JobVertex } from '@spreadwatch/flink-client';

export interface VertexStatus {
  id: string;
  name: string;
  parallelism: number;
  status: string;
  recordsIn: number;
  recordsOut: number;
  /** Share of time the vertex's subtasks were back-pressured, 0..1. */
  backpressure: number | null;
}

export interface JobStatus {
  id: string;
  name: string;
  state: string;
  startTime: string;
  uptimeMs: number;
  recordsIn: number | null;
  recordsOut: number | null;
  lastCheckpoint: { id: number; triggeredAt: string; durationMs: number; path: string } | null;
  backpressure: number | null;
  watermarkLagMs: number | null;
  uiLink: string;
  /** The namespace's late events of this catalog job (all its runs); null for a job not of the catalog. */
  lateEvents: LateEvents | null;
  /**
   * Events this run's window operators dropped as late (Flink's numLateRecordsDropped). The jobs log late
   * events themselves before they reach a window; this counts the ones they cannot see: right after a
   * restore, the window operators have their watermark back but the sources start without one.
   */
  lateDroppedByWindows: number | null;
}

export interface LateEvents {
  count: number;
  lastWrittenAt: string | null;
}

/** Late events by Flink job name: each catalog job's total (late_events is keyed by catalog name). */
export function lateEventsByJobName(
  catalog: { job: string; name: string }[],
  totals: Map<string, LateEvents>,
): Map<string, LateEvents> {
  return new Map(
    catalog.map(({ job, name }) => [name, totals.get(job) ?? { count: 0, lastWrittenAt: null }]),
  );
}

export interface JobStatusDetail extends JobStatus {
  vertices: VertexStatus[];
  checkpoints: { completed: number; failed: number; inProgress: number } | null;
}

const NO_WATERMARK = -9e18;
const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * Records into the job and out of it (received by the vertices with sinks). A source vertex reports what
 * its source read as read-records; its write-records count what the operators chained after the source
 * emit (a local pre-aggregation emits far fewer), so they stand in only where read-records is not reported.
 */
export function recordCounts(vertices: JobVertex[]): { recordsIn: number; recordsOut: number } {
  const sources = vertices.filter((vertex) => vertex.name.startsWith('Source:'));
  const sinks = vertices.filter((vertex) => vertex.name.includes('Sink:'));
  return {
    recordsIn: sum(
      sources.map((vertex) => vertex.metrics['read-records'] || vertex.metrics['write-records']),
    ),
    recordsOut: sum(sinks.map((vertex) => vertex.metrics['read-records'])),
  };
}

export function createJobStatus(
  jobManager: JobManagerClient,
  lateEvents: () => Promise<Map<string, LateEvents>>,
) {
  const backpressure = async (jobId: string, vertex: JobVertex): Promise<number | null> => {
    const metrics = await jobManager.vertexMetrics(jobId, vertex.id, ['backPressuredTimeMsPerSecond']);
    const value = metrics.backPressuredTimeMsPerSecond;
    return value === undefined || Number.isNaN(value) ? null : value / 1000 / vertex.parallelism;
  };

  const watermarkLag = async (jobId: string, vertex: JobVertex): Promise<number | null> => {
    const watermarks = await jobManager.vertexWatermarks(jobId, vertex.id);
    const low = Math.min(...watermarks);
    return watermarks.length === 0 || low < NO_WATERMARK ? null : Date.now() - low;
  };

  const lateDropped = async (jobId: string, vertex: JobVertex): Promise<number> => {
    const names = (await jobManager.vertexMetricNames(jobId, vertex.id)).filter((name) =>
      name.endsWith('.numLateRecordsDropped'),
    );
    if (names.length === 0) return 0;
    return sum(Object.values(await jobManager.vertexMetrics(jobId, vertex.id, names)));
  };

  // Per-vertex backpressure, watermark lag, late drops and checkpoints; live metrics only of a running job.
  const measure = async (job: JobDetail) => {
    const running = job.state === 'RUNNING';
    const last = job.vertices[job.vertices.length - 1];
    const [pressures, lag, dropped, checkpoints] = await Promise.all([
      Promise.all(
        job.vertices.map((vertex) => (running ? backpressure(job.jid, vertex).catch(() => null) : null)),
      ),
      running && last ? watermarkLag(job.jid, last).catch(() => null) : null,
      running
        ? Promise.all(job.vertices.map((vertex) => lateDropped(job.jid, vertex)))
            .then(sum)
            .catch(() => null)
        : null,
      jobManager.checkpoints(job.jid).catch(() => null),
    ]);
    return { pressures, lag, dropped, checkpoints };
  };

  const status = (
    job: JobDetail,
    { pressures, lag, dropped, checkpoints }: Awaited<ReturnType<typeof measure>>,
    late: Map<string, LateEvents>,
  ): JobStatus => {
    const completed = checkpoints?.latest.completed;
    const known = pressures.filter((value): value is number => value !== null);
    return {
      id: job.jid,
      name: job.name,
      state: job.state,
      startTime: new Date(job['start-time']).toISOString(),
      uptimeMs: job.duration,
      ...recordCounts(job.vertices),
      lastCheckpoint: completed
        ? {
            id: completed.id,
            triggeredAt: new Date(completed.trigger_timestamp).toISOString(),
            durationMs: completed.end_to_end_duration,
            path: completed.external_path,
          }
        : null,
      backpressure: known.length > 0 ? Math.max(...known) : null,
      watermarkLagMs: lag,
      uiLink: jobManager.uiLink(job.jid),
      lateEvents: late.get(job.name) ?? null,
      lateDroppedByWindows: dropped,
    };
  };

  return {
    async detail(jobId: string): Promise<JobStatusDetail> {
      const job = await jobManager.job(jobId);
      const [measures, late] = await Promise.all([measure(job), lateEvents()]);
      const { checkpoints } = measures;
      return {
        ...status(job, measures, late),
        vertices: job.vertices.map((vertex, index) => ({
          id: vertex.id,
          name: vertex.name,
          parallelism: vertex.parallelism,
          status: vertex.status,
          recordsIn: vertex.metrics['read-records'],
          recordsOut: vertex.metrics['write-records'],
          backpressure: measures.pressures[index] ?? null,
        })),
        checkpoints: checkpoints
          ? {
              completed: checkpoints.counts.completed,
              failed: checkpoints.counts.failed,
              inProgress: checkpoints.counts.in_progress,
            }
          : null,
      };
    },

    async list(jobs: JobOverview[]): Promise<JobStatus[]> {
      const late = await lateEvents();
      return Promise.all(
        jobs.map(async ({ jid }) => {
          const job = await jobManager.job(jid);
          return status(job, await measure(job), late);
        }),
      );
    },
  };
}
export type JobStatusReader = ReturnType<typeof createJobStatus>;
