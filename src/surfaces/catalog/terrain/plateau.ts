import { analyticSurface, square } from '../analyticSurface.ts';
import { numberParam } from '../../../engine/params.ts';

const WIDTH = numberParam(
  'width',
  'basin width',
  'Radius of the basin in the middle of the plateau. A narrow basin leaves more flat ground around it, where the gradient is all but zero.',
  1.2,
  0.4,
  3,
);

/**
 * A Gaussian well in a flat plain: f = 1 − exp(−r² / w²). Far from the basin the slope
 * decays like exp(−r²/w²), so gradient descent's steps shrink to nothing (a vanishing-gradient
 * plateau), while optimizers that normalise the gradient's size (Adam, RMSprop) keep walking.
 */
export const plateau = analyticSurface({
  id: 'plateau',
  name: 'Plateau',
  lesson:
    'A vast flat plain around a basin: the gradient is almost zero, so gradient descent barely moves; momentum and adaptive step sizes cross it.',
  formula: 'f = 1 - e^{-(x^2 + y^2)/w^2}',
  category: 'terrain',
  params: [WIDTH],
  expression: '1 - exp(-(x^2 + y^2) / width^2)',
  domain: square(4),
  start: [2.6, 1.8],
  criticalPoints: [{ x: 0, y: 0, f: 0, kind: 'global-min' }],
});
