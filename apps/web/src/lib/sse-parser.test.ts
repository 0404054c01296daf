import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.ts';

describe('SSE parser', () => {
  it('parses named events with ids and keeps the last id', () => {
    const parser = new SseParser();
    const messages = parser.push('id: 1\nevent: alert\ndata: {"a":1}\n\nid: 2\nevent: bar\ndata: {}\n\n');
    expect(messages).toEqual([
      { event: 'alert', data: '{"a":1}', id: '1' },
      { event: 'bar', data: '{}', id: '2' },
    ]);
    expect(parser.lastEventId).toBe('2');
  });

  it('joins events split across chunks, including a CRLF split in the middle', () => {
    const parser = new SseParser();
    expect(parser.push('data: hel')).toEqual([]);
    expect(parser.push('lo\r')).toEqual([]);
    expect(parser.push('\ndata: world\r\n\r\n')).toEqual([
      { event: 'message', data: 'hello\nworld', id: undefined },
    ]);
  });

  it('ignores comments, reads retry, and skips events without data', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\nretry: 3000\nid: 7\n\n')).toEqual([]);
    expect(parser.retry).toBe(3000);
    expect(parser.lastEventId).toBe('7');
    expect(parser.push('data\n\n')).toEqual([{ event: 'message', data: '', id: '7' }]);
  });
});
