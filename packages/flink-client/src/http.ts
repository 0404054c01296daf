// Minimal JSON-over-HTTP helper shared by the two REST clients; Flink answers errors as {"errors": [...]}.
export class FlinkRestError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    /** The server's error text (for the SQL Gateway: the Java exception with its causes). */
    readonly serverErrors: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'FlinkRestError';
  }
}

export async function requestJson<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? {} : JSON.parse(text);
  if (!response.ok) {
    const errors = (parsed as { errors?: string[] }).errors ?? [text];
    throw new FlinkRestError(
      response.status,
      url,
      errors,
      `${method} ${url} -> ${response.status}: ${rootCause(errors)}`,
    );
  }
  return parsed as T;
}

// Exceptions that only wrap the interesting one: the gateway's own plumbing around a failed statement.
const wrapper =
  /(SqlGatewayException|SqlExecutionException|RestHandlerException|CompletionException|ExecutionException):/;

/**
 * The useful lines of a Flink server-side exception: the first cause that is not gateway plumbing (for SQL
 * errors it names the line and column), plus the deepest cause when it says something the first does not.
 */
export function rootCause(errors: readonly string[]): string {
  const trace = errors.filter((error) => error !== 'Internal server error.').join('\n');
  const causes = trace
    .split('\n')
    .map((line) => line.trim().replace(/^<Exception on server side:\s*/, ''))
    .filter((line) => line.startsWith('Caused by: ') || /^[\w.$]+(Exception|Error)\b/.test(line))
    .map((line) => line.replace(/^Caused by: /, '').replace(/^[\w.$]+\.(\w+(Exception|Error))/, '$1'));
  const meaningful = causes.filter((cause) => !wrapper.test(cause));
  const first = meaningful[0] ?? causes[0] ?? trace.split('\n')[0] ?? '';
  const deepest = meaningful[meaningful.length - 1];
  const deepestMessage = deepest?.replace(/^\w+: /, '');
  return deepest && deepestMessage && !first.includes(deepestMessage)
    ? `${first} (root cause: ${deepest})`
    : first;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
