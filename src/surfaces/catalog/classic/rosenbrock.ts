import { analyticSurface } from '../analyticSurface.ts';
import { numberParam } from '../../../engine/params.ts';
import { readNumber } from '../paramSpecs.ts';

const A = numberParam(
  'a',
  'a',
  'Where the valley ends: the minimum is at (a, a²). Textbook value 1.',
  1,
  -1.5,
  1.5,
);
const B = numberParam(
  'b',
  'b',
  'Steepness of the valley walls. Textbook value 100; larger values make the valley narrower and the problem worse conditioned.',
  100,
  1,
  1000,
  { log: true },
);

/**
 * Rosenbrock's banana: f = (a − x)² + b·(y − x²)². Minimum 0 at (a, a²) (VLSE,
 * https://www.sfu.ca/~ssurjano/rosen.html: f(x*) = 0 at x* = (1, 1) for a = 1, b = 100).
 * Finding the valley is easy; following its curved, nearly flat floor to the end is not.
 */
export const rosenbrock = analyticSurface({
  id: 'rosenbrock',
  name: 'Rosenbrock',
  lesson:
    'A curved, flat-bottomed valley: every optimizer finds the valley fast, then crawls along its floor to the minimum.',
  formula: 'f = (a - x)^2 + b\\,(y - x^2)^2',
  category: 'classic',
  params: [A, B],
  expression: '(a - x)^2 + b*(y - x^2)^2',
  domain: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
  // Rosenbrock's own start (1960).
  start: [-1.2, 1],
  criticalPoints(_, params) {
    const a = readNumber(params, A);
    return [{ x: a, y: a * a, f: 0, kind: 'global-min' }];
  },
  view: { logHeight: true },
});
