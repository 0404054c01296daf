import { describe, expect, it } from 'vitest';
import { emptyRates, updateRates } from './throughput.ts';

const sample = (recordsIn: number | null, at: number) => ({ id: 'a', recordsIn, at });

describe('job throughput', () => {
  it('has no rate from a single sample', () => {
    expect(updateRates(emptyRates(), [sample(100, 0)]).rates.size).toBe(0);
  });

  it('spans the rate from the last change of the count, keeping it while the count is unchanged', () => {
    let state = updateRates(emptyRates(), [sample(1000, 0)]);
    state = updateRates(state, [sample(1000, 5_000)]);
    expect(state.rates.has('a')).toBe(false);
    state = updateRates(state, [sample(11_000, 10_000)]);
    expect(state.rates.get('a')).toBe(1000);
    state = updateRates(state, [sample(11_000, 15_000)]);
    expect(state.rates.get('a')).toBe(1000);
    state = updateRates(state, [sample(16_000, 20_000)]);
    expect(state.rates.get('a')).toBe(500);
  });

  it('reports 0/s once the count has not moved for longer than idleMs', () => {
    let state = updateRates(emptyRates(), [sample(1000, 0)]);
    state = updateRates(state, [sample(2000, 1_000)]);
    state = updateRates(state, [sample(2000, 40_000)], 30_000);
    expect(state.rates.get('a')).toBe(0);
  });

  it('starts over after a restart (count went down) and forgets jobs that are gone', () => {
    let state = updateRates(emptyRates(), [sample(1000, 0), { id: 'b', recordsIn: 5, at: 0 }]);
    state = updateRates(state, [sample(10, 1_000)]);
    expect(state.rates.size).toBe(0);
    expect([...state.changed.keys()]).toEqual(['a']);
  });
});
