import { describe, expect, it } from 'vitest';
import { base64, printableText } from './bytes.ts';

describe('raw bytes', () => {
  it('are base64 and null stays null', () => {
    expect(base64(Buffer.from([0, 1, 2, 0xfe, 0xff]))).toBe('AAEC/v8=');
    expect(base64(null)).toBeNull();
  });

  it('read as text only when printable UTF-8', () => {
    expect(printableText(Buffer.from('AAPL'))).toBe('AAPL');
    expect(printableText(Buffer.from('Zürich 株'))).toBe('Zürich 株');
    expect(printableText(Buffer.alloc(0))).toBe('');
    expect(printableText(null)).toBeNull();
    // The Confluent wire format starts with a zero magic byte.
    expect(printableText(Buffer.from([0, 0, 0, 0, 1, 2]))).toBeNull();
    expect(printableText(Buffer.from([0xc3, 0x28]))).toBeNull();
    expect(printableText(Buffer.from('tab\there'))).toBeNull();
  });
});
