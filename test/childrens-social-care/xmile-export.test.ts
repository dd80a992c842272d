// The example ships csc.xmile, generated from the .sluice model with
// `npx sluice convert examples/childrens-social-care/childrens-social-care.sluice --to xmile -o examples/childrens-social-care/csc.xmile --force`
// so that Stella users can open it. This test reads it back and checks that it computes
// exactly what the text model computes; it fails when the XMILE file is out of date.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '@sluice/ir';
import { importXmile } from '@sluice/xmile';
import { compileProject, loadScenarios, model, run } from './csc-model.js';

const xmileFile = fileURLToPath(new URL('../../examples/childrens-social-care/csc.xmile', import.meta.url));

function loadXmile() {
  const r = importXmile(readFileSync(xmileFile, 'utf8'), { file: xmileFile });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return r.value;
}

describe('csc.xmile', () => {
  const project = loadXmile();
  const fromXmile = compileProject(project);

  test('keeps the simulation settings: months 0 to 180, DT 0.25, Euler', () => {
    expect(project.simSpecs).toMatchObject({ start: 0, stop: 180, dt: 0.25, method: 'euler' });
  });

  test('has the same variables as the text model', () => {
    const names = (outputs: { ident: string }[]) => outputs.map((o) => o.ident).sort();
    expect(names(fromXmile.outputs)).toEqual(names(model().outputs));
  });

  test.each(['S0', 'S4b', 'S5b', 'T1'])('%s gives the same results from the XMILE file as from the text model', (name) => {
    const overrides = loadScenarios().get(name)!.overrides;
    const text = run({ overrides });
    const xmile = run({ overrides }, fromXmile);
    for (const o of model().outputs) {
      const a = text.series(o.ident);
      const b = xmile.series(o.ident);
      for (let k = 0; k < a.length; k++) {
        if (Math.abs(a[k]! - b[k]!) > 1e-9 * Math.max(1, Math.abs(a[k]!))) expect.fail(`${o.name} at t = ${text.times[k]}: ${a[k]} vs ${b[k]}`);
      }
    }
  });
});
