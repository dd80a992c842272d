import { describe, expect, it } from 'vitest';
import { parseSluice } from '@sluice/language';
import { constantEdit, formatNumber } from './constant-edit.js';
import { ModelIndex } from './model-index.js';

const text = `sim start 0 stop 10 dt 1
stock Population = 1000
  inflow births
flow births = Population * birth_rate
const birth_rate = 0.03
  units 1/year [0, 0.1]
  doc "Births per person per year"
const offset = -2
aux growth = births + offset
loop R1 "Births": Population -> births
`;

function index(): ModelIndex {
  const parsed = parseSluice(text, { file: 'pop.sluice' });
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return new ModelIndex(parsed.value);
}

describe('the model index', () => {
  it('knows each variable with its causes, uses and loops', () => {
    const births = index().get('births');
    expect(births).toMatchObject({ name: 'births', kind: 'flow', causes: ['birth_rate', 'population'], uses: ['growth', 'population'], loops: ['R1 Births'] });
    expect(index().get('population')?.causes).toEqual(['births']);
  });

  it('lists the constants a slider can set, negative ones included', () => {
    expect(index().constants().map((c) => [c.ident, c.constant])).toEqual([
      ['birth_rate', 0.03],
      ['offset', -2],
    ]);
  });

  it('finds the name written at a position, and every place a name is written', () => {
    const ix = index();
    // Line 4: `flow births = Population * birth_rate`; Population starts in column 15.
    expect(ix.siteAt(4, 17)?.ident).toBe('population');
    expect(ix.sitesOf('birth_rate').map((s) => [s.loc.line, s.definition])).toEqual([
      [5, true],
      [4, false],
    ]);
  });
});

describe('writing a slider value into the text', () => {
  it('replaces exactly the number of the constant', () => {
    const v = index().get('birth_rate');
    if (!v) throw new Error('no birth_rate');
    const edit = constantEdit(text, v, 0.045);
    expect(edit).toEqual({ startLine: 5, startColumn: 20, endLine: 5, endColumn: 24, text: '0.045' });
  });

  it('replaces a negative constant whole', () => {
    const v = index().get('offset');
    if (!v) throw new Error('no offset');
    expect(constantEdit(text, v, 3)).toMatchObject({ startLine: 8, startColumn: 16, endColumn: 18, text: '3' });
  });

  it('refuses when the text has changed under the constant', () => {
    const v = index().get('birth_rate');
    if (!v) throw new Error('no birth_rate');
    expect(constantEdit(text.replace('0.03', '0.04'), v, 1)).toBeUndefined();
  });

  it('prints numbers as a modeller types them', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(75)).toBe('75');
    expect(formatNumber(1e-7)).toBe('1e-7');
  });
});
