// Client of the Flink SQL Gateway REST API (v3): sessions kept alive by a heartbeat and reopened when the
// gateway has lost them, statements executed and polled to completion, results fetched page by page.
import { FlinkRestError, requestJson, rootCause, sleep } from './http.ts';

export interface SqlGatewayOptions {
  /** e.g. http://127.0.0.1:8083 */
  url: string;
  /** Session properties (Flink configuration keys), applied again when the session is reopened. */
  properties?: Record<string, string>;
  /** Heartbeat period; the gateway's idle timeout is minutes, so a minute is plenty. */
  heartbeatMs?: number;
  pollMs?: number;
}

export interface StatementResult {
  /** The job the statement submitted (INSERT, EXECUTE STATEMENT SET). */
  jobId?: string;
  columns: string[];
  rows: unknown[][];
}

/** A statement the gateway refused, with the gateway's own explanation (it names line and column). */
export class SqlStatementError extends Error {
  constructor(
    readonly statement: string,
    readonly gatewayMessage: string,
  ) {
    super(gatewayMessage);
    this.name = 'SqlStatementError';
  }
}

interface ResultPage {
  resultType: 'NOT_READY' | 'PAYLOAD' | 'EOS';
  jobID?: string;
  nextResultUri?: string;
  results?: { columns?: { name: string }[]; data?: { fields: unknown[] }[] };
}

const missingSession = /does not exist|Failed to getSession|Cannot resolve path parameter \(session_handle\)/;

export class SqlGatewaySession {
  private handle: string | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly base: string;

  constructor(private readonly options: SqlGatewayOptions) {
    this.base = `${options.url.replace(/\/$/, '')}/v3`;
  }

  async open(): Promise<void> {
    const body = { properties: this.options.properties ?? {} };
    const { sessionHandle } = await requestJson<{ sessionHandle: string }>(
      'POST',
      `${this.base}/sessions`,
      body,
    );
    this.handle = sessionHandle;
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => void this.beat(), this.options.heartbeatMs ?? 60_000);
      this.heartbeat.unref();
    }
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await requestJson('DELETE', `${this.base}/sessions/${handle}`).catch(() => undefined);
  }

  /** Runs one statement to completion. Throws SqlStatementError when the gateway rejects it. */
  async execute(statement: string, executionConfig: Record<string, string> = {}): Promise<StatementResult> {
    const operation = await this.withSession((session) =>
      requestJson<{ operationHandle: string }>('POST', `${this.base}/sessions/${session}/statements`, {
        statement,
        executionConfig,
      }).then(({ operationHandle }) => `${this.base}/sessions/${session}/operations/${operationHandle}`),
    );
    try {
      return await this.fetchAll(operation);
    } catch (error) {
      if (error instanceof FlinkRestError)
        throw new SqlStatementError(statement, rootCause(error.serverErrors));
      throw error;
    }
  }

  // Results are fetched page by page until EOS (an INSERT's result is one row, its job id, then EOS); the
  // result endpoint also serves as the status poll, because only its error body explains an ERROR status.
  private async fetchAll(operation: string): Promise<StatementResult> {
    const result: StatementResult = { columns: [], rows: [] };
    let uri = `${operation}/result/0?rowFormat=JSON`;
    for (;;) {
      const page = await requestJson<ResultPage>('GET', uri);
      if (page.jobID) result.jobId = page.jobID;
      if (page.results?.columns?.length) result.columns = page.results.columns.map((column) => column.name);
      for (const row of page.results?.data ?? []) result.rows.push(row.fields);
      if (page.resultType === 'EOS' || !page.nextResultUri) return result;
      if (page.resultType === 'NOT_READY') await sleep(this.options.pollMs ?? 100);
      uri = `${this.options.url.replace(/\/$/, '')}${page.nextResultUri}`;
    }
  }

  private async withSession<T>(call: (session: string) => Promise<T>): Promise<T> {
    if (!this.handle) await this.open();
    try {
      return await call(this.handle as string);
    } catch (error) {
      if (!(error instanceof FlinkRestError) || !missingSession.test(error.serverErrors.join('\n')))
        throw error;
      await this.open();
      return call(this.handle as string);
    }
  }

  private async beat(): Promise<void> {
    if (!this.handle) return;
    await requestJson('POST', `${this.base}/sessions/${this.handle}/heartbeat`).catch(
      async (error: unknown) => {
        if (error instanceof FlinkRestError && missingSession.test(error.serverErrors.join('\n')))
          await this.open();
      },
    );
  }
}
