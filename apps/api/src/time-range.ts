// Instants of the query string (ISO 8601 with an offset, checked by the schema's date-time format) in one
// normal form, within 1970-01-01 .. 9999-12-31 (PostgreSQL rejects year 0 and the API serves only four-digit
// years); ranges must go forward.
import { badRequest } from './errors.ts';

export const EARLIEST = '1970-01-01T00:00:00.000Z';
export const LATEST = '9999-12-31T23:59:59.999Z';
const earliest = Date.parse(EARLIEST);
/** The last instant with a four-digit year, as epoch milliseconds. */
export const latest = Date.parse(LATEST);

/** The instant in UTC ISO 8601, or why it is not one the API accepts. */
export function parseInstant(text: string): { iso: string } | { problem: string } {
  const time = Date.parse(text);
  if (Number.isNaN(time)) return { problem: 'is not an ISO 8601 time' };
  if (time < earliest || time > latest) return { problem: `is outside ${EARLIEST} .. ${LATEST}` };
  return { iso: new Date(time).toISOString() };
}

const firstServed = Date.parse('0001-01-01T00:00:00.000Z');

/**
 * A time exactly as the API serves one read from PostgreSQL (UTC ISO 8601, year 0001 to 9999), so one coming
 * back in a page cursor can be handed to PostgreSQL as it is.
 */
export function isServedTime(text: string): boolean {
  const time = Date.parse(text);
  return time >= firstServed && time <= latest && new Date(time).toISOString() === text;
}

export function instant(name: string, text: string): string {
  const parsed = parseInstant(text);
  if ('problem' in parsed) throw badRequest(`${name} ${parsed.problem}: "${text}"`);
  return parsed.iso;
}

export function timeRange(from: string, to: string): { from: string; to: string } {
  const range = { from: instant('from', from), to: instant('to', to) };
  if (range.from >= range.to)
    throw badRequest(`the range is empty or reversed: from ${range.from} is not before to ${range.to}`);
  return range;
}
