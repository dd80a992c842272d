/**
 * Constant overrides keyed by names from the model. The names are untrusted, so they are read
 * and written only as own properties: a plain `overrides[ident]` finds `Object` for a constant
 * named `constructor`, and `out['__proto__'] = 1` sets nothing at all.
 */
export type Overrides = Record<string, number>;

/** The override of one constant, or undefined when it has none. */
export function overrideOf(overrides: Readonly<Overrides>, ident: string): number | undefined {
  return Object.hasOwn(overrides, ident) ? overrides[ident] : undefined;
}

/** Overrides from name and value pairs; every name, `__proto__` included, becomes an own key. */
export function overridesFrom(pairs: Iterable<readonly [string, number]>): Overrides {
  return Object.fromEntries(pairs);
}
