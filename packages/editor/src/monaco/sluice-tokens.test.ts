import { describe, expect, it } from 'vitest';
import { tokenizeLine, type LineState } from './sluice-tokens.js';

const start: LineState = { formulaDepth: null, inComment: false };
const isBuiltin = (name: string) => ['SMTH1', 'MAX', 'TIME'].includes(name.toUpperCase());
const types = (line: string, state = start) => {
  const out = tokenizeLine(line, state, isBuiltin);
  return { tokens: out.tokens.map((t) => [line.slice(t.start).match(/^\S*/)?.[0] ?? '', t.type]), state: out.state };
};

describe('Sluice highlighting', () => {
  it('marks keywords, names, the formula and a comment', () => {
    expect(types('const Room_Temperature = 70 # room').tokens).toEqual([
      ['const', 'keyword'],
      ['Room_Temperature', 'identifier'],
      ['=', 'operator'],
      ['70', 'number'],
      ['#', 'comment'],
    ]);
  });

  it('marks builtins and formula keywords inside a formula only', () => {
    expect(types('aux s = IF TIME > 3 THEN SMTH1(x, 2) ELSE 0').tokens.map((t) => t[1])).toEqual([
      'keyword', 'identifier', 'operator', 'keyword', 'predefined', 'operator', 'number', 'keyword', 'predefined', 'delimiter', 'identifier', 'delimiter', 'number', 'delimiter', 'keyword', 'number',
    ]);
  });

  it('takes the rest of a units line as units text', () => {
    expect(types('  units Degrees Fahrenheit/Minute').tokens).toEqual([
      ['units', 'keyword'],
      ['', 'type'],
    ]);
  });

  it('keeps a formula open across lines while a bracket is open', () => {
    const first = types('aux wrapped = (1 + 2');
    expect(first.state).toEqual({ formulaDepth: 1, inComment: false });
    const second = types('  + stock)', first.state);
    // `stock` inside the formula is a name, not the keyword.
    expect(second.tokens.map((t) => t[1])).toEqual(['operator', 'identifier', 'delimiter']);
    expect(second.state).toEqual({ formulaDepth: null, inComment: false });
  });

  it('reads strings and quoted names', () => {
    expect(types('  doc "A \\"quoted\\" doc"').tokens).toEqual([
      ['doc', 'keyword'],
      ['"A', 'string'],
    ]);
    expect(types('aux a = "Heat Loss" * 2').tokens.map((t) => t[1])).toEqual(['keyword', 'identifier', 'operator', 'identifier', 'operator', 'number']);
  });
});
