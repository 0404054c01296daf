// The partition Kafka's Java clients choose for a keyed record (the default partitioner: murmur2 of the
// key bytes, made positive, modulo the partition count), so a symbol lands where a Java producer puts it.
// @platformatic/kafka's own default partitioner takes `murmur2 >>> 0` instead, which disagrees whenever
// the hash is negative: the sink always names the partition itself.
import { murmur2 } from '@platformatic/kafka';

/** Kafka's Utils.murmur2, as a signed 32-bit integer. */
export function kafkaMurmur2(key: Buffer): number {
  return murmur2(key) | 0;
}

export function javaPartition(key: Buffer, partitions: number): number {
  return (kafkaMurmur2(key) & 0x7fffffff) % partitions;
}
