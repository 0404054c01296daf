import { describe, expect, it } from 'vitest';
import { javaPartition, kafkaMurmur2 } from './kafka-partition.ts';

// The vectors of Kafka's own UtilsTest.testMurmur2.
const KAFKA_MURMUR2: readonly [Buffer, number][] = [
  [Buffer.from('21'), -973932308],
  [Buffer.from('foobar'), -790332482],
  [Buffer.from('a-little-bit-long-string'), -985981536],
  [Buffer.from('a-little-bit-longer-string'), -1486304829],
  [Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'), -58897971],
  [Buffer.from('abc'), 479470107],
];

describe('javaPartition', () => {
  it.each(KAFKA_MURMUR2)('hashes %s as Kafka does', (key, hash) => {
    expect(kafkaMurmur2(key)).toBe(hash);
  });

  it('clears the sign bit before the modulo, as Utils.toPositive does', () => {
    // -973932308 & 0x7fffffff = 1173551340; an unsigned reading (3321034988) gives another partition.
    expect(javaPartition(Buffer.from('21'), 12)).toBe(1173551340 % 12);
    expect(javaPartition(Buffer.from('21'), 12)).not.toBe(3321034988 % 12);
    expect(javaPartition(Buffer.from('abc'), 7)).toBe(479470107 % 7);
  });
});
