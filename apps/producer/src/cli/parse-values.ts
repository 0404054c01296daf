// Parsers of single flag values; each throws a UsageError naming the flag.
import { UsageError } from './usage-error.ts';

export function parseInteger(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${flag} must be a whole number, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new UsageError(`--${flag} must be between ${min} and ${max}, got ${text}`);
  return value;
}

export function parseNumber(flag: string, text: string, min: number, max = Infinity): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag} must be a number, got "${text}"`);
  if (value < min || value > max) {
    throw new UsageError(`--${flag} must be ${max === Infinity ? `at least ${min}` : `between ${min} and ${max}`}, got ${text}`);
  }
  return value;
}

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "500ms", "90s", "15m", "2h" or plain seconds, to milliseconds. */
export function parseDuration(flag: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (match === null) throw new UsageError(`--${flag} must be a duration like 500ms, 90s, 15m or 2h, got "${text}"`);
  const ms = Number(match[1]) * (DURATION_UNITS_MS[match[2] ?? 's'] as number);
  if (ms < 1) throw new UsageError(`--${flag} must be at least 1ms, got "${text}"`);
  return Math.round(ms);
}

/** ISO 8601 with a time zone, or epoch milliseconds, to epoch milliseconds. */
export function parseTimestamp(flag: string, text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return parseInteger(flag, trimmed, 0);
  // Without a zone, Date.parse would use the machine's local zone and replays would differ across hosts.
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(trimmed)) {
    throw new UsageError(`--${flag} must be epoch milliseconds or ISO 8601 with a zone (2026-01-05T14:30:00Z), got "${text}"`);
  }
  const ms = Date.parse(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed);
  // Date.parse rolls impossible days over (Feb 31 -> Mar 3); the round trip catches them.
  const day = trimmed.slice(0, 10);
  if (Number.isNaN(ms) || new Date(ms + offsetMs(trimmed)).toISOString().slice(0, 10) !== day) throw new UsageError(`--${flag} is not a valid date: "${text}"`);
  return ms;
}

export function parseBrokers(flag: string, text: string): string[] {
  const brokers = text.split(',').map((b) => b.trim());
  for (const broker of brokers) {
    if (!/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/.test(broker)) throw new UsageError(`--${flag} must be host:port[,host:port...], got "${text}"`);
  }
  return brokers;
}

export function parseUrl(flag: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--${flag} must be an http(s) URL, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--${flag} must be an http(s) URL, got "${text}"`);
  return text.replace(/\/+$/, '');
}

export function parseTopic(flag: string, text: string): string {
  // Kafka's own rule for topic names.
  if (!/^[A-Za-z0-9._-]{1,249}$/.test(text) || text === '.' || text === '..') {
    throw new UsageError(`--${flag} must be 1-249 characters of letters, digits, '.', '_' or '-', got "${text}"`);
  }
  return text;
}

/** The zone offset written in an ISO 8601 time, in milliseconds (0 for Z or a date alone). */
function offsetMs(iso: string): number {
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (zone === null) return 0;
  return (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) * 60_000;
}
