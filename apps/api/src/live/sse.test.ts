import { describe, expect, it } from 'vitest';
import { formatEvent } from './sse.ts';

describe('formatEvent', () => {
  it('writes event, id and one-line JSON data, ended by a blank line', () => {
    expect(formatEvent({ event: 'alert', id: '17', data: { a: 'x\ny' } })).toBe(
      'event: alert\nid: 17\ndata: {"a":"x\\ny"}\n\n',
    );
  });

  it('writes a bare id as a cursor-only message', () => {
    expect(formatEvent({ id: '42' })).toBe('id: 42\n\n');
  });
});
