import { describe, expect, it } from 'vitest';
import { groupStatements } from './element-groups.js';

/** Runs statements over a fresh state array holding 0, 1, 2, ... */
function run(statements: string[], size = 64): number[] {
  const v = Float64Array.from({ length: size }, (_, i) => i);
  new Function('v', `'use strict';\n${statements.join('\n')}`)(v);
  return Array.from(v);
}

describe('groupStatements', () => {
  it('folds statements differing only in slots by a fixed step into one loop', () => {
    const statements = [0, 1, 2, 3, 4].map((k) => `v[${40 + k * 2}] = (v[${k}] * 0.5);`);
    expect(groupStatements(statements)).toEqual(['for (let gk = 0; gk < 5; gk++) {\nv[(40 + gk * 2)] = (v[(0 + gk * 1)] * 0.5);\n}']);
    expect(run(groupStatements(statements))).toEqual(run(statements));
  });

  it('keeps an element reading the one written just before it in order', () => {
    const statements = Array.from({ length: 10 }, (_, k) => `v[${k + 11}] = (v[${k + 10}] + 1);`);
    expect(groupStatements(statements)).toHaveLength(1);
    expect(run(groupStatements(statements))[20]).toBe(20);
    expect(run(groupStatements(statements))).toEqual(run(statements));
  });

  it('folds statements whose constants differ into a loop reading them from a table in g', () => {
    const statements = [0, 1, 2, 3, 4].map((k) => `v[${40 + k}] = ((v[${k}] * ${[0.1, 0.7, 2, 1e-7, 0.25][k]}) + 3);`);
    const g: number[] = [9, 9];
    const grouped = groupStatements(statements, (values) => g.push(...values) - values.length);
    expect(grouped).toEqual(['for (let gk = 0; gk < 5; gk++) {\nv[(40 + gk * 1)] = ((v[(0 + gk * 1)] * g[2 + gk]) + 3);\n}']);
    expect(g).toEqual([9, 9, 0.1, 0.7, 2, 1e-7, 0.25]);
    const withTables = (code: string[]) => {
      const v = Float64Array.from({ length: 64 }, (_, i) => i);
      new Function('v', 'g', `'use strict';\n${code.join('\n')}`)(v, Float64Array.from(g));
      return Array.from(v);
    };
    expect(withTables(grouped)).toEqual(withTables(statements));
    // Slots that do not step evenly still break the run, table or not.
    const uneven = [0, 1, 2, 3, 4].map((k) => `v[${40 + k * k}] = (v[${k}] * 0.${k + 1});`);
    expect(groupStatements(uneven, () => 0)).toEqual(uneven);
  });

  it('leaves statements whose other numbers differ, or too few alike, as they are', () => {
    // Without a table to keep them in, differing constants stay written out.
    const constants = [0, 1, 2, 3, 4].map((k) => `v[${40 + k}] = (v[${k}] * 0.${k + 1});`);
    expect(groupStatements(constants)).toEqual(constants);
    const three = [0, 1, 2].map((k) => `v[${40 + k}] = v[${k}];`);
    expect(groupStatements(three)).toEqual(three);
    const names = [0, 1, 2, 3, 4].map((k) => `let s${k} = v[${k}]; v[${40 + k}] = s${k};`);
    expect(groupStatements(names)).toEqual(names);
  });

  it('breaks a run where the step changes and starts a new one', () => {
    const statements = [
      ...[0, 1, 2, 3].map((k) => `v[${30 + k}] = v[${k}];`),
      ...[0, 1, 2, 3].map((k) => `v[${50 + k * 3}] = v[${k}];`),
    ];
    const grouped = groupStatements(statements);
    expect(grouped).toEqual([
      'for (let gk = 0; gk < 4; gk++) {\nv[(30 + gk * 1)] = v[(0 + gk * 1)];\n}',
      'for (let gk = 0; gk < 4; gk++) {\nv[(50 + gk * 3)] = v[(0 + gk * 1)];\n}',
    ]);
    expect(run(grouped)).toEqual(run(statements));
  });
});
