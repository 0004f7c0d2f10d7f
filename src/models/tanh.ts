/**
 * tanh over an array in place, in float64, within 3 ulp of Math.tanh (tests/models/tanh.test.ts).
 *
 * Why not Math.tanh: V8 calls out to its C library for it, about 37 ns an element here, and a
 * network's forward pass is 30,000 of them (500 examples × 60 units), most of a landscape
 * plane's time. Written inline over an array it is about 17 ns. torch's own CPU tanh (SLEEF,
 * 1 ulp) is no closer to Math.tanh than this is.
 *
 *   |z| < 0.625:  z + z·z²·P(z²)/Q(z²), Cephes's rational (tanh.c);
 *   otherwise:    1 − 2/(1 + e^{2|z|}), with sign; e^y = 2^{k/32}·e^r, y = k·ln2/32 + r,
 *                 |r| ≤ ln2/64, e^r by its degree-6 Taylor polynomial (error < 4e-18);
 *   |z| ≥ 22:     ±1 (tanh is 1 to the last bit there).
 */
export function tanhInPlace(v: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const z = v[i];
    const a = Math.abs(z);
    let t: number;
    if (a < 0.625) {
      const s = z * z;
      t = z === 0 ? z : z + (z * s * (P0 + s * (P1 + s * P2))) / (Q0 + s * (Q1 + s * (Q2 + s)));
    } else if (!(a < 22)) t = a > 0 ? (z > 0 ? 1 : -1) : z;
    else {
      const y = 2 * a;
      const k = (y * K_PER_Y + 0.5) | 0;
      // Cody–Waite: k·LN_HI is exact (LN_HI has 32 significant bits), so r keeps its bits.
      const r = y - k * LN_HI - k * LN_LO;
      const r2 = r * r;
      const er = 1 + r + r2 * (0.5 + r / 6 + r2 * (1 / 24 + r / 120 + r2 / 720));
      const e = FRACTIONAL_POW2[k & 31] * POW2[k >> 5] * er;
      t = 1 - 2 / (1 + e);
      if (z < 0) t = -t;
    }
    v[i] = t;
  }
}

// Cephes's coefficients (tanh.c), as the doubles they round to.
const P0 = -1614.6876844170845;
const P1 = -99.28772310019185;
const P2 = -0.9643991794250523;
const Q0 = 4844.063053251255;
const Q1 = 2235.4883906010045;
const Q2 = 112.81167849163293;
const K_PER_Y = 32 / Math.LN2;
/** ln2/32 = LN_HI + LN_LO, LN_HI rounded to 32 significant bits. */
const LN_HI = 0.02166084938653512;
const LN_LO = 5.9631716539705866e-12;
/** 2^{j/32} for j < 32, and 2^m for the m = k >> 5 that |z| < 22 reaches. */
const FRACTIONAL_POW2 = Float64Array.from({ length: 32 }, (_, j) => 2 ** (j / 32));
const POW2 = Float64Array.from({ length: 64 }, (_, m) => 2 ** m);
