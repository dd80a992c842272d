import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@sluice/ir';
import { parseSluice } from './index.js';

/** The diagnostics of a text that must fail, as `file:line:col: error: message` lines. */
function errorsOf(text: string): string[] {
  const r = parseSluice(text, { file: 'm.sluice' });
  if (r.ok) throw new Error('expected the text to fail');
  return r.diagnostics.map((d) => formatDiagnostic(d));
}

const sim = 'sim start 0 stop 10 dt 1\n';

describe('parseSluice errors', () => {
  it('reports a stray word once, at its column, and goes on', () => {
    expect(errorsOf(`${sim}aux c d = 3\nconst e = 4\n`)).toEqual([
      "m.sluice:2:7: error: unexpected 'd': expected an attribute of the declaration above or a new declaration (stock, flow, aux, const, ...)",
    ]);
  });

  it('reports an error inside a formula at its place in the file', () => {
    expect(errorsOf(`${sim}\nflow f = (a +\n  * b)\nconst a = 1\nconst b = 2\n`)).toEqual([
      expect.stringMatching(/^m\.sluice:4:3: error: /),
    ]);
  });

  it('finds several independent mistakes in one run, one message each', () => {
    const text = [
      'sim start 0 stop 1', // 1
      'stock a = 1', // 2
      '  inflow ,b', // 3: a name is missing
      'flow b = 2', // 4
      'aux c d = 3', // 5: stray d
      'const e = 4 +', // 6: formula ends early
      'model M', // 7
      '  aux q = 1', // 8
      '  dimension x: a', // 9: misplaced
      '  aux ) = 4', // 10: not a name
      'end', // 11
      'aux z = 1', // 12
      'flow q = @', // 13: bad character in a formula
    ].join('\n');
    const errors = errorsOf(text);
    expect(errors.map((e) => e.split(': error')[0])).toEqual(['m.sluice:3:10', 'm.sluice:5:7', 'm.sluice:6:14', 'm.sluice:9:3', 'm.sluice:10:7', 'm.sluice:13:10']);
    expect(errors[0]).toBe("m.sluice:3:10: error: expected a name in a stock but found ','");
    expect(errors[3]).toBe("m.sluice:9:3: error: 'dimension' belongs at the top of the file, not inside a model or macro");
  });

  it('reports a flow that is not declared, or not a flow', () => {
    expect(errorsOf(`${sim}stock s = 1\n  inflow births, ghost\n  outflow x\nflow births = 1\naux x = 2\n`)).toEqual([
      'm.sluice:3:18: error: ghost is not declared in this model',
      'm.sluice:4:11: error: x is an aux, not a flow',
    ]);
  });

  it('reports a variable declared twice at its second declaration', () => {
    expect(errorsOf(`${sim}const a = 1\nconst A = 2\n`)).toEqual(['m.sluice:3:7: error: A is declared twice (first declared on line 2)']);
  });

  it('reports an attribute given twice', () => {
    expect(errorsOf(`${sim}const a = 1\n  units x\n  units y\n`)).toEqual(['m.sluice:4:3: error: a already has units']);
  });

  it('reports a missing sim line and a sim line without stop', () => {
    expect(errorsOf('const a = 1\n')).toEqual(["m.sluice:1:1: error: the file needs a sim line, e.g. 'sim start 0 stop 100 dt 1'"]);
    expect(errorsOf('\nsim start 0 dt 1\n')).toEqual(["m.sluice:2:1: error: the sim line needs 'stop'"]);
  });

  it('reports units written before the other sim settings, once', () => {
    expect(errorsOf('sim units months start 0 stop 10\n')).toEqual(["m.sluice:1:5: error: 'units' must come last on the sim line: it takes the rest of the line"]);
  });

  it('reports an unknown integration method and graph type', () => {
    expect(errorsOf('sim start 0 stop 1 method heun\n')).toEqual(["m.sluice:1:27: error: unknown integration method 'heun': expected euler, rk2 or rk4"]);
    expect(errorsOf(`${sim}aux g = 1\n  graph smooth: (0, 0)\n`)).toEqual([
      "m.sluice:3:9: error: unknown graph type 'smooth': expected continuous, extrapolate or discrete",
    ]);
  });

  it('reports graph x values that go backwards', () => {
    expect(errorsOf(`${sim}aux g = 1\n  graph: (0, 0), (2, 1), (1, 2)\n`)).toEqual([
      'm.sluice:3:26: error: graph x values must not decrease: 1 comes after 2',
    ]);
  });

  it('reports a module of an unknown model and an end with nothing to close', () => {
    expect(errorsOf(`${sim}module m: Nowhere\nend\n`)).toEqual([
      'm.sluice:2:11: error: there is no model Nowhere in this file',
      "m.sluice:3:1: error: unexpected 'end': there is no model or macro to end here",
    ]);
  });

  it('reports a model without its end at the end of the file', () => {
    expect(errorsOf(`${sim}model M\n  const a = 1\n`)).toEqual(["m.sluice:3:14: error: expected 'end' in a model but found the end of the file"]);
  });

  it('reports an unterminated quoted name', () => {
    expect(errorsOf(`${sim}const "abc = 1\nconst b = 2\n`)).toEqual([
      'm.sluice:2:7: error: this quoted text does not end on its line',
    ]);
  });

  it('reports an inflow on a variable that is not a stock', () => {
    expect(errorsOf(`${sim}aux a = 1\n  inflow f\nflow f = 1\n`)).toEqual(['m.sluice:3:3: error: only a stock has inflows; a is not a stock']);
  });

  it('reports a character the language does not use', () => {
    expect(errorsOf(`${sim}const a = 1\n  units x\n  ; doc "y"\n`)).toEqual(["m.sluice:4:3: error: unexpected character ';'"]);
  });

  it('reports conveyor lines on a stock that is not a conveyor, and a leak that is not an outflow', () => {
    expect(errorsOf(`${sim}stock s = 0\n  capacity = 4\nstock c = 0\n  conveyor = 3\n  leak f\nflow f = 1\n`)).toEqual([
      "m.sluice:3:3: error: 'capacity' needs a conveyor: add 'conveyor = transit time' to s",
      'm.sluice:6:8: error: f leaks from c but is not one of its outflows',
    ]);
  });

  it('reports a forgotten closing bracket on its own line, and keeps the lines after it', () => {
    expect(errorsOf(`${sim}aux a = (1 + 2\n  units x\naux b = (\nconst c = 3\n  doc "c"\n`)).toEqual([
      "m.sluice:2:15: error: expected ')' to close the '(' at line 2, column 9, but the equation ends here",
      "m.sluice:4:10: error: expected a value after '(', but the equation ends here",
    ]);
  });

  it('never throws on hostile input', () => {
    for (const text of ['"', '=', '[[[[', 'stock', 'sim start', '(((((((((((', 'graph: (', 'macro m(', '\u0000\uffff', 'aux x = ' + '('.repeat(5000)]) {
      const r = parseSluice(text);
      expect(r.ok).toBe(false);
    }
  });
});
