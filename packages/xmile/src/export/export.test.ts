import type { Project } from '@sluice/ir';
import { binary, call, num, ref } from '@sluice/language';
import { describe, expect, it } from 'vitest';
import { exportXmile, importXmile } from '../index.js';

/** A teacup built in code, as the Vensim importer or the text language would hand it over. */
function teacup(): Project {
  return {
    dialect: 'xmile',
    name: 'Teacup & Co',
    simSpecs: { start: 0, stop: 30, dt: 0.25, dtReciprocal: true, method: 'rk4', timeUnits: 'Minutes' },
    units: [{ name: 'Degrees', aliases: ['deg'] }],
    dimensions: [
      { name: 'Cup', ident: 'cup', elements: ['Small', 'Large'] },
      { name: 'Slot', ident: 'slot', elements: ['1', '2', '3'], numbered: true },
    ],
    models: [
      {
        variables: [
          { kind: 'stock', name: 'Teacup Temperature', ident: 'teacup_temperature', equation: { text: '', expr: num(180) }, inflows: [], outflows: ['heat_loss'], nonNegative: true, units: 'Degrees' },
          {
            kind: 'flow',
            name: 'Heat Loss',
            ident: 'heat_loss',
            nonNegative: false,
            equation: { text: '', expr: binary(ref('Teacup Temperature'), '>', call('MAX', num(1), ref('Room'))) },
            doc: 'a < b & c',
          },
          { kind: 'aux', name: 'Room', ident: 'room', equation: { text: '70', expr: num(70) } },
          {
            kind: 'aux',
            name: 'Effect',
            ident: 'effect',
            equation: { text: 'Time', expr: ref('Time') },
            gf: { type: 'extrapolate', xs: [0, 5, 10], ys: [1, 2, 3], xScale: { min: 0, max: 10 }, xFromScale: true },
          },
        ],
      },
    ],
    macros: [],
  };
}

describe('export', () => {
  const text = exportXmile(teacup());

  it('writes the XMILE and isee namespaces and a header Stella reads', () => {
    expect(text).toContain('<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:isee="http://iseesystems.com/XMILE" xmlns:sluice="https://sluice.dev/xmile">');
    expect(text).toContain('<smile version="1.0" namespace="std, isee"/>');
    expect(text).toContain('<name>Teacup &amp; Co</name>');
  });

  it('writes sim specs with the reciprocal dt as written', () => {
    expect(text).toContain('<sim_specs method="RK4" time_units="Minutes">');
    expect(text).toContain('<dt reciprocal="true">4</dt>');
  });

  it('prints equations that have no text, escaping what XML needs', () => {
    expect(text).toContain('<eqn>180</eqn>');
    expect(text).toContain('<eqn>"Teacup Temperature" &gt; MAX(1, Room)</eqn>');
    expect(text).toContain('<doc>a &lt; b &amp; c</doc>');
  });

  it('writes a gf from its scale, dimensions named and numbered', () => {
    expect(text).toMatch(/<gf type="extrapolate">\s*<xscale min="0" max="10"\/>\s*<ypts>1,2,3<\/ypts>\s*<\/gf>/);
    expect(text).toMatch(/<dim name="Cup">\s*<elem name="Small"\/>\s*<elem name="Large"\/>\s*<\/dim>/);
    expect(text).toContain('<dim name="Slot" size="3"/>');
  });

  it('draws a diagram for a model without views', () => {
    expect(text).toContain('<stock name="Teacup_Temperature" x="200" y="150"/>');
    expect(text).toMatch(/<flow name="Heat_Loss" x="277" y="150">\s*<pts>\s*<pt x="222" y="150"\/>\s*<pt x="332" y="150"\/>/);
    expect(text).toContain('<aux name="Room" x="150" y="270"/>');
  });

  it('reads back to the same model', () => {
    const r = importXmile(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.simSpecs).toEqual({ start: 0, stop: 30, dt: 0.25, dtReciprocal: true, method: 'rk4', timeUnits: 'Minutes', loc: { line: 12, column: 3 } });
    expect(p.units).toEqual([{ name: 'Degrees', aliases: ['deg'] }]);
    expect(p.dimensions.map((d) => [d.name, d.elements, d.numbered ?? false])).toEqual([
      ['Cup', ['Small', 'Large'], false],
      ['Slot', ['1', '2', '3'], true],
    ]);
    const vars = p.models[0]?.variables ?? [];
    expect(vars.map((v) => [v.kind, v.name, v.equation?.text])).toEqual([
      ['stock', 'Teacup Temperature', '180'],
      ['flow', 'Heat Loss', '"Teacup Temperature" > MAX(1, Room)'],
      ['aux', 'Room', '70'],
      ['aux', 'Effect', 'Time'],
    ]);
    const stock = vars[0];
    expect(stock?.kind === 'stock' && stock.outflows).toEqual(['heat_loss']);
    expect(vars[1]?.doc).toBe('a < b & c');
    expect(vars[3]?.gf).toEqual({ type: 'extrapolate', xs: [0, 5, 10], ys: [1, 2, 3], xScale: { min: 0, max: 10 }, xFromScale: true });
  });
});

describe('export of a Vensim model', () => {
  it('names the net flow of an INTEG stock and prints equations from their parse', () => {
    const p: Project = {
      dialect: 'vensim',
      source: { format: 'mdl', file: 'pop.mdl' },
      simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' },
      units: [],
      dimensions: [],
      models: [
        {
          variables: [
            {
              kind: 'stock',
              name: 'Population',
              ident: 'population',
              equation: { text: '100', expr: num(100) },
              netFlow: { text: 'births :AND: 1', expr: binary(ref('births'), '-', num(1)) },
              inflows: [],
              outflows: [],
              nonNegative: false,
            },
            { kind: 'aux', name: 'births', ident: 'births', equation: { text: '5', expr: num(5) } },
          ],
        },
      ],
      macros: [],
    };
    const text = exportXmile(p);
    expect(text).toMatch(/<stock name="Population">\s*<eqn>100<\/eqn>\s*<inflow>Population_net_flow<\/inflow>\s*<\/stock>/);
    expect(text).toMatch(/<flow name="Population net flow" sluice:net_flow="true">\s*<eqn>births - 1<\/eqn>\s*<\/flow>/);
    expect(text).toContain('<sluice:dialect>vensim</sluice:dialect>');
    const back = importXmile(text);
    if (!back.ok) throw new Error(back.diagnostics[0]?.message);
    // The marked flow folds back into the stock: the IR is the one exported.
    expect(back.value.dialect).toBe('vensim');
    expect(back.value.models[0]?.variables.map((v) => v.ident)).toEqual(['population', 'births']);
    const stock = back.value.models[0]?.variables[0];
    expect(stock?.kind === 'stock' && [stock.inflows, stock.netFlow?.text]).toEqual([[], 'births - 1']);
  });
});
