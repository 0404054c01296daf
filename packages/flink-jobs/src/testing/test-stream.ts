// A deterministic market stream for the correctness oracle: fixed seed and start time, several symbols
// with their own liquidity, out-of-order emission within the watermark bound, and crafted windows that
// guarantee each alert type, a window without trades and a window without events.
import type { MarketEvent } from '@spreadwatch/market-events';

export interface TestStreamOptions {
  seed: number;
  /** Epoch ms, on a minute boundary. */
  startTime: number;
  minutes: number;
  /** Events are emitted at most this far behind the newest event time (keep below the watermark delay). */
  maxDelayMs: number;
  /** Fraction of events emitted late. */
  lateFraction?: number;
}

interface SymbolProfile {
  symbol: string;
  price: number;
  spreadBps: number;
  quotesPerSecond: number;
  tradeProbability: number;
}

const PROFILES: readonly SymbolProfile[] = [
  { symbol: 'AAPL', price: 190, spreadBps: 2.5, quotesPerSecond: 2, tradeProbability: 0.3 },
  { symbol: 'MSFT', price: 410, spreadBps: 3.5, quotesPerSecond: 2, tradeProbability: 0.25 },
  { symbol: 'XOM', price: 110, spreadBps: 8, quotesPerSecond: 1.5, tradeProbability: 0.2 },
  { symbol: 'SMID', price: 35, spreadBps: 12, quotesPerSecond: 1, tradeProbability: 0.15 },
  { symbol: 'PENNY', price: 4, spreadBps: 30, quotesPerSecond: 0.5, tradeProbability: 0.1 },
];

/** The crafted windows (minute index from the start) the oracle test expects to see. */
export const CRAFTED = {
  /** Spreads x3.5 for the whole minute: above twice the symbol's recent mean. */
  liquidityCrisis: { symbol: 'XOM', minute: 7 },
  /** One quote at 8x the spread. */
  spreadAnomaly: { symbol: 'MSFT', minute: 3 },
  /** Alternating equal-sized buys and sells at a tight spread: order imbalance 0.5. */
  optimalWindow: { symbol: 'AAPL', minute: 2 },
  noTrades: { symbol: 'PENNY', minute: 4 },
  noEvents: { symbol: 'SMID', minute: 5 },
} as const;

/** sfc32: small, fast, seedable. */
function prng(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) + t;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

export function testStream(options: TestStreamOptions): MarketEvent[] {
  const random = prng(options.seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const end = options.startTime + options.minutes * 60_000;
  const minuteOf = (time: number): number => Math.floor((time - options.startTime) / 60_000);
  const is = (crafted: { symbol: string; minute: number }, symbol: string, time: number): boolean =>
    crafted.symbol === symbol && crafted.minute === minuteOf(time);

  const generated: MarketEvent[] = [];
  for (const profile of PROFILES) {
    let mid = profile.price;
    let stress = 0;
    let sequence = 0;
    let nextSide: 'BUY' | 'SELL' = 'BUY';
    let time = options.startTime + Math.floor(random() * 500);
    while (time < end) {
      const symbol = profile.symbol;
      const gap = Math.max(2, Math.round((-Math.log(1 - random()) * 1000) / profile.quotesPerSecond));
      mid *= Math.exp(0.0002 * normal());
      stress = 0.95 * stress + 0.1 * normal();
      let spreadBps = profile.spreadBps * Math.exp(0.15 * normal()) * (1 + Math.abs(stress) * 0.2);
      if (is(CRAFTED.liquidityCrisis, symbol, time)) spreadBps *= 3.5;
      if (is(CRAFTED.spreadAnomaly, symbol, time) && random() < 0.1) spreadBps *= 8;
      if (is(CRAFTED.optimalWindow, symbol, time)) spreadBps = profile.spreadBps * (1 + 0.05 * normal());
      const half = (mid * spreadBps) / 20_000;
      const quote: MarketEvent = {
        symbol,
        event_time: time,
        event_type: 'QUOTE',
        bid: mid - half,
        ask: mid + half,
        bid_size: 100 * (1 + Math.floor(random() * 20)),
        ask_size: 100 * (1 + Math.floor(random() * 20)),
        trade_price: null,
        trade_size: null,
        side: null,
        stress,
        sequence: 0,
      };
      if (!is(CRAFTED.noEvents, symbol, time)) {
        generated.push({ ...quote, sequence: sequence++ });
        const crafting = is(CRAFTED.optimalWindow, symbol, time);
        if (!is(CRAFTED.noTrades, symbol, time) && (crafting || random() < profile.tradeProbability)) {
          const side: 'BUY' | 'SELL' = crafting ? nextSide : random() < 0.5 ? 'BUY' : 'SELL';
          nextSide = side === 'BUY' ? 'SELL' : 'BUY';
          const atTouch = random() < 0.7;
          const price = atTouch ? (side === 'BUY' ? quote.ask : quote.bid) : mid + (random() - 0.5) * half;
          generated.push({
            ...quote,
            event_time: time + 1 + Math.floor(random() * (gap - 1)),
            event_type: 'TRADE',
            trade_price: price,
            trade_size: crafting ? 200 : 100 * (1 + Math.floor(random() * 10)),
            side,
            sequence: sequence++,
          });
        }
      }
      time += gap;
    }
  }
  return emissionOrder(
    generated.filter((event) => event.event_time < end),
    random,
    options,
  );
}

// Held-back events go out after the events up to `delay` ms younger than themselves, so no event follows
// one more than maxDelayMs younger: a watermark of (max time - delay) with delay > maxDelayMs never drops one.
function emissionOrder(
  events: MarketEvent[],
  random: () => number,
  options: TestStreamOptions,
): MarketEvent[] {
  const keyed = events
    .sort((a, b) => a.event_time - b.event_time)
    .map((event, index) => ({
      event,
      index,
      release:
        event.event_time +
        (random() < (options.lateFraction ?? 0.1) ? 1 + Math.floor(random() * options.maxDelayMs) : 0),
    }));
  return keyed.sort((a, b) => a.release - b.release || a.index - b.index).map((entry) => entry.event);
}
