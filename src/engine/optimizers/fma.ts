/**
 * Fused multiply-add a·b + c with one rounding, in software (JavaScript has no Math.fma).
 *
 * Why: torch's CPU kernels for `add(x, alpha=α)` and `addcmul` are compiled with FMA
 * contraction on AVX2 machines, so `m.mul_(β).add_(g, alpha=1−β)` is fma(1−β, g, βm), not
 * βm + (1−β)g. Mirroring that keeps our trajectories bit-identical to torch's instead of
 * drifting by an ulp per step, which chaotic runs (Rosenbrock at a large lr) amplify.
 *
 * Dekker's exact product a·b = p + e (Veltkamp splitting) and Knuth's exact sum p + c = s + t
 * give a·b + c = s + t + e exactly; the one rounding is in s + (t + e), which is the correctly
 * rounded result except when s + t + e lies within an ulp of t + e's rounding of a tie.
 */
const SPLIT = 134217729; // 2^27 + 1

export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  // Below this the error term a·b − p underflows; the unfused sum is as good as it gets.
  if (p < 1e-280 && p > -1e-280) return p + c;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  const s = p + c;
  const z = s - p;
  const r = s + (p - (s - z) + (c - z) + e);
  // Splitting overflows for |a| or |b| above ~1e300, and an infinite product gives ∞ − ∞:
  // both end in NaN, where the unfused result is the right answer.
  return r === r ? r : p + c;
}
