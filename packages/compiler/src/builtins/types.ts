import type { Dialect } from '@sluice/ir';

/** Which part of the reference a builtin is listed under. */
export type BuiltinFamily = 'math' | 'logic' | 'time-input' | 'lookup' | 'memory' | 'constant' | 'array' | 'random';

export interface BuiltinParam {
  name: string;
  optional?: boolean;
  /** The last parameter may repeat (MIN and MAX of any number of values). */
  repeats?: boolean;
}

/** What code generation knows about the place a builtin is called from. */
export interface EmitContext {
  dialect: Dialect;
  /** JS source reading the current time, the time step, and the run's start and stop. */
  time: string;
  dt: string;
  start: string;
  stop: string;
}

/**
 * One builtin function. The compiler checks calls against `params`, generated code comes from
 * `emit`, and the Markdown reference and the editor's completion read the rest.
 *
 * Builtins that keep state between steps, read tables or reduce arrays (INIT, PREVIOUS, DELAY,
 * LOOKUP, SUM...) have no `emit`: code generation handles them, because they need slots of
 * their own or the shape of their argument.
 */
export interface BuiltinSpec {
  /** Canonical name (`canonicalFunctionName`), e.g. `IF_THEN_ELSE`. */
  name: string;
  /** Other names the same function goes by. */
  aliases?: string[];
  family: BuiltinFamily;
  params: BuiltinParam[];
  /** One or two sentences: what it computes. */
  summary: string;
  dialects: Dialect[];
  /** Where Stella and Vensim (or the standard) disagree, and what Sluice does. */
  differences?: string;
  /**
   * Written without parentheses too (`TIME`, `PI`): a bare name that is not a model variable
   * is read as a call with no arguments.
   */
  bare?: boolean;
  /** The value depends on time even when every argument is constant (PULSE, TIME). */
  timeVarying?: boolean;
  /**
   * Expanded into hidden stocks and flows by lowering (`lower/stateful/`) before code
   * generation, which never sees the call: SMTH1, DELAY3, Vensim's SMOOTH... Lowering checks
   * argument counts against `params` (or the dialect's `forms`).
   */
  lowered?: boolean;
  /**
   * Written only by lowering (its name starts with `#`, which no model can spell): not listed
   * in the reference or offered by completion.
   */
  internal?: boolean;
  /**
   * The parameters in a dialect whose form of the function differs from `params` (Vensim's
   * DELAY1 has no optional initial value, its TREND a required one). `params` is the form of
   * the first of `dialects`.
   */
  forms?: Partial<Record<Dialect, BuiltinParam[]>>;
  /** JS source of the call, from the JS source of its arguments. */
  emit?: (args: string[], ctx: EmitContext) => string;
}
