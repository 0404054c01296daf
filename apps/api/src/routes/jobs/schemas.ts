import { Type } from 'typebox';
import { Nullable } from '../../schemas/common.ts';
import { LateEventsTotal } from '../../schemas/rows.ts';

export const JobName = Type.Object({
  name: Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'Catalog job name, e.g. spread-metrics' }),
});

const time = Type.String({ format: 'date-time' });

export const JobStatus = Type.Object({
  id: Type.String(),
  name: Type.String(),
  state: Type.String(),
  startTime: time,
  uptimeMs: Type.Integer(),
  recordsIn: Nullable(Type.Number({ description: 'Records emitted by the sources' })),
  recordsOut: Nullable(Type.Number({ description: 'Records received by the sink vertices' })),
  lastCheckpoint: Nullable(
    Type.Object({ id: Type.Integer(), triggeredAt: time, durationMs: Type.Integer(), path: Type.String() }),
  ),
  backpressure: Nullable(Type.Number({ description: 'Busiest vertex: share of time back-pressured, 0..1' })),
  watermarkLagMs: Nullable(
    Type.Number({ description: 'Wall clock minus the last vertex’s input watermark' }),
  ),
  uiLink: Type.String(),
  lateEvents: Nullable(
    Type.Object(LateEventsTotal.properties, {
      description:
        "The namespace's late events of this catalog job, all its runs; null when not of the catalog",
    }),
  ),
  lateDroppedByWindows: Nullable(
    Type.Integer({
      description:
        "Events this run's window operators dropped as late (Flink's numLateRecordsDropped): those the job could not log itself, right after a restore; null when not running",
    }),
  ),
});

export const JobStatusDetail = Type.Intersect([
  JobStatus,
  Type.Object({
    vertices: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        parallelism: Type.Integer(),
        status: Type.String(),
        recordsIn: Type.Number(),
        recordsOut: Type.Number(),
        backpressure: Nullable(Type.Number()),
      }),
    ),
    checkpoints: Nullable(
      Type.Object({ completed: Type.Integer(), failed: Type.Integer(), inProgress: Type.Integer() }),
    ),
  }),
]);

export const CatalogEntry = Type.Object({
  job: Type.String(),
  name: Type.String({ description: 'Flink job name (pipeline.name) in this namespace' }),
  activeJobId: Nullable(Type.String()),
  activeState: Nullable(Type.String()),
});

export const Submitted = Type.Object({
  name: Type.String(),
  jobId: Type.String(),
  uiLink: Type.String(),
  submitted: Type.Boolean({ description: 'false when it was already running and was left alone' }),
});
