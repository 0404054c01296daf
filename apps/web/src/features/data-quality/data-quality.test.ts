import { describe, expect, it } from 'vitest';
import type { DeadLetter } from '../../api/types.ts';
import { kafkaCoordinates, reasonBars, reasonLabel } from './data-quality.ts';

describe('data-quality helpers', () => {
  it('turns reject totals into bars relative to the largest, most first, with their sum', () => {
    const { total, bars } = reasonBars([
      { reason: 'invalid_price', count: 2 },
      { reason: 'not_avro', count: 8 },
      { reason: 'crossed_market', count: 2 },
    ]);
    expect(total).toBe(12);
    expect(bars).toEqual([
      { reason: 'not_avro', label: 'not avro', count: 8, share: 1 },
      { reason: 'crossed_market', label: 'crossed market', count: 2, share: 0.25 },
      { reason: 'invalid_price', label: 'invalid price', count: 2, share: 0.25 },
    ]);
    expect(reasonBars([])).toEqual({ total: 0, bars: [] });
  });

  it('names reasons in words and dead letters by their Kafka coordinates', () => {
    expect(reasonLabel('invalid_trade_price')).toBe('invalid trade price');
    const letter = { topic: 'market_events', partition: 3, offset: 5_000_000_000 } as DeadLetter;
    expect(kafkaCoordinates(letter)).toBe('market_events/3@5000000000');
  });
});
