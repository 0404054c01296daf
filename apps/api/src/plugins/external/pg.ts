// The PostgreSQL pool, on the namespace's schema (search_path), closed with the app. Timestamps come back
// as ISO 8601 UTC strings (the sink tables hold UTC wall-clock values) and bigint counts as numbers.
import fp from 'fastify-plugin';
import pg from 'pg';
import type { ApiConfig } from '../../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    pg: pg.Pool;
  }
}

const utcTimestamp = (text: string): string => new Date(`${text.replace(' ', 'T')}Z`).toISOString();
const parsers: Record<number, (text: string) => unknown> = {
  1114: utcTimestamp,
  1184: (text) => new Date(text).toISOString(),
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
