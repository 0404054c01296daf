// Page cursors of the keyset-paged lists: the sort key of a page's last row, opaque to clients (base64url
// of JSON). Each list checks the decoded parts against the shape of its key.

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

export const isText = (part: unknown): boolean => typeof part === 'string';
export const isTime = (part: unknown): boolean => typeof part === 'string' && !Number.isNaN(Date.parse(part));
export const isInteger = (part: unknown): boolean => Number.isSafeInteger(part);
export const orNull =
  (check: (part: unknown) => boolean) =>
  (part: unknown): boolean =>
    part === null || check(part);
