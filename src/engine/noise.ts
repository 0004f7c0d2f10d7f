/**
 * Seeded gradient noise: g + σ·ξ with ξ standard normal.
 *
 * The generator is specified exactly so that scripts/make_torch_fixtures.py can reproduce it
 * bit for bit in Python, and so a scenario gives the same noise on every machine:
 *   - u32 stream: mulberry32 seeded with `seed >>> 0`;
 *   - uniform in the open interval (0, 1): (u32 + 0.5) / 2^32;
 *   - normals by Box–Muller in pairs: r = √(−2 ln u1), θ = 2π u2, z0 = r cos θ, z1 = r sin θ
 *     (z0 is returned first, then z1 from the same pair).
 * Every run of a scenario starts a fresh generator from the same seed, so runs racing side by
 * side see the same noise sequence (common random numbers): differences between them are the
 * optimizers', not the dice's.
 */
export class NormalStream {
  private state: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next u32 from mulberry32. */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in (0, 1), never 0 so the logarithm below is finite. */
  nextUniform(): number {
    return (this.nextU32() + 0.5) / 4294967296;
  }

  nextNormal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u1 = this.nextUniform();
    const u2 = this.nextUniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }
}
