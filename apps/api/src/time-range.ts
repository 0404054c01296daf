// Instants of the query string (ISO 8601 with an offset, checked by the schema's date-time format) in one
// normal form; ranges must go forward.
import { badRequest } from './errors.ts';

export function instant(name: string, text: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw badRequest(`${name} is not an ISO 8601 time: "${text}"`);
  return new Date(time).toISOString();
}

export function timeRange(from: string, to: string): { from: string; to: string } {
  const range = { from: instant('from', from), to: instant('to', to) };
  if (range.from >= range.to)
    throw badRequest(`the range is empty or reversed: from ${range.from} is not before to ${range.to}`);
  return range;
}
