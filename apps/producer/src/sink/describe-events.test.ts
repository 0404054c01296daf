import type { MarketEvent } from '@spreadwatch/market-events';
import { describe, expect, it } from 'vitest';
import { describeEvents } from './describe-events.ts';

const event = (symbol: string, sequence: number) => ({ symbol, sequence }) as MarketEvent;

describe('describeEvents', () => {
  it('lists sequence ranges per symbol', () => {
    const events = [event('EFGH', 10), event('ABCD', 4), event('ABCD', 3), event('ABCD', 5), event('ABCD', 9), event('ABCD', 7)];
    expect(describeEvents(events)).toBe('ABCD 3-5, 7, 9; EFGH 10');
    expect(describeEvents([])).toBe('');
  });
});
