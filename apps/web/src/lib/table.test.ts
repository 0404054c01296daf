import { describe, expect, it } from 'vitest';
import { filterBySymbol, nextSort, sortRows } from './table.ts';

interface Row {
  symbol: string;
  spread: number | null;
  flag: boolean;
}

const rows: Row[] = [
  { symbol: 'MSFT', spread: 3, flag: false },
  { symbol: 'AAPL', spread: null, flag: true },
  { symbol: 'XOM', spread: 9, flag: true },
  { symbol: 'AMD', spread: 3, flag: false },
];
const valueOf = (row: Row, key: keyof Row) => row[key];

describe('sorting', () => {
  it('sorts numbers both ways, stable on ties, missing values last', () => {
    const asc = sortRows(rows, { key: 'spread', direction: 'asc' }, valueOf).map((row) => row.symbol);
    expect(asc).toEqual(['MSFT', 'AMD', 'XOM', 'AAPL']);
    const desc = sortRows(rows, { key: 'spread', direction: 'desc' }, valueOf).map((row) => row.symbol);
    expect(desc).toEqual(['XOM', 'MSFT', 'AMD', 'AAPL']);
  });

  it('sorts strings and booleans', () => {
    expect(sortRows(rows, { key: 'symbol', direction: 'asc' }, valueOf).map((row) => row.symbol)).toEqual([
      'AAPL',
      'AMD',
      'MSFT',
      'XOM',
    ]);
    expect(sortRows(rows, { key: 'flag', direction: 'desc' }, valueOf).map((row) => row.symbol)).toEqual([
      'AAPL',
      'XOM',
      'MSFT',
      'AMD',
    ]);
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'symbol', direction: 'asc' }, valueOf);
    expect(rows).toEqual(copy);
  });

  it('flips the direction of the sorted column and starts another descending', () => {
    expect(nextSort({ key: 'spread', direction: 'desc' }, 'spread')).toEqual({
      key: 'spread',
      direction: 'asc',
    });
    expect(nextSort({ key: 'spread', direction: 'asc' }, 'symbol')).toEqual({
      key: 'symbol',
      direction: 'desc',
    });
  });
});

describe('symbol filter', () => {
  it('keeps everything for an empty filter', () => {
    expect(filterBySymbol(rows, '  ')).toHaveLength(4);
  });

  it('matches case-insensitive prefixes of any term', () => {
    expect(filterBySymbol(rows, 'a').map((row) => row.symbol)).toEqual(['AAPL', 'AMD']);
    expect(filterBySymbol(rows, 'msft, xo').map((row) => row.symbol)).toEqual(['MSFT', 'XOM']);
    expect(filterBySymbol(rows, 'SFT')).toEqual([]);
  });
});
