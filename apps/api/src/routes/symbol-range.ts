// The handler of a symbol's time-range route: validated range, known symbol, then one page of rows.
import type { FastifyInstance } from 'fastify';
import type { PageResult, RangeQuery } from '../repositories/sql.ts';
import type { TimeRangeQuery } from '../schemas/common.ts';
import { instant, timeRange } from '../time-range.ts';
import { ensureSymbol } from './symbol-check.ts';

export function symbolRangeHandler<T>(
  app: FastifyInstance,
  range: (query: RangeQuery) => Promise<PageResult<T>>,
) {
  return async (request: { params: { symbol: string }; query: TimeRangeQuery }): Promise<PageResult<T>> => {
    const { symbol } = request.params;
    const { from, to, after, limit } = request.query;
    const bounds = timeRange(from, to);
    await ensureSymbol(app, symbol);
    const page = after === undefined ? undefined : instant('after', after);
    return range({ symbol, ...bounds, after: page, limit });
  };
}
