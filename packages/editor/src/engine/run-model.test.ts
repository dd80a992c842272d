import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelRunner, type RunRequest, type RunResponse } from './run-model.js';

const careText = readFileSync(new URL('../../../../examples/childrens-social-care/childrens-social-care.sluice', import.meta.url), 'utf8');
const CONSTANT = 'const Child_Population = 80000';

const request = (text: string, overrides: Record<string, number> = {}): RunRequest => ({
  text,
  format: 'sluice',
  file: 'm.sluice',
  runs: [{ name: 'Baseline', overrides: {} }, ...(Object.keys(overrides).length ? [{ name: 'Sliders', overrides }] : [])],
});

/** What a runner that has seen nothing before answers: the full parse, compile and runs. */
const fresh = (r: RunRequest): RunResponse => new ModelRunner().run(r);

/** The two responses carry the same model, messages and numbers, to the last bit. */
function expectSameAnswer(got: RunResponse, want: RunResponse): void {
  expect(got.project).toEqual(want.project);
  expect(got.diagnostics).toEqual(want.diagnostics);
  expect(got.runs.map((r) => r.name)).toEqual(want.runs.map((r) => r.name));
  got.runs.forEach((run, i) => {
    const other = want.runs[i]!;
    expect(run.times).toEqual(other.times);
    expect(run.columns.map((c) => c.ident)).toEqual(other.columns.map((c) => c.ident));
    run.columns.forEach((c, j) => expect(c.values, c.ident).toEqual(other.columns[j]!.values));
  });
}

describe('ModelRunner: typing inside one formula is answered without parsing the file', () => {
  it('gives exactly the full answer for the social care model, digit after digit and across constants', () => {
    const runner = new ModelRunner();
    expect(runner.run(request(careText)).path).toBe('parsed');
    const texts = [
      careText.replace(CONSTANT, `${CONSTANT}1`),
      careText.replace(CONSTANT, `${CONSTANT}12`),
      careText.replace(CONSTANT, 'const Child_Population = 9.5e4'),
    ];
    for (const text of texts) {
      const got = runner.run(request(text));
      expect(got.path).toBe('constant');
      expectSameAnswer(got, fresh(request(text)));
    }
    const pop = (r: RunResponse) => r.runs[0]!.columns.find((c) => c.ident === 'child_population')!.values[0];
    expect(pop(runner.run(request(texts[2]!)))).toBe(95000);
    expect(runner.unconfirmed).toBe(true);
    expect(runner.confirm()).toBeNull();
    expect(runner.unconfirmed).toBe(false);
    expect(runner.run(request(texts[2]!)).path).toBe('cached');
  });

  it('lets a slider override win over the retyped text, and keeps the retyped value in the baseline', () => {
    const runner = new ModelRunner();
    runner.run(request(careText));
    const text = careText.replace(CONSTANT, 'const Child_Population = 90000');
    const got = runner.run(request(text, { child_population: 70000 }));
    expect(got.path).toBe('constant');
    expectSameAnswer(got, fresh(request(text, { child_population: 70000 })));
    const pops = got.runs.map((r) => r.columns.find((c) => c.ident === 'child_population')!.values[0]);
    expect(pops).toEqual([90000, 70000]);
  });

  const small = (order: string, rest = '') => `sim start 0 stop 8 dt 1\nconst input = 10${rest}\nconst order = ${order}\naux out = DELAYN(input * TIME, 2, order)\n`;

  const out = (r: RunResponse, run = 0) => Array.from(r.runs[run]!.columns.find((c) => c.ident === 'out')!.values);

  it('compiles again when a retyped constant is one the compiler reads while compiling (a delay order)', () => {
    const runner = new ModelRunner();
    runner.run(request(small('3')));
    const text = small('1');
    const quick = runner.run(request(text));
    // An override cannot change how many stages the delay was compiled with, so the constant is read as a formula.
    expect(quick.path).toBe('formula');
    const want = fresh(request(text));
    expectSameAnswer(quick, want);
    expect(out(quick)).not.toEqual(out(fresh(request(small('3')))));
    expect(runner.confirm()).toBeNull();
  });

  it('answers a slider on a delay order with a model compiled for that order', () => {
    const runner = new ModelRunner();
    const got = runner.run(request(small('3'), { order: 1 }));
    expect(got.diagnostics).toEqual([]);
    expect(out(got, 0)).toEqual(out(fresh(request(small('3')))));
    expect(out(got, 1)).toEqual(out(fresh(request(small('1')))));
    expect(out(got, 1)).not.toEqual(out(got, 0));
  });

  it('answers an edit inside one formula by reading that formula alone, exactly as a full parse would', () => {
    const cases: [string, string][] = [
      [small('3').replace('input * TIME', 'input * TIME + 1'), 'formula'],
      [small('3').replace('input * TIME', '"input" * (TIME + 1)'), 'formula'],
      [small('3').replace('const order = 3', 'const order = x'), 'formula'], // an unknown name: the compiler's error
      [small('3').replace('const order = 3', 'const order = 3 + 1'), 'formula'], // the delay's order: compiled again
    ];
    for (const [text, path] of cases) {
      const runner = new ModelRunner();
      runner.run(request(small('3')));
      const got = runner.run(request(text));
      expect(got.path, text).toBe(path);
      expectSameAnswer(got, fresh(request(text)));
      expect(runner.confirm(), text).toBeNull();
    }
  });

  it('parses in full any edit a formula alone cannot answer', () => {
    const cases = [
      small('3').replace('const order = 3', 'const order = '), // nothing
      small('3').replace('const order = 3', 'const orde = 3'), // the name
      small('3').replace('const input = 10\n', 'const input = 10\n\n'), // a line after it
      small('3').replace('input * TIME, 2', '(input * TIME, 2'), // an open bracket carries it onto the next line
      small('3').replace('input * TIME', 'input # TIME'), // a comment
      small('3').replace('input * TIME', 'input * * TIME'), // a syntax error
      small('3').replace('const order = 3', 'const order =  3'), // a blank before it moves its column
    ];
    for (const text of cases) {
      const runner = new ModelRunner();
      runner.run(request(small('3')));
      const got = runner.run(request(text));
      expect(got.path, text).toBe('parsed');
      expectSameAnswer(got, fresh(request(text)));
    }
  });

  it('reads a retyped formula of the social care model alone, then a constant on top of it, each as a full parse would', () => {
    const runner = new ModelRunner();
    runner.run(request(careText));
    const formula = 'aux CLA_Rate_per_10000 = Children_in_Care / Child_Population * 10000';
    const edited = careText.replace(formula, `${formula}1`);
    const first = runner.run(request(edited));
    expect(first.path).toBe('formula');
    expectSameAnswer(first, fresh(request(edited)));
    const both = edited.replace(CONSTANT, `${CONSTANT}1`);
    const second = runner.run(request(both));
    expect(second.path).toBe('constant');
    expectSameAnswer(second, fresh(request(both)));
    expect(runner.confirm()).toBeNull();
    expect(runner.run(request(both)).path).toBe('cached');
  });

  it('retypes a constant with a comment after it, or on CRLF lines, and the same answer comes out', () => {
    for (const [before, after] of [
      [small('3', ' # people'), small('3', '5 # people')],
      [small('3').replace(/\n/g, '\r\n'), small('3').replace(/\n/g, '\r\n').replace('input = 10', 'input = 1')],
    ] as const) {
      const runner = new ModelRunner();
      runner.run(request(before));
      const got = runner.run(request(after));
      expect(got.path).toBe('constant');
      expectSameAnswer(got, fresh(request(after)));
      expect(runner.confirm()).toBeNull();
    }
  });
});
