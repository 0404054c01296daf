import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest } from '../../errors.ts';
import { decodeAlertCursor } from '../../repositories/alert-cursor.ts';
import { errorResponses, IsoTime, MAX_PAGE_SIZE, Nullable, SymbolParams } from '../../schemas/common.ts';
import { Alert, AlertType } from '../../schemas/rows.ts';
import { instant } from '../../time-range.ts';
import { ensureSymbol } from '../symbol-check.ts';

const AlertsQuery = Type.Object({
  since: IsoTime('Alerts of windows starting at or after this time, ISO 8601'),
  type: Type.Optional(AlertType),
  symbol: Type.Optional(SymbolParams.properties.symbol),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 }),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `next` of the previous page' })),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/alerts',
    {
      schema: {
        tags: ['market'],
        summary:
          'Alerts since a time, optionally of one type or symbol, by window start then symbol and type',
        querystring: AlertsQuery,
        response: {
          200: Type.Object({ items: Type.Array(Alert), next: Nullable(Type.String()) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { since, type, symbol, limit, cursor } = request.query;
      const after = cursor === undefined ? undefined : decodeAlertCursor(cursor);
      if (cursor !== undefined && !after) throw badRequest('cursor is not one this API handed out');
      if (symbol !== undefined) await ensureSymbol(app, symbol);
      return app.alertsRepository.since({ since: instant('since', since), type, symbol, after, limit });
    },
  );
};
export default routes;
