/** A registry keyed by its entries' stable ids (the values scenarios and links store), frozen. */
export function byId<T extends { readonly id: string }>(
  list: readonly T[],
): Readonly<Record<string, T>> {
  return Object.freeze(Object.fromEntries(list.map((entry) => [entry.id, entry])));
}
