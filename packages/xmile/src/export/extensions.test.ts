import type { Project } from '@sluice/ir';
import { binary, num, ref } from '@sluice/language';
import { describe, expect, it } from 'vitest';
import { exportXmile, importXmile } from '../index.js';

/** What XMILE 1.0 cannot say, as the Vensim importer hands it over. */
function vensimProject(): Project {
  return {
    dialect: 'vensim',
    source: { format: 'mdl' },
    simSpecs: { start: 0, stop: 10, dt: 0.5, method: 'euler', saveStep: 1, equations: { saveStep: { text: 'dt * 2', expr: binary(ref('dt'), '*', num(2)) } } },
    units: [],
    dimensions: [
      { name: 'Region', ident: 'region', elements: ['North', 'South', 'East'], mappings: [{ to: 'zone', elements: ['z1', 'z2', 'z2'] }] },
      { name: 'Coast', ident: 'coast', elements: ['South', 'East'], parent: 'region' },
      { name: 'Zone', ident: 'zone', elements: ['z1', 'z2'] },
      { name: 'Area', ident: 'area', elements: ['North', 'South', 'East'], aliasOf: 'region' },
    ],
    models: [
      {
        variables: [
          { kind: 'aux', name: 'Target', ident: 'target', equation: { text: '2', expr: num(2) }, initialEquation: { text: '7', expr: num(7) } },
          {
            kind: 'aux',
            name: 'Share',
            ident: 'share',
            dimensions: ['Region'],
            elements: [
              { subscripts: ['North'], equation: { text: '1', expr: num(1) }, initialEquation: { text: '3', expr: num(3) } },
              { subscripts: ['South'], equation: { text: '', expr: null }, gf: { type: 'continuous', xs: [0, 1], ys: [-0, 1] } },
            ],
          },
        ],
        loops: [{ name: 'R1', variables: ['target', 'share'], doc: 'a loop' }],
      },
    ],
    macros: [],
  };
}

describe('Sluice extensions in XMILE', () => {
  const text = exportXmile(vensimProject());

  it('writes what XMILE lacks in the sluice: namespace', () => {
    expect(text).toContain('xmlns:sluice="https://sluice.dev/xmile"');
    expect(text).toContain('<sluice:dialect>vensim</sluice:dialect>');
    expect(text).toContain('<sluice:eqn spec="saveStep">dt * 2</sluice:eqn>');
    expect(text).toContain('<dim name="Coast" sluice:parent="region">');
    expect(text).toContain('<dim name="Area" sluice:alias_of="region">');
    expect(text).toMatch(/<sluice:map to="zone">\s*<sluice:elem name="z1"\/>\s*<sluice:elem name="z2"\/>\s*<sluice:elem name="z2"\/>\s*<\/sluice:map>/);
    expect(text).toContain('<sluice:active_initial>7</sluice:active_initial>');
    expect(text).toMatch(/<sluice:loop name="R1">\s*<sluice:var name="target"\/>\s*<sluice:var name="share"\/>\s*<sluice:doc>a loop<\/sluice:doc>/);
  });

  it('reads them back into the same IR', () => {
    const back = importXmile(text);
    if (!back.ok) throw new Error(back.diagnostics[0]?.message);
    const p = back.value;
    const original = vensimProject();
    expect(p.dialect).toBe('vensim');
    expect(p.simSpecs.equations?.saveStep?.text).toBe('dt * 2');
    expect(p.dimensions.map(({ loc: _loc, ...d }) => d)).toEqual(original.dimensions);
    const [target, share] = p.models[0]!.variables;
    expect(target?.initialEquation?.text).toBe('7');
    expect(share?.elements?.map((e) => [e.subscripts, e.equation.text, e.initialEquation?.text, e.gf?.ys])).toEqual([
      [['North'], '1', '3', undefined],
      [['South'], '', undefined, [-0, 1]],
    ]);
    expect(Object.is(share?.elements?.[1]?.gf?.ys[0], -0)).toBe(true);
    expect(p.models[0]!.loops).toEqual(original.models[0]!.loops);
  });

  it('keeps no extension element as raw markup, so it is not written twice', () => {
    const back = importXmile(text);
    expect(back.ok && exportXmile(back.value).match(/<sluice:active_initial>/g)?.length).toBe(2);
  });
});

describe('the dialect follows the file\'s origin', () => {
  const file = (header: string, root = ''): string =>
    `<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"${root}><header>${header}</header>` +
    '<sim_specs><start>0</start><stop>1</stop></sim_specs><model><variables><aux name="x"><eqn>INT(-9.9)</eqn></aux></variables></model></xmile>';
  const dialect = (text: string): string | undefined => {
    const r = importXmile(text);
    return r.ok ? r.value.dialect : undefined;
  };

  it('is vensim for a file Vensim wrote or xmutil converted', () => {
    expect(dialect(file('<vendor>Ventana Systems, Inc.</vendor><product version="1.0">Vensim</product>'))).toBe('vensim');
    expect(dialect(file('<vendor>Ventana Systems, xmutil</vendor><product lang="en">Vensim, xmutil</product>'))).toBe('vensim');
  });

  it('is xmile for Stella and anyone else', () => {
    expect(dialect(file('<vendor>isee systems, inc.</vendor><product version="3.0">Stella Architect</product>'))).toBe('xmile');
    expect(dialect(file(''))).toBe('xmile');
  });

  it('is what the Sluice extension says, under whatever prefix the file binds to its namespace', () => {
    expect(dialect(file('<s:dialect>vensim</s:dialect>', ' xmlns:s="https://sluice.dev/xmile"'))).toBe('vensim');
    // The same local name in another namespace is not Sluice's.
    expect(dialect(file('<s:dialect>vensim</s:dialect>', ' xmlns:s="https://example.com/other"'))).toBe('xmile');
  });

  it('refuses a dialect it does not know, at its position', () => {
    const r = importXmile(file('<sluice:dialect>dynamo</sluice:dialect>', ' xmlns:sluice="https://sluice.dev/xmile"'), { file: 'm.xmile' });
    expect(r.ok).toBe(false);
    expect(!r.ok && [r.diagnostics[0]?.code, r.diagnostics[0]?.loc?.line, r.diagnostics[0]?.loc?.column]).toEqual(['bad-dialect', 1, 125]);
  });
});

describe('a malformed extension', () => {
  it('is an error at its element, not a crash', () => {
    const text =
      '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:sluice="https://sluice.dev/xmile"><header/>\n' +
      '<sim_specs><start>0</start><stop>1</stop></sim_specs><model><variables><aux name="x"><eqn>1</eqn></aux></variables>\n' +
      '  <sluice:loop><sluice:var name="x"/></sluice:loop></model></xmile>';
    const r = importXmile(text, { file: 'm.xmile' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostics.map((d) => [d.code, d.message, d.loc?.line, d.loc?.column])).toEqual([
      ['missing-attribute', '<sluice:loop> has no name', 3, 3],
    ]);
  });
});
