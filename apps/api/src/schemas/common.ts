// Shared schema pieces: the error body, time ranges, paging and the symbol parameter.
import { Type, type Static } from 'typebox';

export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String({ description: 'What was wrong with the request' }),
  },
  { description: 'Error' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** Response schemas of the errors every read route can answer. */
export const errorResponses = {
  400: ErrorBody,
  404: ErrorBody,
  500: ErrorBody,
} as const;

export const IsoTime = (description: string) =>
  Type.String({ format: 'date-time', description: `${description} (RFC 3339: with Z or an offset)` });

/** Upper bound of every page: no request reads more rows than this. */
export const MAX_PAGE_SIZE = 1000;

export const TimeRangeQuery = Type.Object({
  from: IsoTime('Start of the range (inclusive), ISO 8601, e.g. 2026-01-01T10:00:00Z'),
  to: IsoTime('End of the range (exclusive), ISO 8601; after `from`'),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 100, description: 'Page size' }),
  after: Type.Optional(
    IsoTime('Page cursor: the `nextAfter` of the previous page (rows strictly after this start time)'),
  ),
});
export type TimeRangeQuery = Static<typeof TimeRangeQuery>;

export const SYMBOL_PATTERN = '^[A-Za-z0-9.~_-]{1,32}$';

export const SymbolParams = Type.Object({
  symbol: Type.String({ pattern: SYMBOL_PATTERN, description: 'Instrument symbol, e.g. AAPL' }),
});
export type SymbolParams = Static<typeof SymbolParams>;

/** The per-row reason of null numbers: PostgreSQL holds NaN or ±Infinity there, which JSON cannot carry. */
export const NonFinite = Type.Array(Type.String(), {
  description: 'Fields served as null because the stored value is NaN, Infinity or -Infinity',
});

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextAfter: Nullable(
      Type.String({ format: 'date-time', description: 'Cursor of the next page; null on the last' }),
    ),
  });
