/**
 * Correctly rounded powers x^(t·y) for a step counter t = 1, 2, 3, …, as torch's optimizers
 * compute them in Python floats (`beta2 ** step`, NAdam's `0.96 ** (step * momentum_decay)`).
 * Optimizers use it through PowerSequence (powerSequence.ts), which memoizes whole sequences.
 *
 * Why not Math.pow: V8's pow is off by an ulp for about one power in ten (0.9 ** 4 gives
 * 0.6561000000000001), while C's pow, which Python calls, is correctly rounded in all but a few
 * hard cases. An ulp in a bias correction is enough to make a chaotic run (Rosenbrock at a large
 * lr) drift visibly from torch after a few hundred steps.
 *
 * How: the power is carried in double-double (about 106 bits) and updated by one
 * double-double multiplication per step, then rounded once. When x or y changes between steps
 * (OneCycleLR cycling β1) or t jumps, it is recomputed by binary exponentiation.
 */
const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const FLUSH = 1e-290;

// Results of the double-double helpers below (module-level registers: no allocation).
let rh = 0;
let rl = 0;

/** The rounding error of p = fl(a·b): a·b = p + twoProdErr(a, b, p) exactly (Dekker). */
function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (rh, rl) ← (ah, al)·(bh, bl). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  const e = twoProdErr(ah, bh, p) + (ah * bl + al * bh);
  rh = p + e;
  rl = e - (rh - p);
}

/** (rh, rl) ← (ah, al) + (bh, bl). */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const v = s - ah;
  const e = ah - (s - v) + (bh - v) + al + bl;
  rh = s + e;
  rl = e - (rh - s);
}

/** (rh, rl) ← (ah, al) / b. */
function ddDiv(ah: number, al: number, b: number): void {
  const q1 = ah / b;
  const p = q1 * b;
  const rem = ah - p - twoProdErr(q1, b, p) + al;
  const q2 = rem / b;
  rh = q1 + q2;
  rl = q2 - (rh - q1);
}

const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const TAYLOR_TERMS = 10;
const HALVINGS = 10;
// 1/k! for k = 1..TAYLOR_TERMS in double-double.
const INV_FACT_HI = new Float64Array(TAYLOR_TERMS + 1);
const INV_FACT_LO = new Float64Array(TAYLOR_TERMS + 1);
{
  let h = 1;
  let l = 0;
  for (let k = 1; k <= TAYLOR_TERMS; k++) {
    ddDiv(h, l, k);
    h = INV_FACT_HI[k] = rh;
    l = INV_FACT_LO[k] = rl;
  }
}

/** (rh, rl) ← exp(zh + zl) to about 100 bits (for |z| below ~700). */
function ddExp(zh: number, zl: number): void {
  const n = Math.round(zh / LN2_HI);
  ddMul(n, 0, LN2_HI, LN2_LO);
  ddAdd(zh, zl, -rh, -rl);
  // expm1 of r/2^HALVINGS by its Taylor series (Horner), then doubled back up with
  // expm1(2a) = expm1(a)·(2 + expm1(a)), which keeps full relative precision near 0.
  const scale = 2 ** -HALVINGS;
  const xh = rh * scale;
  const xl = rl * scale;
  let sh = INV_FACT_HI[TAYLOR_TERMS];
  let sl = INV_FACT_LO[TAYLOR_TERMS];
  for (let k = TAYLOR_TERMS - 1; k >= 1; k--) {
    ddMul(sh, sl, xh, xl);
    ddAdd(rh, rl, INV_FACT_HI[k], INV_FACT_LO[k]);
    sh = rh;
    sl = rl;
  }
  ddMul(sh, sl, xh, xl);
  sh = rh;
  sl = rl;
  for (let i = 0; i < HALVINGS; i++) {
    ddAdd(sh, sl, 2, 0);
    ddMul(sh, sl, rh, rl);
    sh = rh;
    sl = rl;
  }
  ddAdd(sh, sl, 1, 0);
  const two = 2 ** n;
  rh *= two;
  rl *= two;
}

/** (rh, rl) ← ln x to about 100 bits, x > 0: one Newton step l + x·e^(−l) − 1 from Math.log. */
function ddLog(x: number): void {
  const l0 = Math.log(x);
  ddExp(-l0, 0);
  ddMul(rh, rl, x, 0);
  ddAdd(rh, rl, -1, 0);
  ddAdd(l0, 0, rh, rl);
}

/** x^(t·y) rounded once, for consecutive step counts t (see the file comment). */
export class PowerRecurrence {
  private x = NaN;
  private y = NaN;
  private t = -1;
  private lnX = 0;
  // G = x^y and P = G^t in double-double.
  private gh = 1;
  private gl = 0;
  // Veltkamp split of gh (gh = gsh + gsl), computed once per G for the hot path.
  private gsh = 1;
  private gsl = 0;
  private ph = 1;
  private pl = 0;

  /** x^fl(t·y) for x ≥ 0, y ≥ 0 and a whole t ≥ 0, like C's pow(x, t*y). */
  at(x: number, y: number, t: number): number {
    if (x !== this.x || y !== this.y || t !== this.t + 1) return this.restart(x, y, t);
    // The hot path: P ← P·G, one double-double multiplication.
    const ph = this.ph;
    const gh = this.gh;
    const gsh = this.gsh;
    const gsl = this.gsl;
    const p = ph * gh;
    const s = SPLIT * ph;
    const psh = s - (s - ph);
    const psl = ph - psh;
    // twoProdErr(ph, gh, p) with gh's split cached, plus the low-order cross terms.
    const e = psh * gsh - p + psh * gsl + psl * gsh + psl * gsl + (ph * this.gl + this.pl * gh);
    const h = p + e;
    this.ph = h;
    this.pl = e - (h - p);
    this.t = t;
    // Flush to zero before subnormals, whose arithmetic is ~100× slower on x86. Callers use
    // these powers as 1 − x^t (or beside numbers ≥ 1), where anything this small vanishes.
    if (h < FLUSH && h > -FLUSH) {
      this.ph = 0;
      this.pl = 0;
      return 0;
    }
    return y === 1 ? h : this.corrected(t, y);
  }

  /** A new x or y, or a jump in t: G from scratch, then G^t by binary exponentiation. */
  private restart(x: number, y: number, t: number): number {
    if (x !== this.x || y !== this.y) {
      this.x = x;
      this.y = y;
      if (y === 1 || x === 0 || x === 1) {
        this.gh = x;
        this.gl = 0;
        this.lnX = 0;
      } else {
        ddLog(x);
        this.lnX = rh;
        ddMul(y, 0, rh, rl);
        ddExp(rh, rl);
        this.gh = rh;
        this.gl = rl;
      }
      const s = SPLIT * this.gh;
      this.gsh = s - (s - this.gh);
      this.gsl = this.gh - this.gsh;
    }
    let bh = this.gh;
    let bl = this.gl;
    let h = 1;
    let l = 0;
    for (let k = t; k > 0; k = Math.floor(k / 2)) {
      if (k % 2 === 1) {
        ddMul(h, l, bh, bl);
        h = rh;
        l = rl;
      }
      ddMul(bh, bl, bh, bl);
      bh = rh;
      bl = rl;
    }
    this.ph = h;
    this.pl = l;
    this.t = t;
    if (x === 0) return t * y === 0 ? 1 : 0;
    return y === 1 ? h + l : this.corrected(t, y);
  }

  /** C computes x^fl(t·y), and t·y = fl(t·y) + e exactly, so x^fl(t·y) = G^t · x^(−e). */
  private corrected(t: number, y: number): number {
    const ty = t * y;
    const e = twoProdErr(t, y, ty);
    if (e === 0) return this.ph + this.pl;
    const d = -e * this.lnX;
    const q = d + 0.5 * d * d;
    return this.ph + (this.pl + this.ph * q);
  }
}
