import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@sluice/ir';
import { importVensim } from './import.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const errors = (text: string) => {
  const r = importVensim(text, { file: 'm.mdl' });
  return r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d));
};

describe('MIN and MAX in a .mdl take two arguments', () => {
  it('refuses MIN and MAX with one argument, at the call', () => {
    expect(errors(`a = 3 ~~|\nb = 1 + MIN(a) ~~|\nc[d] = MAX(a, 2, 3) ~~|\nd: d1, d2 ~~|\n${CONTROL}`)).toEqual([
      'm.mdl:2:9: error: MIN takes 2 arguments in Vensim, not 1 (VMIN and VMAX take an array)',
      'm.mdl:3:8: error: MAX takes 2 arguments in Vensim, not 3 (VMIN and VMAX take an array)',
    ]);
  });

  it('reports an equation over a range once, not once per element', () => {
    expect(errors(`D: d1, d2, d3 ~~|\nE: e1, e2 ~~|\ny[D] = 1 ~~|\nx[D,e1] = MIN(y[D]) ~~|\nx[D,e2] = 2 ~~|\n${CONTROL}`)).toEqual([
      'm.mdl:4:11: error: MIN takes 2 arguments in Vensim, not 1 (VMIN and VMAX take an array)',
    ]);
  });

  it('accepts two', () => {
    expect(errors(`a = 3 ~~|\nb = MIN(a, 2) + MAX(a, 1) ~~|\n${CONTROL}`)).toEqual([]);
  });
});
