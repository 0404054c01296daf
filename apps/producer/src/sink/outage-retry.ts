// kafkajs retries a failed produce request itself, and the same request, within one producer id and epoch,
// keeps its sequence numbers: the broker drops a retried batch it already wrote, so these retries never
// duplicate. A send that exhausts its retries gives its sequence numbers back, and sending those events
// again through a new send() is not safe (with several brokers, partitions that did succeed get new
// numbers, i.e. duplicates). So kafkajs's own retries are sized to outlast a broker outage, and a send that
// still fails is final. Its retries are counted, not timed: this finds the count whose shortest possible
// waits add up to the outage bound, so kafkajs never gives up first; its loops nest (a reconnect inside a
// request's retry), so it may go on a few times longer, and the sink keeps the bound itself.
import type { RetryOptions } from 'kafkajs';

const INITIAL_RETRY_MS = 300;
/** While the broker is down, it is tried again this often: it is back in use within this of coming back. */
const MAX_RETRY_MS = 5_000;
/** kafkajs's defaults, spelled out because the count below depends on them. */
const FACTOR = 0.2;
const MULTIPLIER = 2;

/**
 * kafkajs waits `retryTime` randomised by ±FACTOR before the first retry, and each next wait is the
 * previous one randomised and times MULTIPLIER, capped at maxRetryTime: the shortest waits are
 * 0.8·initial, then ×1.6 each, up to the cap.
 */
export function retryCovering(
  outageMs: number,
): Required<Pick<RetryOptions, 'initialRetryTime' | 'maxRetryTime' | 'factor' | 'multiplier' | 'retries'>> {
  let retries = 0;
  let covered = 0;
  let wait = INITIAL_RETRY_MS * (1 - FACTOR);
  while (covered < outageMs) {
    covered += wait;
    retries += 1;
    wait = Math.min(wait * (1 - FACTOR) * MULTIPLIER, MAX_RETRY_MS);
  }
  return {
    initialRetryTime: INITIAL_RETRY_MS,
    maxRetryTime: MAX_RETRY_MS,
    factor: FACTOR,
    multiplier: MULTIPLIER,
    retries,
  };
}
