import type { ScheduleDef } from '../schedule.ts';

/** No scheduler: every step uses the optimizer's lr. */
export const constant: ScheduleDef = {
  id: 'constant',
  label: 'Constant',
  reference: '(no scheduler)',
  rule: 'η_t = η',
  summary: 'The learning rate never changes.',
  params: [],
  compute(_params, { baseLr, steps }) {
    return { lrs: new Float64Array(steps).fill(baseLr) };
  },
};
