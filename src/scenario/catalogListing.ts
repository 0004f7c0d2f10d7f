import { SURFACE_LIST } from '../surfaces/catalog/index.ts';
import { defaultParams } from '../engine/validateParams.ts';

/** The catalog as `simulate --list` prints it: ids, names, lessons, parameters and minima. */
export function catalogListing() {
  const catalog = SURFACE_LIST.map((s) => {
    const params = defaultParams(s.params);
    return {
      id: s.id,
      name: s.name,
      category: s.category,
      lesson: s.lesson,
      formula: s.formula,
      params: s.params.map((p) => ({ ...p })),
      domain: s.domain(params),
      start: s.start(params),
      critical_points: s.criticalPoints(params),
      view: s.view,
    };
  });
  return [
    ...catalog,
    {
      id: 'custom',
      name: 'Custom expression',
      category: 'custom',
      lesson: 'Type any f(x, y); the gradient and Hessian are derived symbolically.',
      usage: '{"surface": {"expression": "(1-x)^2 + 100*(y-x^2)^2", "domain": [-2, 2, -1, 3]}}',
    },
  ];
}
