import type { SurfaceDef } from '../../surface.ts';
import { readNumber, surfaceParam } from '../paramSpecs.ts';

const A = surfaceParam('a', 'a', 'Depth of the central funnel (textbook value 20).', 20, 1, 40);
const B = surfaceParam(
  'b',
  'b',
  'How fast the funnel falls towards the centre (textbook value 0.2).',
  0.2,
  0.02,
  1,
);
const C = surfaceParam(
  'c',
  'c',
  'Frequency of the ripples (textbook value 2π ≈ 6.283).',
  2 * Math.PI,
  0,
  4 * Math.PI,
);

/**
 * Ackley: f = −a·exp(−b·√(½(x² + y²))) − exp(½(cos cx + cos cy)) + a + e. Global minimum 0 at
 * the origin for every a, b, c (VLSE, https://www.sfu.ca/~ssurjano/ackley.html: a = 20, b = 0.2,
 * c = 2π, f(x*) = 0 at x* = (0, …, 0)).
 *
 * The funnel term is a cone at the origin (it depends on r, not r²), where it has neither a
 * gradient nor a Hessian (its tangential curvature grows like 1/r). There we return its
 * subgradient 0 and let it contribute nothing to the Hessian, which is then the ripple term's
 * alone (positive definite for c > 0): finite, never NaN, and still saying "minimum".
 * Everywhere else every derivative is exact.
 */
export const ackley: SurfaceDef = {
  id: 'ackley',
  name: 'Ackley',
  lesson:
    'A deep funnel covered in ripples, with a sharp point at its centre: the bumps trap small steps, the funnel rewards big ones.',
  formula:
    'f = -a\\,e^{-b\\sqrt{\\frac{1}{2}(x^2 + y^2)}} - e^{\\frac{1}{2}(\\cos cx + \\cos cy)} + a + e',
  category: 'classic',
  params: [A, B, C],
  create(params) {
    const a = readNumber(params, A);
    const b = readNumber(params, B);
    const c = readNumber(params, C);
    // In ρ = √(x² + y²) the funnel is h(ρ) = −a·exp(−β·ρ) with β = b/√2.
    const beta = b / Math.SQRT2;
    return {
      f(x, y) {
        const rho = Math.sqrt(x * x + y * y);
        return (
          -a * Math.exp(-beta * rho) -
          Math.exp(0.5 * (Math.cos(c * x) + Math.cos(c * y))) +
          a +
          Math.E
        );
      },
      grad(x, y, out) {
        const rho = Math.sqrt(x * x + y * y);
        // h'(ρ)/ρ · (x, y); the subgradient 0 at the cone's tip.
        const radial = rho > 0 ? (a * beta * Math.exp(-beta * rho)) / rho : 0;
        const g = 0.5 * c * Math.exp(0.5 * (Math.cos(c * x) + Math.cos(c * y)));
        out[0] = radial * x + g * Math.sin(c * x);
        out[1] = radial * y + g * Math.sin(c * y);
      },
      fgGrid(xs, ys, f, gx, gy) {
        // exp(½(cos cx + cos cy)) = exp(½cos cx)·exp(½cos cy): the ripple factors once per
        // column and per row. Only the radial funnel needs an exp per vertex.
        const nx = xs.length;
        const ex = new Float64Array(nx);
        const sx = new Float64Array(nx);
        const rhos = new Float64Array(nx);
        for (let i = 0; i < nx; i++) {
          ex[i] = Math.exp(0.5 * Math.cos(c * xs[i]));
          sx[i] = Math.sin(c * xs[i]);
        }
        const funnels = new Float64Array(nx);
        for (let j = 0, k = 0; j < ys.length; j++) {
          const y = ys[j];
          const ey = Math.exp(0.5 * Math.cos(c * y));
          const sy = Math.sin(c * y);
          for (let i = 0; i < nx; i++) {
            const x = xs[i];
            rhos[i] = Math.sqrt(x * x + y * y);
            funnels[i] = Math.exp(-beta * rhos[i]);
          }
          for (let i = 0; i < nx; i++, k++) {
            const x = xs[i];
            const rho = rhos[i];
            const funnel = a * funnels[i];
            const ripple = ex[i] * ey;
            f[k] = -funnel - ripple + a + Math.E;
            const radial = rho > 0 ? (funnel * beta) / rho : 0;
            const g = 0.5 * c * ripple;
            gx[k] = radial * x + g * sx[i];
            gy[k] = radial * y + g * sy;
          }
        }
      },
      hess(x, y, out) {
        const rho = Math.sqrt(x * x + y * y);
        let fxx = 0;
        let fxy = 0;
        let fyy = 0;
        if (rho > 0) {
          // ∇²h = h''·ρ̂ρ̂ᵀ + (h'/ρ)·(I − ρ̂ρ̂ᵀ), with h' = a·β·e and h'' = −a·β²·e.
          const e = Math.exp(-beta * rho);
          const h2 = -a * beta * beta * e;
          const t = (a * beta * e) / rho;
          const ux = x / rho;
          const uy = y / rho;
          fxx = h2 * ux * ux + t * (1 - ux * ux);
          fxy = (h2 - t) * ux * uy;
          fyy = h2 * uy * uy + t * (1 - uy * uy);
        }
        const sx = Math.sin(c * x);
        const sy = Math.sin(c * y);
        const G = Math.exp(0.5 * (Math.cos(c * x) + Math.cos(c * y)));
        const c2G = c * c * G;
        out[0] = fxx + c2G * (0.5 * Math.cos(c * x) - 0.25 * sx * sx);
        out[1] = fxy - 0.25 * c2G * sx * sy;
        out[2] = fyy + c2G * (0.5 * Math.cos(c * y) - 0.25 * sy * sy);
      },
    };
  },
  domain: () => ({ xMin: -5, xMax: 5, yMin: -5, yMax: 5 }),
  start: () => [3.6, -2.7],
  criticalPoints: () => [{ x: 0, y: 0, f: 0, kind: 'global-min' }],
  view: {},
};
