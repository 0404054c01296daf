import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('CSV', () => {
  it('leaves plain fields alone and quotes the ones that need it', () => {
    expect(csvField('AAPL')).toBe('AAPL');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(true)).toBe('true');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('writes empty fields for missing and non-finite values', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('writes a header and one CRLF-terminated line per row', () => {
    const rows = [
      { symbol: 'AAPL', spread: 2.5 },
      { symbol: 'X,Y', spread: null },
    ];
    const csv = toCsv(rows, [
      { header: 'symbol', value: (row) => row.symbol },
      { header: 'avg "bps"', value: (row) => row.spread },
    ]);
    expect(csv).toBe('symbol,"avg ""bps"""\r\nAAPL,2.5\r\n"X,Y",\r\n');
  });
});
