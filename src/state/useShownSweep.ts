import { useSyncExternalStore } from 'react';
import { shown, subscribeShownSweep } from './shownSweep.ts';

/** Re-render when the shown sweep changes (cells arrive, it ends, is cancelled or cleared). */
export function useShownSweepVersion(): number {
  return useSyncExternalStore(subscribeShownSweep, () => shown.version);
}
