import { useSyncExternalStore } from 'react';
import { sim, subscribeSimulation, type Simulation } from './simulation.ts';

/**
 * Select one value from the engine results; re-render only when it changes (by identity).
 * A component that reads the built surface or its error does not re-render when a run's
 * slider recomputes that run (useSimulationVersion re-renders on every recompute).
 */
export function useSimulation<T>(select: (s: Simulation) => T): T {
  return useSyncExternalStore(subscribeSimulation, () => select(sim));
}
