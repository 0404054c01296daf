// Paced runs: when each event is due on the wall clock. Events are paced by their event time, not by their
// count: the simulated arrival rate only averages --event-rate (trades slow as spreads widen), so pacing by
// count let event time drift from the wall clock by a few percent (about 2 s a minute at the demo rate).
//
// Event time startTime is due at the wall-clock origin, and event time advances `speed` times as fast as
// the wall clock. Live, event time is the wall clock: the origin is startTime (the time the run starts)
// and each event is stamped with its due time. A producer that falls more than maxLagMs behind the
// schedule moves the origin forward by its lag rather than bursting to catch up: live, the stamps stay
// within maxLagMs of the wall clock and the event rate drops to what the producer sustains.
import type { MarketEvent } from '@spreadwatch/market-events';

export interface PacingOptions {
  /** Event-time milliseconds per wall-clock millisecond (--rate over --event-rate). */
  readonly speed: number;
  /** The simulation's event-time origin, epoch milliseconds. */
  readonly startTime: number;
  /** Event time is the wall clock: startTime is the run's start, and events are stamped when they are due. */
  readonly live: boolean;
  /** How late an event may be taken before the schedule slips by its lag. */
  readonly maxLagMs: number;
}

export class Pacer {
  private origin: number;
  /** The newest event time taken: deliberately late events (older than it) never slip the schedule. */
  private frontier = -Infinity;
  private slipped = 0;

  /** @param now wall-clock epoch milliseconds when the run starts */
  constructor(
    private readonly options: PacingOptions,
    now: number,
  ) {
    if (options.live && options.speed !== 1)
      throw new RangeError(`live pacing runs at speed 1, got ${options.speed}`);
    this.origin = options.live ? options.startTime : now;
  }

  /** Wall-clock time at which an event of this event time is due. */
  due(eventTime: number): number {
    return this.origin + (eventTime - this.options.startTime) / this.options.speed;
  }

  /** Total slip of the schedule so far, wall-clock milliseconds. */
  get slippedMs(): number {
    return this.slipped;
  }

  /** Takes a due event at wall-clock time now: slips the schedule if it is too late, and stamps it live. */
  take(event: MarketEvent, now: number): MarketEvent {
    if (event.event_time >= this.frontier) {
      this.frontier = event.event_time;
      const lag = now - this.due(event.event_time);
      if (lag > this.options.maxLagMs) {
        this.origin += lag;
        this.slipped += lag;
      }
    }
    if (!this.options.live) return event;
    // Speed is 1 live, so the due time is the event time shifted by the slips, a whole millisecond.
    return { ...event, event_time: this.due(event.event_time) };
  }
}
