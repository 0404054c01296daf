// Builds the application: external plugins (pg, swagger, static), app plugins (repositories, live hub,
// Flink catalog, auth), then the routes. server.ts alone listens; tests build it and call app.inject.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ApiConfig } from './config.ts';
import auth from './plugins/app/auth.ts';
import flink from './plugins/app/flink.ts';
import live from './plugins/app/live.ts';
import parameterGuard from './plugins/app/parameter-guard.ts';
import repositories from './plugins/app/repositories.ts';
import pg from './plugins/external/pg.ts';
import staticFiles from './plugins/external/static.ts';
import swagger from './plugins/external/swagger.ts';
import alertsRoutes from './routes/alerts/index.ts';
import barsRoutes from './routes/bars/index.ts';
import healthRoutes from './routes/health/index.ts';
import jobsRoutes from './routes/jobs/index.ts';
import lateEventsRoutes from './routes/late-events/index.ts';
import liveRoutes from './routes/live/index.ts';
import metricsRoutes from './routes/metrics/index.ts';
import overviewRoutes from './routes/overview/index.ts';
import rejectsRoutes from './routes/rejects/index.ts';
import stressRoutes from './routes/stress/index.ts';
import symbolsRoutes from './routes/symbols/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: ApiConfig;
  }
}

const reason: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
};

export async function buildApp(
  config: ApiConfig,
  options: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...options,
    ajv: { customOptions: { coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('config', config);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.validation ? 400 : (error.statusCode ?? 500);
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'internal error; see the server log',
      });
    }
    return reply
      .code(status)
      .send({ statusCode: status, error: reason[status] ?? 'Error', message: error.message });
  });
  app.setNotFoundHandler((request, reply) => {
    const page = config.webDistDir && request.method === 'GET' && !request.url.startsWith('/api/');
    if (page) return reply.sendFile('index.html');
    return reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
    });
  });

  await app.register(pg, { config });
  await app.register(swagger);
  if (config.webDistDir) await app.register(staticFiles, { root: config.webDistDir });
  await app.register(repositories, { config });
  await app.register(live, { config });
  await app.register(flink, { config });
  await app.register(auth, { token: config.apiToken });
  await app.register(parameterGuard);

  for (const routes of [
    symbolsRoutes,
    metricsRoutes,
    barsRoutes,
    alertsRoutes,
    stressRoutes,
    overviewRoutes,
    rejectsRoutes,
    lateEventsRoutes,
    liveRoutes,
    jobsRoutes,
    healthRoutes,
  ]) {
    await app.register(routes);
  }
  return app;
}
