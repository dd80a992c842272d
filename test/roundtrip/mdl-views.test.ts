// A Vensim model converted to XMILE keeps its sketch as XMILE views, its units and its
// comments (as <doc>), and runs to the same numbers when the XMILE is read back.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '@sluice/compiler';
import { formatDiagnostic, type Project } from '@sluice/ir';
import { simulate } from '@sluice/runtime';
import { importVensim } from '@sluice/vensim';
import { exportXmile, importXmile } from '@sluice/xmile';

const teacupFile = resolve('../shared/test-models/samples/teacup/teacup.mdl');

function ok<T>(r: { ok: true; value: T } | { ok: false; diagnostics: Parameters<typeof formatDiagnostic>[0][] }): T {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return r.value;
}

function finalTemperature(project: Project): number {
  const run = ok(simulate(ok(compile(project))));
  const column = run.columns.find((c) => c.name === 'Teacup Temperature')!;
  return column.values[column.values.length - 1]!;
}

describe('teacup.mdl converted to XMILE', () => {
  const mdl = ok(importVensim(readFileSync(teacupFile, 'utf8'), { file: teacupFile }));
  const xmile = exportXmile(mdl);
  const back = ok(importXmile(xmile, { file: 'teacup.xmile' }));

  it("draws Vensim's sketch: the stock, its outflow's pipe to a cloud, the auxiliaries and arrows where Vensim has them", () => {
    const views = xmile.slice(xmile.indexOf('<views>'), xmile.indexOf('</views>'));
    // From the sketch: stock at (307,235), 40 by 20 half sizes; valve at (408,235); cloud at (479,235).
    expect(views).toContain('<stock name="Teacup_Temperature" x="307" y="235" width="80" height="40"/>');
    expect(views).toMatch(/<flow name="Heat_Loss_to_Room" x="408" y="235">\s*<pts>\s*<pt x="347" y="235"\/>\s*<pt x="479" y="235"\/>/);
    expect(views).toContain('<aux name="Room_Temperature" x="469" y="304"/>');
    expect(views).toContain('<aux name="Characteristic_Time" x="408" y="174"/>');
    expect(views.match(/<connector /g)).toHaveLength(3);
    expect(views).toMatch(/<connector uid="9" angle="270">\s*<from>Characteristic_Time<\/from>\s*<to>Heat_Loss_to_Room<\/to>/);
  });

  it('makes the rate a flow out of the stock, and keeps units and comments', () => {
    const vars = new Map(back.models[0]!.variables.map((v) => [v.ident, v]));
    expect(vars.get('teacup_temperature')).toMatchObject({ kind: 'stock', inflows: [], outflows: ['heat_loss_to_room'], units: 'Degrees Fahrenheit' });
    expect(vars.get('heat_loss_to_room')).toMatchObject({ kind: 'flow', units: 'Degrees Fahrenheit/Minute' });
    expect(vars.get('characteristic_time')?.doc).toBe('How long will it take the teacup to cool 1/e of the way to equilibrium?');
    expect(xmile).toContain('<doc>How long will it take the teacup to cool 1/e of the way to equilibrium?</doc>');
  });

  it('runs to the same numbers', () => {
    const original = finalTemperature(mdl);
    expect(original).toBeGreaterThan(70);
    expect(original).toBeLessThan(180);
    expect(finalTemperature(back)).toBe(original);
  });
});
