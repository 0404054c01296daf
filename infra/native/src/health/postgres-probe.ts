// PostgreSQL health: a real query over a fresh connection.
import pg from 'pg';

export async function probePostgres(connectionString: string): Promise<string> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const result = await client.query<{ version: string }>('SELECT current_setting($1) AS version', ['server_version']);
    return `PostgreSQL ${result.rows[0]?.version ?? '?'}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
