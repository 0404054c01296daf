// The registry speaks the Confluent API and keeps what it is given in the stack's PostgreSQL.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { stackConfig } from '../src/config.ts';

const schema = {
  type: 'record',
  name: 'StackProbe',
  namespace: 'dev.spreadwatch.test',
  fields: [
    { name: 'symbol', type: 'string' },
    { name: 'nonce', type: 'string', default: randomUUID() },
  ],
};

async function registry<T>(pathname: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${stackConfig.registryUrl}${pathname}`, {
    ...init,
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
  });
  expect(response.status, `${pathname}: ${response.status}`).toBe(200);
  return (await response.json()) as T;
}

describe('schema registry (Apicurio, Confluent-compatible API)', () => {
  const subject = `stack-test-${randomUUID()}-value`;

  it('registers an Avro schema and returns it by id', async () => {
    const { id } = await registry<{ id: number }>(`/subjects/${subject}/versions`, {
      method: 'POST',
      body: JSON.stringify({ schemaType: 'AVRO', schema: JSON.stringify(schema) }),
    });
    expect(id).toBeGreaterThan(0);

    const byId = await registry<{ schema: string }>(`/schemas/ids/${id}`);
    expect(JSON.parse(byId.schema)).toEqual(schema);

    const latest = await registry<{ id: number; subject: string }>(`/subjects/${subject}/versions/latest`);
    expect(latest).toMatchObject({ id, subject });
  });

  it('stores schemas in PostgreSQL, not in memory', async () => {
    const client = new pg.Client({ connectionString: stackConfig.databaseUrl });
    await client.connect();
    try {
      const stored = await client.query(
        "SELECT 1 FROM registry.content WHERE convert_from(content, 'UTF8') LIKE $1",
        [`%${schema.fields[1]!.default}%`],
      );
      expect(stored.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });
});
