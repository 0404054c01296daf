import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, Page, SymbolParams, TimeRangeQuery } from '../../schemas/common.ts';
import { WindowMetrics } from '../../schemas/rows.ts';
import { acceptsGzip, etagMatches } from '../conditional.ts';
import { symbolRangeHandler } from '../symbol-range.ts';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/symbols/:symbol/metrics',
    {
      schema: {
        tags: ['market'],
        summary: "A symbol's 1-minute windows in [from, to), oldest first, paged by `after`",
        params: SymbolParams,
        querystring: TimeRangeQuery,
        response: { 200: Page(WindowMetrics), ...errorResponses },
      },
    },
    symbolRangeHandler(app, app.metricsRepository.range),
  );

  app.get(
    '/api/metrics/latest',
    {
      schema: {
        tags: ['market'],
        summary: 'The newest window of every symbol, by symbol',
        description:
          'Never staler than the live stream: every window /api/live has delivered is in the answer. ' +
          'Sent with an ETag: a request with a matching ' +
          'If-None-Match is answered 304 without a body. Gzipped when the client accepts it.',
        headers: Type.Object({ 'if-none-match': Type.Optional(Type.String()) }),
        response: {
          200: Type.Object({ items: Type.Array(WindowMetrics) }),
          304: Type.Null({ description: 'Not modified since the ETag named in If-None-Match' }),
          500: errorResponses[500],
        },
      },
    },
    async (request, typedReply) => {
      // Bytes serialized once per change, which the schema above documents: no per-request serialization.
      const reply = typedReply as FastifyReply;
      const body = await app.latestWindows.current();
      reply.header('etag', body.etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding');
      if (etagMatches(request.headers['if-none-match'], body.etag)) return reply.code(304).send();
      reply.type('application/json; charset=utf-8');
      if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(body.json);
      return reply.header('content-encoding', 'gzip').send(await body.gzipped());
    },
  );
};
export default routes;
