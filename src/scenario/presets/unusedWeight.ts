/**
 * The weight-decay lessons' landscape: the loss uses x only, so y is a weight no example ever
 * touches and weight decay is the only force on it; the lessons compare how each rule moves y.
 */
export const UNUSED_WEIGHT = {
  version: 1,
  surface: { expression: '2*(x - 2)^2' },
  start: [-1, 2.5],
  steps: 300,
  view: { mode: '2d' },
} as const;
