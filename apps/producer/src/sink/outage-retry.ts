// The producers' client retries a failed produce request itself, with the same sequence numbers (same
// producer id and epoch): the broker drops a retried batch it already wrote, so these retries never
// duplicate. A send that exhausts them gets new sequence numbers if sent again, so sending its events again
// is not safe: the client's retries are sized to outlast a broker outage, and a send that still fails is
// final. They are counted, not timed: this finds the count whose waits add up to the outage bound, so the
// client never gives up first (each attempt's own time comes on top of its wait); the sink keeps the bound
// itself.

const INITIAL_RETRY_MS = 300;
/** While the broker is down, it is tried again this often: it is back in use within this of coming back. */
const MAX_RETRY_MS = 5_000;

/** The wait before retry `attempt` (from 1): doubling from INITIAL_RETRY_MS, capped at MAX_RETRY_MS. */
export function retryDelayMs(attempt: number): number {
  return Math.min(INITIAL_RETRY_MS * 2 ** (attempt - 1), MAX_RETRY_MS);
}

/** How many retries it takes for their waits to add up to outageMs. */
export function retriesCovering(outageMs: number): number {
  let retries = 0;
  for (let covered = 0; covered < outageMs; covered += retryDelayMs(retries)) retries += 1;
  return retries;
}
