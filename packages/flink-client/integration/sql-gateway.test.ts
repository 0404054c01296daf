// The SQL Gateway client against the running gateway: results, errors with the gateway's reason, and a
// session the gateway has lost being reopened with its properties.
import { afterAll, describe, expect, it } from 'vitest';
import { SqlGatewaySession, SqlStatementError } from '../src/index.ts';

// The test run's stack (the global setup exports its URLs), not a fixed port.
const url = process.env.SPREADWATCH_SQL_GATEWAY_URL ?? 'http://127.0.0.1:8083';
const session = new SqlGatewaySession({ url, properties: { 'table.local-time-zone': 'UTC' } });

afterAll(() => session.close());

describe('SqlGatewaySession', () => {
  it('runs a query and returns its rows', async () => {
    const result = await session.execute("SELECT 1 + 1 AS two, 'x' AS x");
    expect(result.columns).toEqual(['two', 'x']);
    expect(result.rows).toEqual([[2, 'x']]);
  });

  it("rejects a wrong statement with the gateway's reason, line and column", async () => {
    const error = await session.execute('SELECT 1\nFROMM dual').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SqlStatementError);
    expect((error as Error).message).toMatch(
      /^SqlParserException: SQL parse failed\. .* at line 2, column \d+/,
    );
  });

  it('reopens a session the gateway no longer has, with the same properties', async () => {
    const handle = (session as unknown as { handle: string }).handle;
    await fetch(`${url}/v3/sessions/${handle}`, { method: 'DELETE' });
    const result = await session.execute('SET');
    expect((session as unknown as { handle: string }).handle).not.toBe(handle);
    expect(JSON.stringify(result.rows)).toContain('UTC');
  });
});
