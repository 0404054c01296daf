import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkFlink, checkKafka, checkPostgres } from './checks.ts';

const Check = Type.Object({ ok: Type.Boolean(), detail: Type.String() });
const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  checks: Type.Object({ postgres: Check, flink: Check, kafka: Check }),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
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
        summary: 'PostgreSQL, Flink and Kafka are reachable (503 otherwise)',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const [postgres, flink, kafka] = await Promise.all([
        checkPostgres(app.pg),
        checkFlink(app.flinkJobs.jobManager),
        checkKafka(app.config.kafkaBrokers),
      ]);
      const ready = postgres.ok && flink.ok && kafka.ok;
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'unavailable', checks: { postgres, flink, kafka } });
    },
  );
};
export default routes;
