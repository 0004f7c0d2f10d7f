import { analyticSurface, square } from '../analyticSurface.ts';
import type { SurfaceDef } from '../../surface.ts';
import { numberParam } from '../../../engine/params.ts';
import { readNumber } from '../paramSpecs.ts';

const A = numberParam('a', 'a', 'Depth of the central funnel (textbook value 20).', 20, 1, 40);
const B = numberParam(
  'b',
  'b',
  'How fast the funnel falls towards the centre (textbook value 0.2).',
  0.2,
  0.02,
  1,
);
const C = numberParam(
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
 * gradient nor a Hessian (its tangential curvature grows like 1/r): the compiled derivatives are
 * 0/0 there. The expression language has no way to say "the subgradient at this point" (no
 * conditionals), so this one point is written by hand below: the funnel's subgradient 0, and no
 * funnel contribution to the Hessian, which is then the ripple term's alone (positive definite
 * for c > 0): finite, never NaN, and still saying "minimum". Everywhere else every derivative is
 * the compiled expression's.
 */
const expressed = analyticSurface({
  id: 'ackley',
  name: 'Ackley',
  lesson:
    'A deep funnel covered in ripples, with a sharp point at its centre: the bumps trap small steps, the funnel rewards big ones.',
  formula:
    'f = -a\\,e^{-b\\sqrt{\\frac{1}{2}(x^2 + y^2)}} - e^{\\frac{1}{2}(\\cos cx + \\cos cy)} + a + e',
  category: 'classic',
  params: [A, B, C],
  expression: '-a*exp(-b*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(c*x) + cos(c*y))) + a + e',
  domain: square(5),
  start: [3.6, -2.7],
  criticalPoints: [{ x: 0, y: 0, f: 0, kind: 'global-min' }],
});

export const ackley: SurfaceDef = {
  ...expressed,
  create(params, ctx) {
    const o = expressed.create(params, ctx);
    const c = readNumber(params, C);
    // The ripple's Hessian at the origin: c²·e·(½cos 0 − ¼sin² 0) on the diagonal, 0 off it.
    const ripple = 0.5 * c * c * Math.E;
    const tip = (x: number, y: number) => x === 0 && y === 0;
    return {
      ...o,
      grad(x, y, out) {
        if (tip(x, y)) out[0] = out[1] = 0;
        else o.grad(x, y, out);
      },
      hess(x, y, out) {
        if (!tip(x, y)) return o.hess(x, y, out);
        out[0] = out[2] = ripple;
        out[1] = 0;
      },
      fgGrid(xs, ys, f, gx, gy) {
        o.fgGrid!(xs, ys, f, gx, gy);
        const i = xs.indexOf(0);
        const j = ys.indexOf(0);
        if (i >= 0 && j >= 0) gx[j * xs.length + i] = gy[j * xs.length + i] = 0;
      },
    };
  },
};
