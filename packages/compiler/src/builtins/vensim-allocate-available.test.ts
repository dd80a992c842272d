import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '@sluice/ir';
import { simulate } from '@sluice/runtime';
import { importVensim } from '@sluice/vensim';
import { compile } from '../index.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|';

/** The model compiled, or its compile diagnostics. */
function compileModel(equations: string): ReturnType<typeof compile> {
  const imported = importVensim(`{UTF-8}\n${equations}\n${CONTROL}\n`, { file: 'm.mdl' });
  if (!imported.ok) throw new Error(imported.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return compile(imported.value);
}

/** Columns of a Vensim model run over TIME 0..2 (DT 1). */
function run(equations: string): Map<string, number[]> {
  const compiled = compileModel(equations);
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

  /** The diagnostic compiling the model with Dayton's ptype set to `ptype` gives. */
  function refusal(ptype: string): Diagnostic {
    const compiled = compileModel(model.replace('priority[Dayton, pprofile] = 1,', `priority[Dayton, pprofile] = ${ptype},`));
    if (compiled.ok) throw new Error(`ptype ${ptype} compiled`);
    // The equation is emitted in the initial and the step pass; each may report it.
    const first = compiled.diagnostics[0]!;
    expect(compiled.diagnostics.every((d) => d.message === first.message)).toBe(true);
    return first;
  }

  it('refuses the forms Vensim names but does not define, at the ptype that asks for one', () => {
    const elasticity = refusal('5');
    expect(elasticity.code).toBe('unsupported');
    expect(elasticity.message).toMatch(/constant elasticity curve \(ptype 5\)/);
    // Line 6 of the file ({UTF-8} is line 1) is Dayton's profile; column 30 its first number.
    expect([elasticity.loc?.file, elasticity.loc?.line, elasticity.loc?.column]).toEqual(['m.mdl', 6, 30]);
    expect(refusal('13').message).toMatch(/integer form of a priority curve \(ptype 13, curve 3 \+ 10\)/);
    expect(refusal('15').message).toMatch(/integer constant elasticity curve \(ptype 15\)/);
    expect(refusal('7').message).toMatch(/ptype 7 is not a priority curve type/);
    expect(refusal('2.5').message).toMatch(/ptype 2.5 is not a priority curve type/);
  });

  it('still compiles every defined curve type', () => {
    for (const ptype of ['0', '1', '2', '3', '4']) {
      expect(compileModel(model.replace('priority[Dayton, pprofile] = 1,', `priority[Dayton, pprofile] = ${ptype},`)).ok).toBe(true);
    }
  });
});
