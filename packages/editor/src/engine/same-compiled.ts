import type { CompiledModel } from '@sluice/compiler';
import { sameData } from './same-data.js';
import { overrideOf, type Overrides } from './overrides.js';

/**
 * Whether running `base` with `overrides` is running `model`: the same generated code, tables,
 * layout and outputs, and every constant's value in `model` is what `base` has once overridden.
 * A run is a function of exactly these (the pass functions are built from `source`).
 */
export function sameCompiledModel(model: CompiledModel, base: CompiledModel, overrides: Readonly<Overrides>): boolean {
  const constants = base.constants.map((c) => ({ ...c, value: overrideOf(overrides, c.ident) ?? c.value }));
  return sameData(dataOf(model), { ...dataOf(base), constants });
}

/** The model without its functions, which are made anew by every compile. */
function dataOf(model: CompiledModel): Record<string, unknown> {
  return Object.fromEntries(Object.entries(model).filter(([, v]) => typeof v !== 'function'));
}
