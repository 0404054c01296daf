// What the Flink jobs kept out of the windows (rejected_events): counts by symbol, window and reason, and the
// newest dead letters with their Kafka coordinates and raw bytes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest } from '../../errors.ts';
import {
  decodeKeyCursor,
  isInt32,
  isInteger,
  isText,
  isTime,
  orNull,
} from '../../repositories/key-cursor.ts';
import type { DeadLetterKey, RejectCountKey } from '../../repositories/rejects.ts';
import { errorResponses, IsoTime, MAX_PAGE_SIZE, Nullable } from '../../schemas/common.ts';
import { DeadLetter, RejectCount, RejectReason, RejectTotal } from '../../schemas/rows.ts';
import { timeRange } from '../../time-range.ts';

/** Dead letters hold raw message bytes: a smaller page than the other lists. */
const MAX_DEAD_LETTERS = 200;

const Cursor = (description: string) => Type.String({ maxLength: 300, description });

const RejectsQuery = Type.Object({
  from: IsoTime('Dead letters written at or after this time'),
  to: IsoTime('Dead letters written before this time; after `from`'),
  symbol: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Only this symbol' })),
  reason: Type.Optional(RejectReason),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 }),
  cursor: Type.Optional(Cursor('The `next` of the previous page')),
});

const DeadLettersQuery = Type.Object({
  reason: Type.Optional(RejectReason),
  limit: Type.Integer({ minimum: 1, maximum: MAX_DEAD_LETTERS, default: 20 }),
  before: Type.Optional(Cursor('The `next` of the previous page (older dead letters)')),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/rejects',
    {
      schema: {
        tags: ['data quality'],
        summary:
          'Rejected events written in [from, to): counts per symbol, 1-minute window and reason (undecodable ' +
          'messages have null symbol and window; they sort first), oldest window first, and totals per reason',
        querystring: RejectsQuery,
        response: {
          200: Type.Object({
            items: Type.Array(RejectCount),
            totals: Type.Array(RejectTotal, { description: 'Per reason over the whole range, most first' }),
            next: Nullable(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { from, to, symbol, reason, limit, cursor } = request.query;
      const range = timeRange(from, to);
      const after =
        cursor === undefined
          ? undefined
          : decodeKeyCursor<RejectCountKey>(cursor, [orNull(isTime), orNull(isText), isText]);
      if (cursor !== undefined && !after) throw badRequest('cursor is not one this API handed out');
      return app.rejectsRepository.counts({ ...range, symbol, reason, after, limit });
    },
  );

  app.get(
    '/api/rejects/events',
    {
      schema: {
        tags: ['data quality'],
        summary:
          'The newest dead letters (rejected Kafka messages), newest first, with key and value in base64',
        querystring: DeadLettersQuery,
        response: {
          200: Type.Object({ items: Type.Array(DeadLetter), next: Nullable(Type.String()) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { reason, limit, before } = request.query;
      const key =
        before === undefined
          ? undefined
          : decodeKeyCursor<DeadLetterKey>(before, [isInteger, isText, isInt32, isInteger]);
      if (before !== undefined && !key) throw badRequest('before is not a cursor this API handed out');
      return app.rejectsRepository.newest({ reason, before: key, limit });
    },
  );
};
export default routes;
