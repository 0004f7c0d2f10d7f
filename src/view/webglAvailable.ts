let cached: boolean | null = null;

/** Whether this browser can create a WebGL2 (or WebGL) context at all; checked once. */
export function webglAvailable(): boolean {
  if (cached !== null) return cached;
  if (new URLSearchParams(location.search).has('nowebgl')) return (cached = false);
  try {
    const c = document.createElement('canvas');
    cached = !!(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    cached = false;
  }
  return cached;
}
