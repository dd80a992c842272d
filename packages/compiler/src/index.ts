export { compile, type CompileOptions } from './compile.js';
// Loop dominance analysis (@sluice/analysis) scores links in the lowered model, hidden stocks included.
export { lowerProject } from './lower/index.js';
export {
  FIXED_SLOTS,
  SLOT_DT,
  SLOT_START,
  SLOT_STOP,
  SLOT_TIME,
  type CompiledModel,
  type ConstantInput,
  type OutputVariable,
  type PassFunction,
  type RatesFunction,
} from './codegen/compiled-model.js';
export { createHelpers, type Helpers, type HelperRun } from './codegen/helpers.js';
export { numberLiteral } from './codegen/number-literal.js';
export {
  BUILTINS,
  arityOf,
  builtinReference,
  builtinSignature,
  findBuiltin,
  type BuiltinFamily,
  type BuiltinParam,
  type BuiltinSpec,
  type EmitContext,
} from './builtins/index.js';
