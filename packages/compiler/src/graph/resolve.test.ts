import { describe, expect, it } from 'vitest';
import type { Expr, Project } from '@sluice/ir';
import { parseEquation } from '@sluice/language';
import { simulate } from '@sluice/runtime';
import { compile } from '../index.js';

const loc = { file: 'm.mdl', line: 3, column: 1 };
const expr = (text: string): Expr => {
  const parsed = parseEquation(text, loc);
  if (!parsed.expr) throw new Error(`did not parse: ${text}`);
  return parsed.expr;
};

describe('resolving element equations that share parts', () => {
  it('gives each element its own memory call site when only the call is shared', () => {
    // What Vensim makes of `x[D] :EXCEPT: [d1] = z[D] + INIT(D * 10)`: a sum per element, each
    // subscript resolved, and one INIT call object under both sums.
    const init = expr('INIT(D * 10)');
    const sumAt = (element: string): Expr => ({ kind: 'binary', op: '+', left: expr(`z[${element}]`), right: init });
    const p: Project = {
      dialect: 'vensim',
      simSpecs: { start: 0, stop: 1, dt: 1, method: 'euler' },
      units: [],
      dimensions: [{ name: 'D', ident: 'd', elements: ['d1', 'd2', 'd3'] }],
      models: [
        {
          variables: [
            { kind: 'aux', name: 'z', ident: 'z', dimensions: ['D'], equation: { text: '0', expr: expr('0'), loc }, loc },
            {
              kind: 'aux',
              name: 'x',
              ident: 'x',
              dimensions: ['D'],
              loc,
              elements: [
                { subscripts: ['d1'], equation: { text: '5', expr: expr('5'), loc } },
                { subscripts: ['d2'], equation: { text: 'z[D] + INIT(D * 10)', expr: sumAt('d2'), loc } },
                { subscripts: ['d3'], equation: { text: 'z[D] + INIT(D * 10)', expr: sumAt('d3'), loc } },
              ],
            },
          ],
        },
      ],
      macros: [],
    };
    const compiled = compile(p);
    if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
    const run = simulate(compiled.value);
    if (!run.ok) throw new Error(run.diagnostics.map((d) => d.message).join('\n'));
    const at = (name: string) => run.value.columns.find((c) => c.name === name)!.values[0];
    expect([at('x[d1]'), at('x[d2]'), at('x[d3]')]).toEqual([5, 20, 30]);
  });
});
