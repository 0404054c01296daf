// Late and out-of-order emission with a bounded delay, for testing watermarks. A chosen fraction of
// events is held back by 1..maxDelayMs of event time: a held event is emitted after every event whose
// time is at most its own time plus its delay, and before any later one. So no event is emitted after an
// event more than maxDelayMs younger than itself, and a watermark of (max event time − maxDelayMs) never
// marks one late. Event fields are untouched: only the emission order changes.
import type { Prng } from './prng.ts';

export interface LateEventOptions {
  /** Fraction of events held back, in [0, 1]. */
  readonly fraction: number;
  readonly maxDelayMs: number;
}

interface Held<T> {
  readonly release: number;
  readonly order: number;
  readonly event: T;
}

function earlier<T>(a: Held<T>, b: Held<T>): boolean {
  return a.release < b.release || (a.release === b.release && a.order < b.order);
}

/** Min-heap of held events by release time, then by order of holding. */
class HeldQueue<T> {
  private readonly items: Held<T>[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Held<T> | undefined {
    return this.items[0];
  }

  push(item: Held<T>): void {
    const items = this.items;
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(item, items[parent] as Held<T>)) break;
      items[i] = items[parent] as Held<T>;
      i = parent;
    }
    items[i] = item;
  }

  pop(): Held<T> | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && earlier(items[child + 1] as Held<T>, items[child] as Held<T>)) child++;
      if (!earlier(items[child] as Held<T>, last)) break;
      items[i] = items[child] as Held<T>;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

export function* withLateEvents<T extends { readonly event_time: number }>(
  events: Iterable<T>,
  options: LateEventOptions,
  prng: Prng,
): Generator<T> {
  if (options.fraction <= 0 || options.maxDelayMs <= 0) {
    yield* events;
    return;
  }
  const held = new HeldQueue<T>();
  let order = 0;
  for (const event of events) {
    for (let next = held.peek(); next !== undefined && next.release < event.event_time; next = held.peek()) {
      yield (held.pop() as Held<T>).event;
    }
    if (prng.uniform() < options.fraction) {
      const delay = 1 + Math.floor(prng.uniform() * options.maxDelayMs);
      held.push({ release: event.event_time + delay, order: order++, event });
    } else {
      yield event;
    }
  }
  while (held.size > 0) yield (held.pop() as Held<T>).event;
}
