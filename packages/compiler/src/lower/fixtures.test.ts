import { describe, expect, it } from 'vitest';
import { canonicalName } from '@sluice/ir';
import type { Dialect, Equation, Model, Project, Variable } from '@sluice/ir';
import { parseEquation, printEquation } from '@sluice/language';

/**
 * Inline models for the lowering tests: variables written as `name: equation` lines, so a
 * test reads like the model it runs on.
 */

export function eq(text: string): Equation {
  const parsed = parseEquation(text);
  if (!parsed.expr) throw new Error(`test equation does not parse: ${text}`);
  return { text, expr: parsed.expr };
}

export function aux(name: string, text: string, dimensions?: string[]): Variable {
  const v: Variable = { kind: 'aux', name, ident: canonicalName(name), equation: eq(text) };
  if (dimensions) v.dimensions = dimensions;
  return v;
}

export function stock(name: string, initial: string, inflows: string[] = [], outflows: string[] = []): Variable {
  return { kind: 'stock', name, ident: canonicalName(name), equation: eq(initial), inflows, outflows, nonNegative: false };
}

export function flow(name: string, text: string): Variable {
  return { kind: 'flow', name, ident: canonicalName(name), equation: eq(text), nonNegative: false };
}

export function project(variables: Variable[], options: { dialect?: Dialect; models?: Model[]; dt?: number; stop?: number } = {}): Project {
  return {
    dialect: options.dialect ?? 'xmile',
    simSpecs: { start: 0, stop: options.stop ?? 10, dt: options.dt ?? 1, method: 'euler' },
    units: [],
    dimensions: [],
    models: [{ variables }, ...(options.models ?? [])],
    macros: [],
  };
}

/** A variable as one readable line: `kind ident[dims] = equation`, with a stock's flows. */
export function describe1(v: Variable): string {
  const dims = v.dimensions && v.dimensions.length > 0 ? `[${v.dimensions.join(', ')}]` : '';
  const body = v.equation?.expr ? printEquation(v.equation.expr) : '?';
  if (v.kind !== 'stock') return `${v.kind} ${v.ident}${dims} = ${body}`;
  const net = v.netFlow?.expr ? ` net ${printEquation(v.netFlow.expr)}` : '';
  const flows = v.inflows.length + v.outflows.length > 0 ? ` in [${v.inflows.join(', ')}] out [${v.outflows.join(', ')}]` : '';
  return `stock ${v.ident}${dims} = ${body}${flows}${net}`;
}

export function describeAll(p: Project): string[] {
  return p.models[0]!.variables.map(describe1);
}

describe('test fixtures', () => {
  it('describe a stock with its flows and an arrayed aux in one line each', () => {
    expect(describe1(stock('Level', '10', ['fill'], ['drain']))).toBe('stock level = 10 in [fill] out [drain]');
    expect(describe1(aux('Gap', 'goal - level', ['Region']))).toBe('aux gap[Region] = goal - level');
  });
});
