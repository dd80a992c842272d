import type { Project, Variable } from '@sluice/ir';
import { call, withoutLoc } from '@sluice/language';
import { describe, expect, it } from 'vitest';
import { exportXmile, importXmile } from '../index.js';

/** Vensim data variables and a GET call, as the Vensim importer hands them over. */
function dataProject(): Project {
  const empty = { text: '', expr: null };
  return {
    dialect: 'vensim',
    source: { format: 'mdl' },
    simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler', saveStep: 1 },
    units: [],
    dimensions: [{ name: 'Region', ident: 'region', elements: ['North', 'South'] }],
    models: [
      {
        variables: [
          { kind: 'aux', name: 'Demand', ident: 'demand', units: 'widgets', extra: { data: { method: 'INTERPOLATE' } } },
          {
            kind: 'aux', name: 'Prices', ident: 'prices', dimensions: ['Region'],
            elements: [{ subscripts: ['North'], equation: empty }, { subscripts: ['South'], equation: empty }],
            extra: { data: { method: 'LOOK_FORWARD' } },
          },
          {
            kind: 'aux', name: 'Capacity', ident: 'capacity',
            equation: { text: 'GET DIRECT DATA()', expr: call('GET_DIRECT_DATA') },
            extra: { dataSources: [{ function: 'GET DIRECT DATA', arguments: ['in <1>.xlsx', 'Global', 'A', 'B2'], subscripts: ['North', 'Region'] }] },
          },
        ],
      },
    ],
    macros: [],
  };
}

function variable(p: Project, name: string): Variable {
  const v = p.models[0]!.variables.find((x) => x.name === name);
  if (!v) throw new Error(`no ${name}`);
  return v;
}

describe('XMILE export of Vensim data variables', () => {
  it('writes an <aux> with <sluice:data> and no <eqn>, and each GET call as <sluice:data_source>', () => {
    const text = exportXmile(dataProject());
    expect(text).toMatch(/<aux name="Demand">\s*<sluice:data method="INTERPOLATE"\/>\s*<units>widgets<\/units>\s*<\/aux>/);
    // The elements the data file fills are not written: no empty <eqn> Stella would read as 0.
    expect(text).toMatch(/<aux name="Prices">\s*<dimensions>\s*<dim name="Region"\/>\s*<\/dimensions>\s*<sluice:data method="LOOK_FORWARD"\/>\s*<\/aux>/);
    expect(text).toContain(
      '<sluice:data_source function="GET DIRECT DATA" subscript="North, Region">\n' +
        '\t\t\t\t\t<sluice:arg>in &lt;1&gt;.xlsx</sluice:arg>\n\t\t\t\t\t<sluice:arg>Global</sluice:arg>',
    );
  });

  it('reads them back into the same IR', () => {
    const back = importXmile(exportXmile(dataProject()), { file: 'd.xmile' });
    if (!back.ok) throw new Error(back.diagnostics[0]?.message);
    expect(variable(back.value, 'Demand').extra).toEqual({ data: { method: 'INTERPOLATE' } });
    expect(variable(back.value, 'Demand').equation).toBeUndefined();
    const prices = variable(back.value, 'Prices');
    expect(prices.extra).toEqual({ data: { method: 'LOOK_FORWARD' } });
    expect(prices.dimensions).toEqual(['Region']);
    expect(prices.elements).toBeUndefined();
    const capacity = variable(back.value, 'Capacity');
    expect(capacity.extra).toEqual(dataProject().models[0]!.variables[2]!.extra);
    expect(withoutLoc(capacity.equation!.expr!)).toEqual(call('GET_DIRECT_DATA'));
  });

  it('reports a <sluice:data> method it does not know, at the element', () => {
    const text = exportXmile(dataProject()).replace('method="INTERPOLATE"', 'method="cubic"');
    const back = importXmile(text, { file: 'd.xmile' });
    expect(back.ok).toBe(false);
    const d = back.diagnostics.find((x) => x.code === 'bad-data');
    expect(d?.message).toBe('<sluice:data> method must be one of INTERPOLATE, HOLD_BACKWARD, LOOK_FORWARD, RAW, not "CUBIC"');
    expect(d?.loc?.file).toBe('d.xmile');
    expect(text.split('\n')[(d?.loc?.line ?? 0) - 1]).toContain('<sluice:data method="cubic"/>');
  });
});
