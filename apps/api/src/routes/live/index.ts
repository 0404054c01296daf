import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest } from '../../errors.ts';
import { openStream } from '../../live/stream.ts';
import { errorResponses } from '../../schemas/common.ts';

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
          'Event ids are resume cursors: reconnect with Last-Event-ID (or ?lastEventId=) to receive what was missed. ' +
          'Alerts are pushed from the alerts topic at once, without an id, and may be delivered again on resume: ' +
          'dedupe them on (symbol, windowStart, alertType). A `gap` event means more was missed than is replayed.',
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
        },
      },
    },
    async (request, reply) => {
      const resume = request.headers['last-event-id'] ?? request.query.lastEventId;
      if (resume !== undefined && !cursor.test(resume))
        throw badRequest(`Last-Event-ID "${resume}" is not a cursor of this stream`);
      reply.hijack();
      await openStream(app.live, reply.raw, {
        after: resume === undefined ? undefined : Number(resume),
        kinds: [...new Set(request.query.types)],
      });
    },
  );
};
export default routes;
