import { useStore } from 'zustand';
import { useSyncExternalStore } from 'react';
import { labStore, type LabState } from './store.ts';
import { sim, subscribeSimulation } from './simulation.ts';

/** Select from the lab store (re-renders only when the selected value changes). */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(labStore, selector);
}

/** Re-render when the engine results are recomputed (not per frame). */
export function useSimulationVersion(): number {
  return useSyncExternalStore(subscribeSimulation, () => sim.version);
}
