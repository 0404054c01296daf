// The PostgreSQL pool, on the namespace's schema (search_path), closed with the app. Timestamps come back
// as ISO 8601 UTC strings (the sink tables hold UTC wall-clock values) and bigint counts as numbers.
// Timestamps ISO 8601 cannot carry in four digits (±infinity, BC, after 9999) come back as null instead of
// throwing while the row is parsed; non-finite doubles are left to the repositories (finite.ts).
import fp from 'fastify-plugin';
import pg from 'pg';
import type { ApiConfig } from '../../config.ts';
import { latest } from '../../time-range.ts';

declare module 'fastify' {
  interface FastifyInstance {
    pg: pg.Pool;
  }
}

// PostgreSQL writes BC and ±infinity in words, which do not parse; a five-digit year may.
const iso = (time: number): string | null =>
  Number.isNaN(time) || time > latest ? null : new Date(time).toISOString();
const parsers: Record<number, (text: string) => unknown> = {
  1114: (text) => iso(Date.parse(`${text.replace(' ', 'T')}Z`)),
  1184: (text) => iso(Date.parse(text)),
  20: Number,
};

const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function createPool(config: Pick<ApiConfig, 'databaseUrl' | 'schema'>, max = 20): pg.Pool {
  return new pg.Pool({
    connectionString: config.databaseUrl,
    options: `-c search_path=${config.schema}`,
    max,
    types: pgTypes,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 10_000,
  });
}

export default fp(
  async (app, { config }: { config: ApiConfig }) => {
    const pool = createPool(config);
    pool.on('error', (error) => app.log.error({ err: error }, 'idle PostgreSQL client failed'));
    app.decorate('pg', pool);
    app.addHook('onClose', async () => pool.end());
  },
  { name: 'pg' },
);
