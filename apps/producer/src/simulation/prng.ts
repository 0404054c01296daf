// Seeded pseudo-random numbers: sfc32 (Chris Doty-Humphrey's small fast chaotic generator, 128-bit state,
// passes PractRand), uniform doubles in the open interval (0, 1) and normals by Marsaglia's polar method.
// Every random draw of the simulator comes from here, so a seed fixes the event stream.

const TWO_POW_32 = 4_294_967_296;

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = 0;
  private hasSpareNormal = false;

  /**
   * @param seed non-negative safe integer
   * @param stream independent streams of one seed (the simulator uses one per concern, so that e.g. late
   *   event delays do not shift the market's own draws)
   */
  constructor(seed: number, stream = 0) {
    this.a = Math.imul(stream + 1, 0x9e3779b9) >>> 0;
    this.b = seed >>> 0;
    this.c = Math.floor(seed / TWO_POW_32) >>> 0;
    this.d = 1;
    // The reference seeding: mix the state with a dozen or so rounds before use.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in (0, 1), never 0 or 1, so its logarithm is finite. */
  uniform(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Standard normal. */
  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    this.hasSpareNormal = true;
    return u * factor;
  }

  /** Exponential waiting time of a Poisson process with the given rate. */
  exponential(rate: number): number {
    return -Math.log(this.uniform()) / rate;
  }
}
