import { describe, expect, it } from 'vitest';
import { throughput } from './throughput.ts';

describe('job throughput', () => {
  it('divides the record delta by the time between samples', () => {
    const previous = new Map([['a', { id: 'a', recordsIn: 1000, at: 0 }]]);
    expect(throughput(previous, [{ id: 'a', recordsIn: 6000, at: 5000 }]).get('a')).toBe(1000);
  });

  it('has no rate for new jobs, unknown counts, restarts or repeated samples', () => {
    const previous = new Map([
      ['a', { id: 'a', recordsIn: 1000, at: 0 }],
      ['b', { id: 'b', recordsIn: null, at: 0 }],
      ['c', { id: 'c', recordsIn: 500, at: 1000 }],
    ]);
    const rates = throughput(previous, [
      { id: 'a', recordsIn: 10, at: 1000 },
      { id: 'b', recordsIn: 5, at: 1000 },
      { id: 'c', recordsIn: 600, at: 1000 },
      { id: 'd', recordsIn: 5, at: 1000 },
    ]);
    expect([...rates.keys()]).toEqual([]);
  });
});
