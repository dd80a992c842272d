import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@sluice/ir';
import { simulate } from '@sluice/runtime';
import { importVensim } from '@sluice/vensim';
import { compile } from '../index.js';

/** Columns of a Vensim model run over TIME 0..2 (DT 1). */
function run(equations: string): Map<string, number[]> {
  const control = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|';
  const imported = importVensim(`{UTF-8}\n${equations}\n${control}\n`, { file: 'm.mdl' });
  if (!imported.ok) throw new Error(imported.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  const compiled = compile(imported.value);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  const result = simulate(compiled.value);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return new Map(result.value.columns.map((c) => [c.name, Array.from(c.values)]));
}

describe('ALLOCATE AVAILABLE in a Vensim model', () => {
  // Vensim's own layout: requesters, then a profile range whose first element names the profile.
  const model = [
    'branch: Boston, Dayton ~~|',
    'pprofile: ptype, ppriority, pwidth, pextra ~~|',
    'demand[branch] = 10, 10 ~~|',
    'priority[Boston, pprofile] = 1, 5, 2, 0 ~~|',
    'priority[Dayton, pprofile] = 1, 4.5, 2, 0 ~~|',
    'supply = 10 + 15 * STEP(1, 1) - 25 * STEP(1, 2) ~~|',
    'shipments[branch] = ALLOCATE AVAILABLE(demand[branch], priority[branch, ptype], supply) ~~|',
    'total = SUM(shipments[branch!]) ~~|',
  ].join('\n');

  it('shares a shortage by the profiles, fills every demand in plenty, gives nothing from nothing', () => {
    const cols = run(model);
    // Supply 10: overlapping rectangular ramps clear at level 4.75 (see the helper's tests).
    expect(cols.get('shipments[Boston]')![0]).toBeCloseTo(6.25, 12);
    expect(cols.get('shipments[Dayton]')![0]).toBeCloseTo(3.75, 12);
    expect(cols.get('total')![0]).toBeCloseTo(10, 12);
    expect(cols.get('shipments[Boston]')![1]).toBe(10);
    expect(cols.get('shipments[Dayton]')![1]).toBe(10);
    expect(cols.get('total')![2]).toBe(0);
  });

  it('reads the profile written with the range name as from its first element', () => {
    const cols = run(model.replace('priority[branch, ptype]', 'priority[branch, pprofile]'));
    expect(cols.get('shipments[Boston]')![0]).toBeCloseTo(6.25, 12);
  });
});
