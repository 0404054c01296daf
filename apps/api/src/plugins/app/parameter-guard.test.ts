import { describe, expect, it } from 'vitest';
import { unusableParameter } from './parameter-guard.ts';

describe('unusableParameter', () => {
  it('names the first parameter holding a NUL character, in single or repeated values', () => {
    expect(unusableParameter({ from: '2026-01-01T00:00:00Z', symbol: 'AA\u0000PL' })).toBe(
      'symbol must not contain a NUL character',
    );
    expect(unusableParameter({ types: ['window', 'b\u0000ar'] })).toBe(
      'types must not contain a NUL character',
    );
  });

  it('refuses numbers that are not finite', () => {
    expect(unusableParameter({ windows: Infinity })).toBe('windows must be a finite number');
    expect(unusableParameter({ limit: -Infinity })).toBe('limit must be a finite number');
  });

  it('lets usable values through', () => {
    expect(unusableParameter({ from: '2026', limit: 5, types: ['window'], flag: true })).toBeUndefined();
    expect(unusableParameter(undefined)).toBeUndefined();
  });
});
