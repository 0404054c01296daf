// Applies the versioned SQL migrations in packages/db/migrations with node-pg-migrate. A namespace
// (replay, backtest, test) gets the same tables in its own PostgreSQL schema, created on demand, with its
// own migrations table, so it never mixes with the live tables in `public`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

export interface MigrateOptions {
  databaseUrl: string;
  /** PostgreSQL schema to migrate; `public` for the live namespace. */
  schema: string;
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/** Runs every pending migration; returns the names of those applied now. */
export async function migrate({ databaseUrl, schema }: MigrateOptions): Promise<string[]> {
  if (!schemaName.test(schema)) {
    throw new Error(`invalid schema name "${schema}": use lower-case letters, digits and underscores`);
  }
  const applied = await runner({
    databaseUrl,
    dir: migrationsDir,
    direction: 'up',
    migrationsTable: 'schema_migrations',
    schema,
    createSchema: true,
    checkOrder: true,
    log: () => undefined,
  });
  return applied.map((migration) => migration.name);
}
