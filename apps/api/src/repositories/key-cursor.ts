// Page cursors of the keyset-paged lists: the sort key of a page's last row, opaque to clients (base64url
// of JSON). Each list checks the decoded parts against the shape of its key, as strictly as PostgreSQL will
// take them: a forged cursor is a 400, never a failing query.
import { isServedTime } from '../time-range.ts';

export type KeyPart = string | number | null;

export function encodeKeyCursor(parts: readonly KeyPart[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The key's parts, or undefined when the text is not a cursor of that shape (one check per part). */
export function decodeKeyCursor<T extends KeyPart[]>(
  cursor: string,
  shape: { [I in keyof T]: (part: unknown) => boolean },
): T | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== shape.length) return undefined;
    return shape.every((check, index) => check(parts[index])) ? (parts as T) : undefined;
  } catch {
    return undefined;
  }
}

/** Text PostgreSQL can hold: no NUL character. */
export const isText = (part: unknown): boolean => typeof part === 'string' && !part.includes('\u0000');
export const isTime = (part: unknown): boolean => typeof part === 'string' && isServedTime(part);
export const isInteger = (part: unknown): boolean => Number.isSafeInteger(part);
/** A PostgreSQL integer (int4), such as a Kafka partition. */
export const isInt32 = (part: unknown): boolean =>
  Number.isInteger(part) && (part as number) >= -(2 ** 31) && (part as number) < 2 ** 31;
export const orNull =
  (check: (part: unknown) => boolean) =>
  (part: unknown): boolean =>
    part === null || check(part);
