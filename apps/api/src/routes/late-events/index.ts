// Events that arrived after the watermark had closed their window (late_events), per job, symbol and window.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest } from '../../errors.ts';
import { decodeKeyCursor, isText, isTime } from '../../repositories/key-cursor.ts';
import type { LateEventKey } from '../../repositories/late-events.ts';
import { errorResponses, IsoTime, MAX_PAGE_SIZE, Nullable, SymbolParams } from '../../schemas/common.ts';
import { JobLateEvents, LateEventCount } from '../../schemas/rows.ts';
import { timeRange } from '../../time-range.ts';
import { JobName } from '../jobs/schemas.ts';

const LateEventsQuery = Type.Object({
  from: IsoTime('Windows starting at or after this time'),
  to: IsoTime('Windows starting before this time; after `from`'),
  job: Type.Optional(JobName.properties.name),
  symbol: Type.Optional(SymbolParams.properties.symbol),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 }),
  cursor: Type.Optional(Type.String({ maxLength: 300, description: 'The `next` of the previous page' })),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/late-events',
    {
      schema: {
        tags: ['data quality'],
        summary:
          'Late events per job, symbol and 1-minute window for windows starting in [from, to), oldest first, ' +
          'and totals per job over the range',
        querystring: LateEventsQuery,
        response: {
          200: Type.Object({
            items: Type.Array(LateEventCount),
            totals: Type.Array(JobLateEvents, { description: 'Per job over the whole range' }),
            next: Nullable(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { from, to, job, symbol, limit, cursor } = request.query;
      const range = timeRange(from, to);
      const after =
        cursor === undefined ? undefined : decodeKeyCursor<LateEventKey>(cursor, [isTime, isText, isText]);
      if (cursor !== undefined && !after) throw badRequest('cursor is not one this API handed out');
      return app.lateEventsRepository.range({ ...range, job, symbol, after, limit });
    },
  );
};
export default routes;
