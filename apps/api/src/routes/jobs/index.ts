import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FlinkRestError } from '@spreadwatch/flink-client';
import { Type } from 'typebox';
import { ApiError, notFound } from '../../errors.ts';
import { ErrorBody, errorResponses } from '../../schemas/common.ts';
import { CatalogEntry, JobName, JobStatus, JobStatusDetail, Submitted } from './schemas.ts';

const secured = { 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 500: ErrorBody };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const definition = (name: string) => {
    const found = app.flinkJobs.definitions().find((job) => job.job === name);
    if (!found) {
      const known = app.flinkJobs
        .definitions()
        .map((job) => job.job)
        .join(', ');
      throw notFound(`unknown job "${name}": the catalog (flink-sql/) has ${known}`);
    }
    return found;
  };
  const active = async (name: string) => {
    const jobs = await app.flinkJobs.jobManager.activeJobsNamed(definition(name).name);
    if (jobs.length === 0) throw new ApiError(409, `job "${name}" is not running`);
    return jobs;
  };

  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary:
          "The namespace's Flink jobs (any state, newest first) with records, checkpoint, backpressure, watermark lag",
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }),
        response: { 200: Type.Object({ items: Type.Array(JobStatus) }), ...errorResponses },
      },
    },
    async (request) => {
      const jobs = (await app.flinkJobs.list()).slice(0, request.query.limit);
      return { items: await app.jobStatus.list(jobs) };
    },
  );

  app.get(
    '/api/jobs/catalog',
    {
      schema: {
        tags: ['jobs'],
        summary: 'The jobs of flink-sql/ that can be submitted, with the id of the active one',
        response: { 200: Type.Object({ items: Type.Array(CatalogEntry) }), 500: errorResponses[500] },
      },
    },
    async () => {
      const definitions = app.flinkJobs.definitions();
      const items = await Promise.all(
        definitions.map(async ({ job, name }) => {
          const [running] = await app.flinkJobs.jobManager.activeJobsNamed(name);
          return { job, name, activeJobId: running?.jid ?? null, activeState: running?.state ?? null };
        }),
      );
      return { items };
    },
  );

  app.get(
    '/api/jobs/:jobId',
    {
      schema: {
        tags: ['jobs'],
        summary: "One job's status with its vertices",
        params: Type.Object({
          jobId: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'Flink job id' }),
        }),
        response: { 200: JobStatusDetail, ...errorResponses },
      },
    },
    async (request) =>
      app.jobStatus.detail(request.params.jobId).catch((error: unknown) => {
        if (error instanceof FlinkRestError && error.status === 404)
          throw notFound(`no job ${request.params.jobId}`);
        throw error;
      }),
  );

  app.post(
    '/api/jobs/catalog/:name/submit',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['jobs'],
        summary: 'Submit a job of the catalog by name (not again while it runs); optionally from a savepoint',
        security: [{ bearer: [] }],
        params: JobName,
        querystring: Type.Object({
          fromSavepoint: Type.Optional(
            Type.String({ minLength: 1, maxLength: 1000, description: 'Savepoint path from a stop' }),
          ),
        }),
        response: { 200: Submitted, 400: ErrorBody, ...secured },
      },
    },
    async (request) => {
      const { job } = definition(request.params.name);
      const { fromSavepoint } = request.query;
      const [submitted] = await app.flinkJobs.submit({
        jobs: [job],
        ...(fromSavepoint ? { fromSavepoint } : {}),
      });
      return submitted!;
    },
  );

  app.post(
    '/api/jobs/catalog/:name/stop',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['jobs'],
        summary: 'Stop the running job of that name with a savepoint',
        security: [{ bearer: [] }],
        params: JobName,
        response: { 200: Type.Object({ jobId: Type.String(), savepoint: Type.String() }), ...secured },
      },
    },
    async (request) => {
      await active(request.params.name);
      return app.flinkJobs.stop(request.params.name);
    },
  );

  app.post(
    '/api/jobs/catalog/:name/cancel',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['jobs'],
        summary: 'Cancel the running job of that name (no savepoint)',
        security: [{ bearer: [] }],
        params: JobName,
        response: { 200: Type.Object({ canceled: Type.Array(Type.String()) }), ...secured },
      },
    },
    async (request) => {
      await active(request.params.name);
      return { canceled: await app.flinkJobs.cancel(request.params.name) };
    },
  );
};
export default routes;
