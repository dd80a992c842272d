import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { canonicalName, type Project, type Variable } from '@sluice/ir';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { applyVensimData, decodeMdl, importVensim } from './index.js';

function project(body: string): Project {
  const r = importVensim(`{UTF-8}\n${body}\nINITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n`, { file: 'm.mdl' });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

function variable(p: Project, ident: string): Variable | undefined {
  return p.models[0]?.variables.find((v) => v.ident === ident);
}

describe('data variables from a data file', () => {
  const model = project('A: a1, a2 ~~|\nd :INTERPOLATE: ~~|\nh[A] :HOLD BACKWARD: ~~|\nf :LOOK FORWARD: ~~|\nmine = 7 ~~|');

  test('each series becomes a graphical function of Time, by interpolation method', () => {
    const tab = 'Time\td\th[a1]\th[A2]\t"f"\tmine\n0\t1\t5\t6\t0\t99\n2\t3\t\t8\t10\n4\t\t7\t\t20\n';
    const r = applyVensimData(model, [{ file: 'data.tab', text: tab }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = variable(r.value, 'd');
    expect(d?.equation?.text).toBe('Time');
    expect(d?.gf).toEqual({ type: 'continuous', xs: [0, 2], ys: [1, 3] });
    expect(variable(r.value, 'h')?.elements?.map((e) => [e.subscripts.join(), e.equation.text, e.gf])).toEqual([
      ['a1', 'Time', { type: 'discrete', xs: [0, 4], ys: [5, 7] }],
      ['a2', 'Time', { type: 'discrete', xs: [0, 2], ys: [6, 8] }],
    ]);
    expect(variable(r.value, 'f')?.gf).toEqual({ type: 'discrete', xs: [0, 1e-9, 2 + 2e-9], ys: [0, 10, 20] });
    // A variable the model defines keeps its equation.
    expect(variable(r.value, 'mine')?.equation?.text).toBe('7');
    expect(variable(r.value, 'mine')?.gf).toBeUndefined();
  });

  test('time across the first row works the same', () => {
    const tab = 'Time,0,2\nd,1,3\nh[a1],5,\nh[a2],6,8\nf,0,10\n';
    const r = applyVensimData(model, [{ file: 'data.csv', text: tab }]);
    expect(r.ok && variable(r.value, 'h')?.elements?.[1]?.gf).toEqual({ type: 'discrete', xs: [0, 2], ys: [6, 8] });
  });

  test('a variable with no series is an error naming it', () => {
    const r = applyVensimData(model, [{ file: 'data.tab', text: 'Time\td\n0\t1\n' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((x) => x.message)).toEqual(['no data file holds values for h[a1]', 'no data file holds values for the data variable f']);
  });
});

const suite = fileURLToPath(new URL('../../../../shared/test-models/tests/data_from_other_model/', import.meta.url));

describe.skipIf(!existsSync(suite))('a model run on data another model wrote', () => {
  test('matches Vensim at every saved time', () => {
    const read = (name: string): string => decodeMdl(readFileSync(`${suite}${name}`));
    const imported = importVensim(read('test_data_from_other_model.mdl'));
    if (!imported.ok) throw new Error('import failed');
    const withData = applyVensimData(imported.value, [{ file: 'data.tab', text: read('data.tab') }]);
    if (!withData.ok) throw new Error(withData.diagnostics.map((d) => d.message).join('\n'));
    const compiled = compile(withData.value);
    if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
    const run = simulate(compiled.value);
    if (!run.ok) throw new Error('run failed');
    const columns = new Map(run.value.columns.map((c) => [canonicalName(c.name), c.values]));
    const [header, ...rows] = read('output.tab').split(/\r?\n/).filter((l) => l !== '').map((l) => l.split('\t'));
    const wrong: string[] = [];
    header?.forEach((name, j) => {
      const values = columns.get(canonicalName(name));
      if (j === 0 || !values) return;
      rows.forEach((row, k) => {
        const want = row[j] === undefined || row[j] === '' ? undefined : Number(row[j]);
        if (want !== undefined && !(Math.abs((values[k] ?? NaN) - want) <= 1e-5 + 1e-5 * Math.abs(want))) wrong.push(`${name}@${row[0]}`);
      });
    });
    expect(wrong).toEqual([]);
    expect(columns.has(canonicalName('var 3dim[A,D,A]'))).toBe(true);
  });
});
