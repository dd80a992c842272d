import { canonicalFunctionName } from '@sluice/ir';
import { ARRAY_BUILTINS } from './arrays.js';
import { CONSTANT_BUILTINS } from './constants.js';
import { LOGIC_BUILTINS } from './logic.js';
import { LOOKUP_BUILTINS } from './lookup.js';
import { LOWERED_BUILTINS } from './lowered.js';
import { MATH_BUILTINS } from './math.js';
import { MEMORY_BUILTINS } from './memory.js';
import { RANDOM_BUILTINS } from './random.js';
import { CONVEYOR_BUILTINS } from './stella-conveyor.js';
import { STELLA_BUILTINS, STELLA_LOWERED_BUILTINS } from './stella.js';
import { TIME_INPUT_BUILTINS } from './time-inputs.js';
import { VENSIM_BUILTINS } from './vensim.js';
import { VENSIM_ALLOCATE_AVAILABLE_BUILTINS } from './vensim-allocate-available.js';
import { VENSIM_LOOKUP_BUILTINS } from './vensim-lookups.js';
import { VENSIM_VECTOR_BUILTINS } from './vensim-vectors.js';
import type { BuiltinSpec } from './types.js';

/**
 * Every builtin Sluice knows, in reference order. To add a family, write one file exporting a
 * `BuiltinSpec[]` and add it here (one line).
 */
export const BUILTINS: readonly BuiltinSpec[] = [
  ...MATH_BUILTINS,
  ...CONSTANT_BUILTINS,
  ...LOGIC_BUILTINS,
  ...TIME_INPUT_BUILTINS,
  ...LOOKUP_BUILTINS,
  ...MEMORY_BUILTINS,
  ...LOWERED_BUILTINS,
  ...STELLA_LOWERED_BUILTINS,
  ...STELLA_BUILTINS,
  ...CONVEYOR_BUILTINS,
  ...ARRAY_BUILTINS,
  ...RANDOM_BUILTINS,
  ...VENSIM_BUILTINS,
  ...VENSIM_VECTOR_BUILTINS,
  ...VENSIM_ALLOCATE_AVAILABLE_BUILTINS,
  ...VENSIM_LOOKUP_BUILTINS,
];

const byName = new Map<string, BuiltinSpec>();
for (const b of BUILTINS) {
  for (const n of [b.name, ...(b.aliases ?? [])]) {
    if (byName.has(n)) throw new Error(`builtin ${n} is registered twice`);
    byName.set(n, b);
  }
}

/** The builtin called `name` (any case, spaces or underscores), or undefined. */
export function findBuiltin(name: string): BuiltinSpec | undefined {
  return byName.get(canonicalFunctionName(name));
}

/** How many arguments a call may pass: [min, max] (max is Infinity for repeating params). */
export function arityOf(spec: BuiltinSpec): [number, number] {
  const min = spec.params.filter((p) => !p.optional).length;
  const max = spec.params.some((p) => p.repeats) ? Infinity : spec.params.length;
  return [min, max];
}
