import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { plainJson } from '../plain-json.ts';
import { errorResponses, Nullable } from '../../schemas/common.ts';

const SymbolSummary = Type.Object({
  symbol: Type.String(),
  lastWindowStart: Nullable(Type.String({ format: 'date-time' })),
  lastBarStart: Nullable(Type.String({ format: 'date-time' })),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/symbols',
    {
      ...plainJson,
      schema: {
        tags: ['market'],
        summary: 'Symbols with windows or 1-second bars, alphabetical',
        response: { 200: Type.Object({ items: Type.Array(SymbolSummary) }), 500: errorResponses[500] },
      },
    },
    async () => ({ items: await app.symbolsRepository.list() }),
  );
};
export default routes;
