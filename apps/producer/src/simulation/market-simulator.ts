// The market simulator: symbols whose quotes and trades arrive in continuous time, merged into one
// stream in event-time order (a time queue over the symbols' next events), then optionally made late.
//
// Per symbol: the latent mid follows GBM with volatility raised by market stress; quotes arrive as a
// Poisson process and show the mid at that moment, with a spread from the symbol's liquidity tier times
// stress and shock widening; trades arrive as a Hawkes process whose baseline falls as the spread widens,
// and execute against the prevailing quote. Market stress is one OU process; each symbol sees it times its
// sensitivity. Simulated time is in seconds from the start; event_time is its floor in milliseconds.
import type { MarketEvent } from '@spreadwatch/market-events';
import { gbmStep } from './gbm.ts';
import { withLateEvents } from './late-events.ts';
import { calmSpreadBps, displayedSize, quotedSpreadBps, volatilityMultiplier } from './liquidity-tiers.ts';
import { ouStep, standardOu, type OuParams } from './ornstein-uhlenbeck.ts';
import { Prng } from './prng.ts';
import { DEFAULT_SHOCKS, decayedAmplitude, drawAmplitude, sellProbability, shockProbability, type ShockParams } from './shocks.ts';
import { createUniverse, type SymbolSpec } from './symbol-universe.ts';
import { TimeQueue } from './time-queue.ts';
import { decayExcitation, nextArrivalDelay, tradeBaseline } from './trade-arrivals.ts';

export interface MarketModel {
  /** The market stress factor: mean-reverting over about two minutes, stationary sd 1. */
  readonly stress: OuParams;
  /** Scales every symbol's stress sensitivity; 0 switches stress off. */
  readonly stressSensitivityScale: number;
  /** Liquidity shocks, or null for none. */
  readonly shocks: ShockParams | null;
  /** Mean-reversion speed of each symbol's calm spread inside its tier bounds, per second. */
  readonly calmSpreadReversion: number;
  /** Branching ratio of the trade Hawkes process (share of trades triggered by earlier trades). */
  readonly tradeBranchingRatio: number;
  /** Decay rate of trade excitation, per second at natural intensity. */
  readonly tradeExcitationDecay: number;
  /** Probability that a trade executes inside the spread rather than at the quote. */
  readonly insideTradeProbability: number;
}

export const DEFAULT_MODEL: MarketModel = {
  stress: standardOu(1 / 120),
  stressSensitivityScale: 1,
  shocks: DEFAULT_SHOCKS,
  calmSpreadReversion: 1 / 30,
  tradeBranchingRatio: 0.5,
  tradeExcitationDecay: 2,
  insideTradeProbability: 0.3,
};

export interface SimulatorOptions {
  readonly seed: number;
  /** Event-time origin, epoch milliseconds. */
  readonly startTime: number;
  readonly symbols: number;
  /**
   * Expected events per simulated second over all symbols; every arrival rate is scaled to it (so a
   * producer paced at this rate keeps event time in step with the wall clock). Undefined: the tiers'
   * natural rates, about 11 events/s per symbol.
   */
  readonly eventRate?: number;
  /** Stop after this many events. */
  readonly count?: number;
  /** Stop before the first event at or after startTime + durationMs. */
  readonly durationMs?: number;
  readonly lateFraction?: number;
  readonly maxDelayMs?: number;
  readonly model?: Partial<MarketModel>;
}

/** Independent PRNG streams of one seed. */
const STREAM_UNIVERSE = 1;
const STREAM_MARKET = 2;
const STREAM_LATENESS = 3;

export function naturalEventRate(universe: readonly SymbolSpec[]): number {
  let rate = 0;
  for (const spec of universe) rate += spec.tier.quotesPerSecond + spec.tier.tradesPerSecond;
  return rate;
}

/** The event stream, in emission order. */
export function simulateMarket(options: SimulatorOptions): Iterable<MarketEvent> {
  return withLateEvents(
    new MarketSimulator(options),
    { fraction: options.lateFraction ?? 0, maxDelayMs: options.maxDelayMs ?? 0 },
    new Prng(options.seed, STREAM_LATENESS),
  );
}

/** The in-order stream: event time non-decreasing overall and per symbol. */
export class MarketSimulator implements Iterable<MarketEvent> {
  readonly universe: readonly SymbolSpec[];
  private readonly model: MarketModel;
  private readonly prng: Prng;
  private readonly queue: TimeQueue;
  private readonly startTime: number;
  private readonly endSeconds: number;
  private remaining: number;
  private readonly rateScale: number;
  private readonly calmSpreadOu: OuParams;
  private readonly excitationJump: number;
  private readonly excitationDecay: number;

  private now = 0;
  private stress = 0;

  // Per-symbol state, struct of arrays.
  private readonly mid: Float64Array;
  private readonly calmPosition: Float64Array;
  private readonly lastQuoteTime: Float64Array;
  private readonly bid: Float64Array;
  private readonly ask: Float64Array;
  private readonly bidSize: Float64Array;
  private readonly askSize: Float64Array;
  private readonly shockAmplitude: Float64Array;
  private readonly shockTime: Float64Array;
  private readonly shockMultiplier: Float64Array;
  private readonly tradeBase: Float64Array;
  private readonly excitation: Float64Array;
  private readonly excitationTime: Float64Array;
  private readonly nextQuote: Float64Array;
  private readonly nextTrade: Float64Array;
  private readonly sequence: Float64Array;
  private readonly sensitivity: Float64Array;
  private readonly quoteStress: Float64Array;

  constructor(options: SimulatorOptions) {
    this.model = { ...DEFAULT_MODEL, ...options.model };
    this.universe = createUniverse(options.symbols, new Prng(options.seed, STREAM_UNIVERSE));
    this.prng = new Prng(options.seed, STREAM_MARKET);
    this.startTime = options.startTime;
    this.endSeconds = options.durationMs === undefined ? Infinity : options.durationMs / 1000;
    this.remaining = options.count ?? Infinity;
    this.rateScale = options.eventRate === undefined ? 1 : options.eventRate / naturalEventRate(this.universe);
    this.calmSpreadOu = standardOu(this.model.calmSpreadReversion);
    // Trade clustering is time-rescaled with the arrival rates so its shape does not depend on them.
    this.excitationDecay = this.model.tradeExcitationDecay * this.rateScale;
    this.excitationJump = this.model.tradeBranchingRatio * this.excitationDecay;

    const n = options.symbols;
    this.queue = new TimeQueue(n);
    this.mid = new Float64Array(n);
    this.calmPosition = new Float64Array(n);
    this.lastQuoteTime = new Float64Array(n);
    this.bid = new Float64Array(n);
    this.ask = new Float64Array(n);
    this.bidSize = new Float64Array(n);
    this.askSize = new Float64Array(n);
    this.shockAmplitude = new Float64Array(n);
    this.shockTime = new Float64Array(n);
    this.shockMultiplier = new Float64Array(n).fill(1);
    this.tradeBase = new Float64Array(n);
    this.excitation = new Float64Array(n);
    this.excitationTime = new Float64Array(n);
    this.nextQuote = new Float64Array(n);
    this.nextTrade = new Float64Array(n).fill(Infinity);
    this.sequence = new Float64Array(n);
    this.sensitivity = new Float64Array(n);
    this.quoteStress = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const spec = this.universe[i] as SymbolSpec;
      this.mid[i] = spec.initialPrice;
      this.calmPosition[i] = this.prng.normal();
      this.sensitivity[i] = spec.stressSensitivity * this.model.stressSensitivityScale;
      // The first event of a symbol is a quote: trades need a prevailing quote.
      const first = this.prng.exponential(spec.tier.quotesPerSecond * this.rateScale);
      this.nextQuote[i] = first;
      this.lastQuoteTime[i] = first;
      this.queue.push(i, first);
    }
  }

  *[Symbol.iterator](): Iterator<MarketEvent> {
    for (let event = this.next(); event !== undefined; event = this.next()) yield event;
  }

  /** The next event, or undefined once count or duration is reached. */
  next(): MarketEvent | undefined {
    if (this.remaining <= 0 || this.queue.size === 0) return undefined;
    const i = this.queue.topId;
    const t = this.queue.topTime;
    if (t >= this.endSeconds) return undefined;
    this.remaining--;
    this.stress = ouStep(this.stress, this.model.stress, t - this.now, this.prng.normal());
    this.now = t;
    const event = t === this.nextQuote[i] ? this.quote(i, t) : this.trade(i, t);
    this.scheduleTrade(i, t);
    const nextQuote = this.nextQuote[i] as number;
    const nextTrade = this.nextTrade[i] as number;
    this.queue.rescheduleTop(nextQuote <= nextTrade ? nextQuote : nextTrade);
    return event;
  }

  private quote(i: number, t: number): MarketEvent {
    const spec = this.universe[i] as SymbolSpec;
    const prng = this.prng;
    const stress = this.stress * (this.sensitivity[i] as number);
    const dt = t - (this.lastQuoteTime[i] as number);
    this.lastQuoteTime[i] = t;
    // Volatility is held at its level at the start of the step: the GBM step is exact given a constant σ.
    const sigma = spec.volatility * volatilityMultiplier(this.quoteStress[i] as number);
    const mid = gbmStep(this.mid[i] as number, spec.drift, sigma, dt, prng.normal());
    this.mid[i] = mid;
    const position = ouStep(this.calmPosition[i] as number, this.calmSpreadOu, dt, prng.normal());
    this.calmPosition[i] = position;
    const shock = this.shockAt(i, t, stress, dt);
    const calm = calmSpreadBps(spec.tier, 1 / (1 + Math.exp(-position)));
    const spreadBps = quotedSpreadBps(calm, stress, shock);
    const half = (mid * spreadBps) / 20_000;
    const bid = mid - half;
    const ask = mid + half;
    const bidSize = displayedSize(spec.tier, stress, shock, prng.normal());
    const askSize = displayedSize(spec.tier, stress, shock, prng.normal());
    this.bid[i] = bid;
    this.ask[i] = ask;
    this.bidSize[i] = bidSize;
    this.askSize[i] = askSize;
    this.quoteStress[i] = stress;
    const referenceBps = (spec.tier.minSpreadBps + spec.tier.maxSpreadBps) / 2;
    this.tradeBase[i] = tradeBaseline(spec.tier.tradesPerSecond * this.rateScale * (1 - this.model.tradeBranchingRatio), referenceBps, spreadBps);
    this.nextQuote[i] = t + prng.exponential(spec.tier.quotesPerSecond * this.rateScale);
    return this.event(i, t, 'QUOTE', null, null, null, stress);
  }

  private trade(i: number, t: number): MarketEvent {
    const spec = this.universe[i] as SymbolSpec;
    const prng = this.prng;
    const bid = this.bid[i] as number;
    const ask = this.ask[i] as number;
    const sell = prng.uniform() < sellProbability(this.shockMultiplier[i] as number);
    let price = sell ? bid : ask;
    if (prng.uniform() < this.model.insideTradeProbability) {
      const mid = this.mid[i] as number;
      const inside = sell ? mid - (mid - bid) * prng.uniform() : mid + (ask - mid) * prng.uniform();
      // Clamped because rounding could put a price one ulp outside the quote.
      price = Math.min(ask, Math.max(bid, inside));
    }
    const displayedLots = (sell ? (this.bidSize[i] as number) : (this.askSize[i] as number)) / 100;
    const lots = Math.min(displayedLots, 1 + Math.floor(prng.exponential(4 / spec.tier.depthLots)));
    const excitation = decayExcitation(this.excitation[i] as number, this.excitationDecay, t - (this.excitationTime[i] as number));
    this.excitation[i] = excitation + this.excitationJump;
    this.excitationTime[i] = t;
    return this.event(i, t, 'TRADE', price, lots * 100, sell ? 'SELL' : 'BUY', this.stress * (this.sensitivity[i] as number));
  }

  /** Samples the next trade from the current state (valid because the intensity process is Markov). */
  private scheduleTrade(i: number, t: number): void {
    const baseline = this.tradeBase[i] as number;
    const excitation = decayExcitation(this.excitation[i] as number, this.excitationDecay, t - (this.excitationTime[i] as number));
    this.excitation[i] = excitation;
    this.excitationTime[i] = t;
    this.nextTrade[i] = t + nextArrivalDelay(baseline, excitation, this.excitationDecay, this.prng.uniform(), this.prng.uniform());
  }

  /** Spread multiplier of the symbol's liquidity shocks at time t, starting a new one with its probability. */
  private shockAt(i: number, t: number, stress: number, dt: number): number {
    const p = this.model.shocks;
    if (p === null) return 1;
    let amplitude = decayedAmplitude(p, this.shockAmplitude[i] as number, t - (this.shockTime[i] as number));
    if (this.prng.uniform() < shockProbability(p, stress, dt)) amplitude += drawAmplitude(p, this.prng.uniform());
    this.shockAmplitude[i] = amplitude;
    this.shockTime[i] = t;
    const multiplier = 1 + amplitude;
    this.shockMultiplier[i] = multiplier;
    return multiplier;
  }

  private event(
    i: number,
    t: number,
    eventType: 'QUOTE' | 'TRADE',
    tradePrice: number | null,
    tradeSize: number | null,
    side: 'BUY' | 'SELL' | null,
    stress: number,
  ): MarketEvent {
    const sequence = this.sequence[i] as number;
    this.sequence[i] = sequence + 1;
    // Keys in schema order, so NDJSON lists fields as the .avsc does.
    return {
      symbol: (this.universe[i] as SymbolSpec).symbol,
      event_time: this.startTime + Math.floor(t * 1000),
      event_type: eventType,
      bid: this.bid[i] as number,
      ask: this.ask[i] as number,
      bid_size: this.bidSize[i] as number,
      ask_size: this.askSize[i] as number,
      trade_price: tradePrice,
      trade_size: tradeSize,
      side,
      stress,
      sequence,
    };
  }
}
