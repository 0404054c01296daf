// Typed fetch client of the API. Every request can be aborted; non-2xx answers become ApiError with the
// server's message.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | undefined>;

function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function request<T>(
  path: string,
  options: { query?: Query; method?: string; body?: unknown; token?: string; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(apiUrl(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
    signal: options.signal ?? null,
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const message = (body as { message?: string } | undefined)?.message ?? response.statusText;
    throw new ApiError(response.status, `${response.status}: ${message}`);
  }
  return body as T;
}

/** Epoch ms of an API timestamp (ISO 8601 string or epoch ms). */
export function toMs(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

export interface Paged<T> {
  items: T[];
  nextAfter: string | null;
}

/** Follows `nextAfter` cursors until the last page or `maxItems`. */
export async function allPages<T>(
  page: (after: string | undefined) => Promise<Paged<T>>,
  maxItems = 20_000,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  do {
    const result = await page(after);
    items.push(...result.items);
    after = result.nextAfter ?? undefined;
  } while (after !== undefined && items.length < maxItems);
  return items;
}
