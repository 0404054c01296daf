import { describe, expect, it } from 'vitest';
import {
  decodeKeyCursor,
  encodeKeyCursor,
  isInt32,
  isInteger,
  isText,
  isTime,
  orNull,
} from './key-cursor.ts';

const shape = [orNull(isTime), isText, isInteger] as const;

describe('key cursors', () => {
  it('give back the key they were made from, nulls included', () => {
    const key: [string | null, string, number] = [null, 'crossed_market', 1_700_000_000_123_456];
    expect(decodeKeyCursor(encodeKeyCursor(key), [...shape])).toEqual(key);
    const timed: [string | null, string, number] = ['2026-01-01T10:00:00.000Z', 'a', 3];
    expect(decodeKeyCursor(encodeKeyCursor(timed), [...shape])).toEqual(timed);
  });

  it('refuse text that is not a cursor of that shape', () => {
    for (const cursor of [
      'abc',
      '',
      encodeKeyCursor(['2026-01-01T10:00:00.000Z', 'a']),
      encodeKeyCursor(['yesterday', 'a', 3]),
      encodeKeyCursor(['2026-01-01T10:00:00.000Z', 7, 3]),
      encodeKeyCursor(['2026-01-01T10:00:00.000Z', 'a', 1.5]),
      encodeKeyCursor(['0000-01-01T00:00:00.000Z', 'a', 3]),
      encodeKeyCursor(['2026-02-30T00:00:00.000Z', 'a', 3]),
      encodeKeyCursor(['2026-01-01T10:00:00.000Z', 'a\u0000', 3]),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      expect([cursor, decodeKeyCursor(cursor, [...shape])]).toEqual([cursor, undefined]);
    }
  });

  it('tell a PostgreSQL integer from a bigint', () => {
    expect([2 ** 31 - 1, -(2 ** 31)].every(isInt32)).toBe(true);
    expect([2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, '1'].some(isInt32)).toBe(false);
  });
});
