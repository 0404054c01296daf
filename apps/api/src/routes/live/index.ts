import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest } from '../../errors.ts';
import { openStream } from '../../live/stream.ts';
import { ErrorBody, errorResponses } from '../../schemas/common.ts';

const Kind = Type.Union([Type.Literal('window'), Type.Literal('bar'), Type.Literal('alert')]);
const cursor = /^\d{1,17}$/;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/live',
    {
      schema: {
        tags: ['live'],
        summary:
          'Server-Sent Events: new windows (`window`), 1-second bars (`bar`) and alerts (`alert`) as they land',
        description:
          'Every row written or corrected in the windows, bars and alerts tables is sent once, in commit order; ' +
          'event ids are its number in that order. Reconnect with Last-Event-ID (or ?lastEventId=) to receive ' +
          'exactly what was missed. Alerts are also pushed from the alerts topic at once, without an id, and may ' +
          'be delivered again on resume: dedupe them on (symbol, windowStart, alertType). A `gap` event means ' +
          'changes between its fromCursor and toCursor are not replayed (pruned, or more than a replay sends). ' +
          'A client that reads too slowly gets an `overflow` event and is disconnected; it resumes as above. ' +
          'Open streams are capped: beyond the cap the answer is 503.',
        querystring: Type.Object({
          types: Type.Array(Kind, {
            default: ['window', 'bar', 'alert'],
            description: 'Event types to receive',
          }),
          lastEventId: Type.Optional(
            Type.String({ description: 'Resume cursor, when the client cannot set Last-Event-ID' }),
          ),
        }),
        headers: Type.Object({ 'last-event-id': Type.Optional(Type.String()) }),
        response: {
          200: {
            description: 'An event stream',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          400: errorResponses[400],
          503: { ...ErrorBody, description: 'Too many open live streams; retry later' },
        },
      },
    },
    async (request, reply) => {
      const resume = request.headers['last-event-id'] ?? request.query.lastEventId;
      if (resume !== undefined && !cursor.test(resume))
        throw badRequest(`Last-Event-ID "${resume}" is not a cursor of this stream`);
      // No await between this check and the subscription in openStream: the count cannot be raced past.
      if (app.live.size >= app.config.liveMaxClients)
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({
            statusCode: 503,
            error: 'Service Unavailable',
            message: `${app.config.liveMaxClients} live streams are open, the most this server serves; retry later`,
          });
      reply.hijack();
      await openStream(app.live, reply.raw, {
        after: resume === undefined ? undefined : Number(resume),
        kinds: [...new Set(request.query.types)],
        maxBufferBytes: app.config.liveClientBufferBytes,
      });
    },
  );
};
export default routes;
