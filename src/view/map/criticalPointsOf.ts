/**
 * The known minima and saddles of a scenario's surface (catalog entries' own, typed
 * expressions' found numerically): one implementation, in the scenario layer.
 */
export {
  surfaceCriticalPoints as criticalPointsOf,
  minimaPositions,
} from '../../scenario/surfaceCriticalPoints.ts';
