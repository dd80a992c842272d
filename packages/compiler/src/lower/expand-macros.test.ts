import { describe, expect, it } from 'vitest';
import { canonicalName } from '@sluice/ir';
import type { Macro, Project, Variable } from '@sluice/ir';
import { expandMacros } from './expand-macros.js';
import { aux, describe1, eq, flow, project, stock } from './fixtures.test.js';

function macro(name: string, parameters: string[], variables: Variable[], equation?: string, outputs?: string[]): Macro {
  const m: Macro = { name, ident: canonicalName(name), parameters: parameters.map(canonicalName), variables };
  if (equation) m.equation = eq(equation);
  if (outputs) m.outputs = outputs;
  return m;
}

function withMacros(variables: Variable[], macros: Macro[], dialect: 'xmile' | 'vensim' = 'vensim'): Project {
  return { ...project(variables, { dialect }), macros };
}

function expanded(p: Project): string[] {
  const r = expandMacros(p);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value.models[0]!.variables.map(describe1);
}

/** Vensim's test model: `EXPRESSION MACRO = input * intermediate`, `intermediate = parameter * 3`. */
const expressionMacro = macro('EXPRESSION MACRO', ['input', 'parameter'], [
  aux('EXPRESSION MACRO', 'input * intermediate'),
  aux('intermediate', 'parameter * 3'),
]);

describe('expanding macros', () => {
  it('copies the macro for a call, binding parameters, and refers to the variable named like the macro', () => {
    expect(expanded(withMacros([aux('out', 'EXPRESSION_MACRO(a, 1.1) + 1')], [expressionMacro]))).toEqual([
      'aux out = "#expression_macro_1.expression_macro" + 1',
      'aux #expression_macro_1.expression_macro = a * "#expression_macro_1.intermediate"',
      'aux #expression_macro_1.intermediate = 1.1 * 3',
    ]);
  });

  it('gives each call its own stock', () => {
    const integ = macro('ACCUMULATE', ['rate', 'start'], [{ ...stock('level', 'start', ['inflow']) }, flow('inflow', 'rate')], 'level');
    const out = expanded(withMacros([aux('a', 'ACCUMULATE(1, 0)'), aux('b', 'ACCUMULATE(x * 2, 5)')], [integ], 'xmile'));
    expect(out).toEqual([
      'aux a = "#accumulate_1"',
      'aux b = "#accumulate_2"',
      'stock #accumulate_1.level = 0 in [#accumulate_1.inflow] out []',
      'flow #accumulate_1.inflow = 1',
      'aux #accumulate_1 = "#accumulate_1.level"',
      'aux #accumulate_2.rate = x * 2',
      'stock #accumulate_2.level = 5 in [#accumulate_2.inflow] out []',
      'flow #accumulate_2.inflow = "#accumulate_2.rate"',
      'aux #accumulate_2 = "#accumulate_2.level"',
    ]);
  });

  it('expands a macro that calls another macro', () => {
    const second = macro('SECOND MACRO', ['input', 'parameter'], [aux('SECOND MACRO', 'input / parameter')]);
    const first = macro('EXPRESSION MACRO', ['input', 'parameter'], [aux('EXPRESSION MACRO', 'SECOND_MACRO(input, parameter)')]);
    expect(expanded(withMacros([aux('out', 'EXPRESSION_MACRO(a, b)')], [second, first]))).toEqual([
      'aux out = "#expression_macro_1.expression_macro"',
      'aux #second_macro_1.second_macro = a / b',
      'aux #expression_macro_1.expression_macro = "#second_macro_1.second_macro"',
    ]);
  });

  it('gives the copy of a macro called in an arrayed equation the same dimensions', () => {
    expect(expanded(withMacros([aux('out', 'EXPRESSION_MACRO(a[Region], 2)', ['Region'])], [expressionMacro]))).toEqual([
      'aux out[Region] = "#expression_macro_1.expression_macro"[Region]',
      'aux #expression_macro_1.expression_macro[Region] = a[Region] * "#expression_macro_1.intermediate"[Region]',
      'aux #expression_macro_1.intermediate[Region] = 2 * 3',
    ]);
  });

  it('defines the caller variables named as extra outputs', () => {
    const split = macro('SPLIT', ['x'], [aux('SPLIT', 'x / 2'), aux('rest', 'x - SPLIT')], undefined, ['rest']);
    expect(expanded(withMacros([aux('half', 'SPLIT(10, other)')], [split]))).toEqual([
      'aux half = "#split_1.split"',
      'aux other = "#split_1.rest"',
      'aux #split_1.split = 10 / 2',
      'aux #split_1.rest = 10 - "#split_1.split"',
    ]);
  });

  it('leaves the names a macro does not define alone', () => {
    const m = macro('AGE', ['x'], [], 'TIME - x');
    expect(expanded(withMacros([aux('a', 'AGE(3)')], [m], 'xmile'))).toEqual(['aux a = "#age_1"', 'aux #age_1 = TIME - 3']);
  });
});

describe('macro errors', () => {
  it('refuses a macro that calls itself, at the call', () => {
    const loop = macro('LOOP', ['x'], [aux('LOOP', 'LOOP(x) + 1')]);
    const p = withMacros([{ ...aux('a', 'LOOP(1)'), loc: { line: 3, column: 1 } }], [loop]);
    const r = expandMacros(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: 'macro-recursion', message: 'macro LOOP calls itself: loop → loop' });
  });

  it('reports a wrong argument count', () => {
    const r = expandMacros(withMacros([aux('a', 'EXPRESSION_MACRO(1)')], [expressionMacro]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: 'argument-count', message: 'EXPRESSION_MACRO takes 2 arguments, not 1', variable: 'a' });
  });

  it('reports a macro with no output', () => {
    const r = expandMacros(withMacros([aux('a', 'EMPTY(1)')], [macro('EMPTY', ['x'], [aux('y', 'x')])]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('macro-output');
  });

  it('refuses macros that would multiply into too many copies', () => {
    // Each level calls the next twice: 2^20 copies if nothing stopped it.
    const levels = Array.from({ length: 20 }, (_, i) =>
      macro(`M${i}`, ['x'], [aux(`M${i}`, i === 19 ? 'x' : `M${i + 1}(x) + M${i + 1}(x)`)]),
    );
    const r = expandMacros(withMacros([aux('a', 'M0(1)')], levels));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]!.code).toBe('too-large');
    }
  });
});
