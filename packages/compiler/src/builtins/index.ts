export type { BuiltinSpec, BuiltinParam, BuiltinFamily, EmitContext } from './types.js';
export { BUILTINS, findBuiltin, arityOf } from './registry.js';
export { builtinReference, builtinSignature } from './reference.js';
