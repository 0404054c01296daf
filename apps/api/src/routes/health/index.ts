import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createReadiness } from '../../readiness/index.ts';

const Check = Type.Object({ ok: Type.Boolean(), detail: Type.String() });
const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  causes: Type.Array(Type.String(), {
    description: 'One line per failure, naming the service, job or table; empty when ready',
  }),
  checks: Type.Object({
    postgres: Check,
    flink: Check,
    taskManagers: Check,
    jobs: Check,
    kafka: Check,
    freshness: Check,
  }),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const readiness = createReadiness({
    pool: app.pg,
    flinkRestUrl: app.config.flinkRestUrl.replace(/\/$/, ''),
    jobNames: () => app.flinkJobs.definitions().map((job) => job.name),
    kafkaBrokers: app.config.kafkaBrokers,
    sourceTopic: app.flinkJobs.namespace.sourceTopic,
    maxWindowAgeMs: app.config.readyMaxWindowAgeS * 1000,
  });

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'The process is up',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            uptimeSeconds: Type.Number(),
            liveClients: Type.Integer(),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, uptimeSeconds: process.uptime(), liveClients: app.live.size }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary:
          'PostgreSQL, Kafka and the JobManager reachable, a TaskManager registered, every catalog job of the ' +
          'namespace RUNNING, and windows landing while events arrive (503 naming each cause otherwise)',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const result = await readiness();
      return reply.code(result.status === 'ready' ? 200 : 503).send(result);
    },
  );
};
export default routes;
