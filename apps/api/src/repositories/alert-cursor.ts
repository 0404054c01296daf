// Page cursor of the alerts list: the (window_start, symbol, alert_type) key of the last alert of a page,
// opaque to clients (base64url of JSON). Decoding checks each part as strictly as the query parameters, so a
// forged cursor is a 400, never a value PostgreSQL refuses.
import { SYMBOL_PATTERN } from '../schemas/common.ts';
import { ALERT_TYPES } from '../schemas/rows.ts';
import { isServedTime } from '../time-range.ts';

const symbolPattern = new RegExp(SYMBOL_PATTERN);

export interface AlertKey {
  windowStart: string;
  symbol: string;
  alertType: string;
}

export function encodeAlertCursor({ windowStart, symbol, alertType }: AlertKey): string {
  return Buffer.from(JSON.stringify([windowStart, symbol, alertType])).toString('base64url');
}

/** The key, or undefined when the text is not a cursor this API handed out. */
export function decodeAlertCursor(cursor: string): AlertKey | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((part) => typeof part === 'string'))
      return undefined;
    const [windowStart, symbol, alertType] = parts as [string, string, string];
    const known = (ALERT_TYPES as readonly string[]).includes(alertType);
    return isServedTime(windowStart) && symbolPattern.test(symbol) && known
      ? { windowStart, symbol, alertType }
      : undefined;
  } catch {
    return undefined;
  }
}
