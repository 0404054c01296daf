// Creates the application role and database on the stack's own PostgreSQL (idempotent), the schema the
// schema registry keeps its tables in, and applies the versioned migrations.
import pg from 'pg';
import { migrate } from '@spreadwatch/db';
import { stackConfig } from '../config.ts';
import { log } from '../log.ts';
import { superuserUrl } from './postgres.ts';

export const registrySchema = 'registry';

async function createRoleAndDatabase(): Promise<void> {
  const url = new URL(stackConfig.databaseUrl);
  const role = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const database = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    const roleExists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (roleExists.rowCount === 0) {
      // Identifiers cannot be bound as parameters: quote them with the server's own quoting functions.
      const sql = await admin.query<{ sql: string }>("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS sql", [role, password]);
      await admin.query(sql.rows[0]!.sql);
      log.detail('postgres', `created role ${role}`);
    }
    const dbExists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (dbExists.rowCount === 0) {
      const sql = await admin.query<{ sql: string }>("SELECT format('CREATE DATABASE %I OWNER %I', $1::text, $2::text) AS sql", [database, role]);
      await admin.query(sql.rows[0]!.sql);
      log.detail('postgres', `created database ${database}`);
    }
  } finally {
    await admin.end();
  }
}

async function createRegistrySchema(): Promise<void> {
  const client = new pg.Client({ connectionString: stackConfig.databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${registrySchema}`);
  } finally {
    await client.end();
  }
}

export async function bootstrapDatabase(): Promise<void> {
  if (!stackConfig.externalDatabaseUrl) await createRoleAndDatabase();
  await createRegistrySchema();
  const applied = await migrate({ databaseUrl: stackConfig.databaseUrl, schema: 'public' });
  log.detail('postgres', applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
}
