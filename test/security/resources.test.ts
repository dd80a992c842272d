// Bounded resources beyond file size: recursion in hostile structures (a module containing
// itself, a macro calling itself), orders and element counts that would allocate without end,
// and equations long enough to exhaust the stack of a recursive tree walk.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@sluice/ir';
import { parseEquation, parseSluice } from '@sluice/language';
import { importVensim } from '@sluice/vensim';
import { errorLines, travel } from './pipeline.js';

const xmile = (variables: string, dimensions = '', after = '') =>
  `<?xml version="1.0"?>\n<xmile version="1.0">\n<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>\n${dimensions}<model><variables>\n${variables}\n</variables></model>\n${after}</xmile>\n`;
const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

describe('recursion in the model is refused, naming the cycle', () => {
  it('a module that contains itself', () => {
    const trip = travel(xmile('<module name="m"/>', '', '<model name="m"><variables><module name="m"/><aux name="x"><eqn>1</eqn></aux></variables></model>'), 'self.xmile');
    expect(trip.reached).toBe('compile');
    // The unnamed main model is left out of the chain.
    expect(errorLines(trip)).toEqual(['self.xmile:7:28: error: module m instantiates model m, which contains it: m → m']);
  });

  it('a macro that calls itself', () => {
    const trip = travel(xmile('<aux name="a"><eqn>f(1)</eqn></aux>', '', '<macro name="f"><parm>x</parm><eqn>f(x) + 1</eqn></macro>'), 'rec.xmile');
    expect(errorLines(trip)).toEqual(['rec.xmile:7:36: error: macro f calls itself: f → f']);
  });
});

describe('sizes that would allocate without end are refused', () => {
  it('a delay of order 10^9 (XMILE and Vensim)', () => {
    expect(errorLines(travel(xmile('<aux name="a"><eqn>DELAYN(1, 1, 1000000000, 0)</eqn></aux>'), 'd.xmile'))).toEqual([
      'd.xmile:5:20: error: DELAYN: the order of a delay or smooth must be from 1 to 1000, not 1000000000',
    ]);
    expect(errorLines(travel(`a = DELAY N(1, 1, 0, 1e9) ~~|\n${CONTROL}`, 'd.mdl'))).toEqual([
      'd.mdl:1:5: error: DELAY N: the order of a delay or smooth must be from 1 to 1000, not 1000000000',
    ]);
  });

  it('a numbered XMILE dimension of 10^8 elements is refused before any is made', () => {
    const started = Date.now();
    const x = travel(xmile('<aux name="a"><eqn>1</eqn></aux>', '<dimensions><dim name="d" size="100000000"/></dimensions>'), 'big.xmile');
    expect(errorLines(x)).toEqual(['big.xmile:4:13: error: dimension "d" has size 100000000, more than the 1000000 elements a dimension may have']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('an array of 10^10 elements (two dimensions of 10^5)', () => {
    const x = travel(xmile('<aux name="a"><dimensions><dim name="d"/><dim name="e"/></dimensions><eqn>1</eqn></aux>', '<dimensions><dim name="d" size="100000"/><dim name="e" size="100000"/></dimensions>'), 'a.xmile');
    expect(errorLines(x)).toEqual(["a.xmile:5:1: error: 'a' would have 10000000000 elements (at most 10000000)"]);
    const m = travel(`d: (e1-e100000) ~~|\nf: (g1-g100000) ~~|\na[d,f] = 1 ~~|\n${CONTROL}`, 'a.mdl');
    expect(errorLines(m)).toEqual(["a.mdl:3:1: error: 'a' would have 10000000000 elements (at most 10000000)"]);
  });
});

describe('huge declared dimensions', () => {
  // A numbered range is counted before it is made, and its elements are appended one by one
  // (a range spread into push() overflowed the stack at 500,000). XMILE's <dim size="10000000">
  // still takes seconds and hundreds of MB at import, before the compiler's element limit.
  it('importVensim returns, not throws, for a range of 500,000 elements', () => {
    expect(() => importVensim(`d: (e1-e500000) ~~|\na = 1 ~~|\n${CONTROL}`, { file: 'range.mdl' })).not.toThrow();
  });

  it('a numbered range of a billion elements is refused at once, at the range', () => {
    const started = Date.now();
    expect(errorLines(travel(`d: (e1-e1000000000) ~~|\na = 1 ~~|\n${CONTROL}`, 'range.mdl'))).toEqual([
      'range.mdl:1:5: error: subscript range (e1-e1000000000) would have 1000000000 elements (at most 1000000)',
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a range built from numbered ranges is held to the same limit', () => {
    expect(errorLines(travel(`d: (e1-e600000), (f1-f600000) ~~|\na = 1 ~~|\n${CONTROL}`, 'range.mdl'))).toEqual([
      'range.mdl:1:1: error: subscript range d would have more than 1000000 elements',
    ]);
  });
});

describe('long equations', () => {
  const sum = (n: number) => Array.from({ length: n }, () => '1').join('+');

  it('a 2,000-term sum runs in every format', () => {
    expect(parseEquation(sum(2000), { file: 'f.xmile', line: 2, column: 3 }).expr).not.toBeNull();
    const trip = travel(`sim start 0 stop 1 dt 1\naux a = ${sum(2000)}\n`, 'long.sluice');
    expect(trip.reached).toBe('done');
    expect(trip.run?.columns.find((c) => c.name === 'a')?.values[0]).toBe(2000);
  });

  it('a 5,000-term sum is refused where it starts, before the compiler would overflow its stack', () => {
    expect(parseEquation(sum(5000), { file: 'f.xmile', line: 2, column: 3 }).diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'f.xmile:2:3: error: the equation is more than 2000 operations deep: split it into smaller equations',
    ]);
    expect(errorLines(travel(`sim start 0 stop 1 dt 1\naux a = ${sum(5000)}\n`, 'long.sluice'))).toEqual([
      'long.sluice:2:9: error: the equation is more than 2000 operations deep: split it into smaller equations',
    ]);
  });

  it('a 100,000-term sum in a .mdl is refused with a located error', () => {
    expect(errorLines(travel(`a = ${sum(100_000)} ~~|\n${CONTROL}`, 'long.mdl'))).toEqual(['long.mdl:1:8004: error: the equation nests parentheses or operators more than 200 deep']);
  });

  // Shifting locations to file coordinates walks the tree with its own stack, so a flat sum
  // far longer than the call stack allows still parses.
  it('a 20,000-term sum in XMILE is refused at its equation, not as an unreadable file', () => {
    expect(errorLines(travel(xmile(`<aux name="a"><eqn>${sum(20_000)}</eqn></aux>`), 'long.xmile'))).toEqual([
      'long.xmile:5:20: error: the equation is more than 2000 operations deep: split it into smaller equations',
    ]);
  });

  it('parseEquation with an origin returns, not throws, for a 20,000-term sum', () => {
    expect(() => parseEquation(sum(20_000), { file: 'f.xmile', line: 2, column: 3 })).not.toThrow();
  });

  it('parseSluice returns, not throws, for a 20,000-term sum', () => {
    expect(() => parseSluice(`sim start 0 stop 1 dt 1\naux a = ${sum(20_000)}\n`, { file: 'long.sluice' })).not.toThrow();
  });
});
