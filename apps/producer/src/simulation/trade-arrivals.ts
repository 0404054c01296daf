// Trade arrivals: a self-exciting (Hawkes) process with exponential kernel. Intensity
// λ(t) = b + E(t), where each trade adds `jump` to the excitation E and E decays at rate `decay`;
// the branching ratio jump/decay < 1 keeps it stationary at mean rate b/(1 − jump/decay). The baseline b
// falls as the spread widens: liquidity takers trade less when crossing the spread costs more.

export interface HawkesParams {
  readonly jump: number;
  readonly decay: number;
}

/** Baseline intensity for a quoted spread: the calm rate at the reference spread, inversely proportional. */
export function tradeBaseline(calmRate: number, referenceSpreadBps: number, spreadBps: number): number {
  return (calmRate * referenceSpreadBps) / spreadBps;
}

export function decayExcitation(excitation: number, decay: number, dt: number): number {
  return excitation * Math.exp(-decay * dt);
}

/**
 * Exact waiting time to the next arrival with intensity b + E·e^(−decay·s) (Dassios and Zhao 2013): the
 * minimum of the baseline's exponential time and the decaying part's time, which is infinite with
 * probability e^(−E/decay). u1 and u2 are independent uniforms in (0, 1).
 */
export function nextArrivalDelay(baseline: number, excitation: number, decay: number, u1: number, u2: number): number {
  const fromBaseline = -Math.log(u1) / baseline;
  if (excitation <= 0) return fromBaseline;
  const d = 1 + (decay * Math.log(u2)) / excitation;
  const fromExcitation = d > 0 ? -Math.log(d) / decay : Infinity;
  return Math.min(fromBaseline, fromExcitation);
}
