/**
 * A registry's entry for a key from untrusted input: only the registry's own keys count, so
 * "__proto__", "constructor" or "toString" name nothing.
 */
export function ownEntry<T>(registry: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(registry, key) ? registry[key] : undefined;
}
