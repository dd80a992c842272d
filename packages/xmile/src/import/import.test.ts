import type { Aux, Flow, ModuleInstance, Project, Stock, Variable } from '@sluice/ir';
import { describe, expect, it } from 'vitest';
import { importXmile } from '../index.js';

const SPECS = '<sim_specs method="Euler" time_units="Months"><start>0</start><stop>10</stop><dt>0.5</dt></sim_specs>';

/** A whole file around some variables. */
function xmile(variables: string, top = SPECS, rest = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:isee="http://iseesystems.com/XMILE">
${top}
<model><variables>
${variables}
</variables></model>${rest}
</xmile>`;
}

function load(text: string): Project {
  const r = importXmile(text, { file: 'm.stmx' });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.column} ${d.message}`).join('\n'));
  return r.value;
}

function variable<K extends Variable['kind']>(p: Project, ident: string, kind: K): Extract<Variable, { kind: K }> {
  const v = p.models[0]?.variables.find((x) => x.ident === ident);
  if (!v || v.kind !== kind) throw new Error(`no ${kind} ${ident}`);
  return v as Extract<Variable, { kind: K }>;
}

describe('header and sim specs', () => {
  it('reads Stella header fields and the source format from the file name', () => {
    const p = load(
      xmile(
        '<aux name="a"><eqn>1</eqn></aux>',
        `<header><smile version="1.0" namespace="std, isee"/><name>teacup</name><vendor>isee systems, inc.</vendor><product version="1.4" isee:build_number="1125">Stella Architect</product></header>${SPECS}`,
      ),
    );
    expect(p.dialect).toBe('xmile');
    expect(p.name).toBe('teacup');
    expect(p.source).toEqual({ format: 'stmx', file: 'm.stmx', vendor: 'isee systems, inc.', product: 'Stella Architect' });
  });

  it('reads start, stop, dt, method and time units', () => {
    const p = load(xmile('<aux name="a"><eqn>1</eqn></aux>'));
    // loc: the <dt> element, where a run limit's error points.
    expect(p.simSpecs).toEqual({ start: 0, stop: 10, dt: 0.5, method: 'euler', timeUnits: 'Months', loc: { file: 'm.stmx', line: 3, column: 78 } });
  });

  it('inverts a reciprocal dt and reads isee:save_interval and RK4', () => {
    const p = load(
      xmile('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs method="RK4" isee:save_interval="0.5"><start>1</start><stop>13</stop><dt reciprocal="true">4</dt></sim_specs>'),
    );
    expect(p.simSpecs).toEqual({ start: 1, stop: 13, dt: 0.25, dtReciprocal: true, saveStep: 0.5, method: 'rk4', loc: { file: 'm.stmx', line: 3, column: 81 } });
  });

  it('defaults dt to 1 and the method to Euler', () => {
    const p = load(xmile('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start>0</start><stop>5</stop></sim_specs>'));
    // Without <dt>, loc is <sim_specs> itself.
    expect(p.simSpecs).toEqual({ start: 0, stop: 5, dt: 1, method: 'euler', loc: { file: 'm.stmx', line: 3, column: 1 } });
  });

  it('reads RK2 whatever its case', () => {
    const p = load(xmile('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs method="rk2"><start>0</start><stop>5</stop></sim_specs>'));
    expect(p.simSpecs.method).toBe('rk2');
  });
});

describe('units and dimensions', () => {
  it('reads model units with equations and aliases', () => {
    const p = load(
      xmile('<aux name="a"><eqn>1</eqn></aux>', `${SPECS}<model_units><unit name="Degrees"><eqn/><alias>deg</alias><alias>degree</alias></unit><unit name="Dozen"><eqn>12 * each</eqn></unit></model_units>`),
    );
    expect(p.units).toEqual([
      { name: 'Degrees', aliases: ['deg', 'degree'] },
      { name: 'Dozen', equation: '12 * each', aliases: [] },
    ]);
  });

  it('reads named and numbered dimensions', () => {
    const p = load(
      xmile('<aux name="a"><eqn>1</eqn></aux>', `${SPECS}<dimensions><dim name="Product"><elem name="Pizza"/><elem name="Salad"/></dim><dim name="Region" size="3"/></dimensions>`),
    );
    expect(p.dimensions.map(({ loc: _loc, ...d }) => d)).toEqual([
      { name: 'Product', ident: 'product', elements: ['Pizza', 'Salad'] },
      { name: 'Region', ident: 'region', elements: ['1', '2', '3'], numbered: true },
    ]);
  });
});

describe('variables', () => {
  it('reads a stock with its flows by canonical name, units and doc', () => {
    const p = load(
      xmile(`<stock name="Teacup Temperature"><eqn>180</eqn><inflow>heating</inflow><outflow>Heat_Loss\\nto Room</outflow><non_negative/><units>degrees</units><doc>Hot tea</doc></stock>
<flow name="heat loss to room"><eqn>10</eqn><non_negative/></flow><flow name="heating"><eqn>1</eqn></flow>`),
    );
    const s = variable(p, 'teacup_temperature', 'stock');
    expect(s.name).toBe('Teacup Temperature');
    expect(s.inflows).toEqual(['heating']);
    expect(s.outflows).toEqual(['heat_loss_to_room']);
    expect(s.nonNegative).toBe(true);
    expect(s.units).toBe('degrees');
    expect(s.doc).toBe('Hot tea');
    expect(s.equation?.text).toBe('180');
    expect(s.equation?.expr).toMatchObject({ kind: 'number', value: 180 });
    expect(s.equation?.loc).toEqual({ file: 'm.stmx', line: 5, column: 39 });
    expect(variable(p, 'heat_loss_to_room', 'flow').nonNegative).toBe(true);
    expect(variable(p, 'heating', 'flow').nonNegative).toBe(false);
  });

  it('keeps names with \\n and quotes as written, canonical ident folded', () => {
    const p = load(xmile('<aux name="size_of_one\\ntime harvest"><eqn>100</eqn></aux><aux name="&quot;Quoted Name&quot;"><eqn>1</eqn></aux>'));
    const a = p.models[0]?.variables.map((v) => [v.name, v.ident]);
    expect(a).toEqual([
      ['size_of_one\\ntime harvest', 'size_of_one_time_harvest'],
      ['Quoted Name', 'quoted_name'],
    ]);
  });

  it('decodes entities in equations and keeps their parse', () => {
    const p = load(xmile('<aux name="a"><eqn>IF Time &gt; 10 THEN 1 ELSE 0</eqn></aux>'));
    const a = variable(p, 'a', 'aux');
    expect(a.equation?.text).toBe('IF Time > 10 THEN 1 ELSE 0');
    expect(a.equation?.expr?.kind).toBe('if');
  });

  it('reads access, a module port', () => {
    const p = load(xmile('<aux name="area" access="input"><eqn>1</eqn></aux><aux name="density" access="output"><eqn>2</eqn></aux>'));
    expect(variable(p, 'area', 'aux').access).toBe('input');
    expect(variable(p, 'density', 'aux').access).toBe('output');
  });

  it('keeps HTML in a doc as written', () => {
    const p = load(xmile('<aux name="a"><eqn>1</eqn><doc><p>Hot <b>tea</b></p></doc></aux>'));
    expect(variable(p, 'a', 'aux').doc).toBe('<p>Hot <b>tea</b></p>');
  });

  it('keeps a conveyor and a queue in the IR', () => {
    const p = load(
      xmile(`<stock name="belt"><eqn>0</eqn><inflow>in</inflow><outflow>out</outflow><outflow>loss</outflow><conveyor discrete="true"><len>5</len><capacity>100</capacity></conveyor></stock>
<stock name="line"><eqn>0</eqn><queue/></stock>
<flow name="in"><eqn>1</eqn></flow><flow name="out"><eqn>0</eqn></flow><flow name="loss"><eqn>0.1</eqn><leak/></flow>`),
    );
    const belt = variable(p, 'belt', 'stock');
    expect(belt.conveyor?.transitTime.text).toBe('5');
    expect(belt.conveyor?.capacity?.text).toBe('100');
    expect(belt.conveyor?.discrete).toBe(true);
    expect(belt.conveyor?.leaks?.map((l) => [l.flow, l.fraction?.text, l.linear])).toEqual([['loss', '0.1', true]]);
    expect(variable(p, 'line', 'stock').queue).toBe(true);
  });
});

describe('behavior', () => {
  const behavior = `${SPECS}<behavior><stock><non_negative/></stock></behavior>`;
  it('gives every stock the default, unless the stock says false', () => {
    const p = load(xmile('<stock name="a"><eqn>1</eqn></stock><stock name="b"><eqn>1</eqn><non_negative>false</non_negative></stock><flow name="f"><eqn>1</eqn></flow>', behavior));
    expect(variable(p, 'a', 'stock').nonNegative).toBe(true);
    expect(variable(p, 'b', 'stock').nonNegative).toBe(false);
    expect(variable(p, 'f', 'flow').nonNegative).toBe(false);
  });

  it('a bare <non_negative/> applies to stocks and flows', () => {
    const p = load(xmile('<stock name="a"><eqn>1</eqn></stock><flow name="f"><eqn>1</eqn></flow>', `${SPECS}<behavior><non_negative/></behavior>`));
    expect(variable(p, 'a', 'stock').nonNegative).toBe(true);
    expect(variable(p, 'f', 'flow').nonNegative).toBe(true);
  });
});

describe('graphical functions', () => {
  it('materialises x points from xscale', () => {
    const p = load(xmile('<aux name="effect"><eqn>Time</eqn><gf><xscale min="0" max="10"/><yscale min="0" max="1"/><ypts>0,0.5,1</ypts></gf></aux>'));
    expect(variable(p, 'effect', 'aux').gf).toEqual({
      type: 'continuous',
      xs: [0, 5, 10],
      ys: [0, 0.5, 1],
      xScale: { min: 0, max: 10 },
      yScale: { min: 0, max: 1 },
      xFromScale: true,
    });
  });

  it('reads explicit points with a separator and a type', () => {
    const p = load(xmile('<aux name="g"><eqn>Time</eqn><gf type="extrapolate"><xpts sep=";">1;2;4</xpts><ypts sep=";">10;20;40</ypts></gf></aux>'));
    expect(variable(p, 'g', 'aux').gf).toEqual({ type: 'extrapolate', xs: [1, 2, 4], ys: [10, 20, 40] });
  });

  it('reads the legacy discrete attribute', () => {
    const p = load(xmile('<aux name="g"><eqn>Time</eqn><gf discrete="true"><xpts>0,1</xpts><ypts>5,6</ypts></gf></aux>'));
    expect(variable(p, 'g', 'aux').gf?.type).toBe('discrete');
  });

  it('reads a standalone <gf> as an aux with a table and no equation', () => {
    const p = load(xmile('<gf name="lookup table"><xscale min="0" max="1"/><ypts>3,4</ypts></gf><aux name="call"><eqn>lookup_table(0.5)</eqn></aux>'));
    const t = variable(p, 'lookup_table', 'aux');
    expect(t.equation).toBeUndefined();
    expect(t.gf?.xs).toEqual([0, 1]);
    expect(t.gf?.ys).toEqual([3, 4]);
  });
});

describe('arrays', () => {
  const dims = `${SPECS}<dimensions><dim name="Product"><elem name="Pizza"/><elem name="Salad"/></dim><dim name="City"><elem name="Boston"/><elem name="Paris"/></dim></dimensions>`;

  it('reads an apply-to-all array', () => {
    const p = load(xmile('<aux name="price"><dimensions><dim name="Product"/></dimensions><eqn>9</eqn></aux>', dims));
    const v = variable(p, 'price', 'aux');
    expect(v.dimensions).toEqual(['Product']);
    expect(v.equation?.text).toBe('9');
  });

  it('reads per-element equations with two subscripts', () => {
    const p = load(
      xmile('<aux name="sales"><dimensions><dim name="Product"/><dim name="City"/></dimensions><element subscript="Pizza, Boston"><eqn>1</eqn></element><element subscript="Salad, Paris"><eqn>2</eqn></element></aux>', dims),
    );
    const v = variable(p, 'sales', 'aux');
    expect(v.equation).toBeUndefined();
    expect(v.elements?.map((e) => [e.subscripts, e.equation.text])).toEqual([
      [['Pizza', 'Boston'], '1'],
      [['Salad', 'Paris'], '2'],
    ]);
  });

  it('gives per-element graphical functions the shared input equation', () => {
    const p = load(
      xmile(
        '<aux name="c"><dimensions><dim name="Product"/></dimensions><element subscript="Pizza"><gf><xscale min="0" max="1"/><ypts>1,2</ypts></gf></element><element subscript="Salad"><gf><xscale min="0" max="1"/><ypts>3,4</ypts></gf></element><eqn>TIME</eqn></aux>',
        dims,
      ),
    );
    const v = variable(p, 'c', 'aux');
    expect(v.elements?.map((e) => [e.subscripts[0], e.equation.text, e.gf?.ys])).toEqual([
      ['Pizza', 'TIME', [1, 2]],
      ['Salad', 'TIME', [3, 4]],
    ]);
  });

  it('reads several bare <eqn> of an array as one equation per element, in order', () => {
    const p = load(xmile('<aux name="v"><dimensions><dim name="City"/></dimensions><eqn>Time + 1</eqn><eqn>-0.2</eqn></aux>', dims));
    const v = variable(p, 'v', 'aux');
    expect(v.extra).toBeUndefined();
    expect(v.elements?.map((e) => [e.subscripts, e.equation.text])).toEqual([
      [['Boston'], 'Time + 1'],
      [['Paris'], '-0.2'],
    ]);
  });

  it('expands a constant list into one element each, last dimension fastest', () => {
    const p = load(xmile('<aux name="t"><dimensions><dim name="Product"/><dim name="City"/></dimensions><eqn>0.1, 0.2;\n 0.4, 0.5;</eqn></aux>', dims));
    const v = variable(p, 't', 'aux');
    expect(v.elements?.map((e) => [e.subscripts, e.equation.expr])).toEqual([
      [['Pizza', 'Boston'], { kind: 'number', value: 0.1 }],
      [['Pizza', 'Paris'], { kind: 'number', value: 0.2 }],
      [['Salad', 'Boston'], { kind: 'number', value: 0.4 }],
      [['Salad', 'Paris'], { kind: 'number', value: 0.5 }],
    ]);
  });
});

describe('modules and macros', () => {
  const modules = `<?xml version="1.0"?>
<xmile version="1.0">
${SPECS}
<model><variables>
<module name="hares"><connect to="area" from=".area"/><connect2 to="lynxes" from="lynxes.Lynxes"/></module>
<module name="lynxes"/>
<aux name="area"><eqn>1000</eqn></aux>
</variables></model>
<model name="hares"><variables>
<aux name="area"><eqn>{Enter equation for use when not hooked up}</eqn></aux>
<stock name="lynxes"><eqn/></stock>
<aux name="density"><eqn>1/area</eqn></aux>
</variables></model>
<model name="lynxes"><variables><stock name="lynxes"><eqn>10</eqn></stock></variables></model>
</xmile>`;

  it('reads modules, their connections and the models they instantiate', () => {
    const p = load(modules);
    expect(p.models.map((m) => m.ident)).toEqual([undefined, 'hares', 'lynxes']);
    const hares = variable(p, 'hares', 'module') as ModuleInstance;
    expect(hares.model).toBe('hares');
    expect(hares.connections).toEqual([
      { from: 'area', to: 'area' },
      { from: 'lynxes.lynxes', to: 'lynxes' },
    ]);
  });

  it('accepts blank equations on ports every instance connects', () => {
    const p = load(modules);
    const area = p.models[1]?.variables.find((v) => v.ident === 'area') as Aux;
    expect(area.equation).toEqual({ text: '{Enter equation for use when not hooked up}', expr: null, loc: { file: 'm.stmx', line: 10, column: 23 } });
  });

  it('accepts a port connected under its qualified name', () => {
    const p = load(`<xmile>${SPECS}<model><variables><module name="m"><connect to="m.p" from="x"/></module><aux name="x"><eqn>1</eqn></aux></variables></model><model name="m"><variables><aux name="p"><eqn/></aux></variables></model></xmile>`);
    expect(p.models[1]?.variables.map((v) => [v.ident, v.equation])).toEqual([['p', undefined]]);
  });

  it('takes the first model as main when none is unnamed', () => {
    const p = load('<xmile>' + SPECS + '<model name="default"><variables><aux name="a"><eqn>1</eqn></aux></variables></model></xmile>');
    expect(p.models[0]?.name).toBeUndefined();
    expect(p.extra?.mainModelName).toBe('default');
  });

  it('reads a macro with parameters, variables and an equation', () => {
    const p = load(
      xmile(
        '<aux name="y"><eqn>double(3)</eqn></aux>',
        SPECS,
        '<macro name="Double"><parm>Input Value</parm><eqn>Input_Value * factor</eqn><variables><aux name="factor"><eqn>2</eqn></aux></variables></macro>',
      ),
    );
    const m = p.macros[0];
    expect(m?.name).toBe('Double');
    expect(m?.ident).toBe('double');
    expect(m?.parameters).toEqual(['input_value']);
    expect(m?.equation?.text).toBe('Input_Value * factor');
    expect(m?.variables.map((v) => v.ident)).toEqual(['factor']);
  });
});

describe('views and namespaced markup', () => {
  it('keeps <views> exactly as written and tolerates isee: elements', () => {
    const views = '<views>\n<view><aux name="a" x="1" y="2"/></view>\n</views>';
    const p = load(`<xmile>${SPECS}<isee:prefs show_module_prefix="true"/><model><variables><aux name="a"><eqn>1</eqn></aux><isee:dependencies><var name="a"/></isee:dependencies></variables>${views}</model></xmile>`);
    expect(p.models[0]?.views).toBe(views);
    expect(p.models[0]?.variables.map((v) => v.ident)).toEqual(['a']);
    expect(p.extra?.rawTopLevel).toEqual(['<isee:prefs show_module_prefix="true"/>']);
  });

  it('reads a legacy file whose variables sit directly in <model>', () => {
    const p = load(`<xmile>${SPECS}<model><aux name="a"><eqn>1</eqn><display x="1" y="2"/></aux><display page_width="0"/></model></xmile>`);
    const a = variable(p, 'a', 'aux');
    expect(a.equation?.text).toBe('1');
    expect(a.extra?.raw).toEqual(['<display x="1" y="2"/>']);
    expect(p.models[0]?.views).toBe('<display page_width="0"/>');
  });
});

it('flows and stocks have the kinds the IR expects', () => {
  const p = load(xmile('<stock name="s"><eqn>1</eqn><outflow>f</outflow></stock><flow name="f"><eqn>1</eqn></flow>'));
  const s: Stock = variable(p, 's', 'stock');
  const f: Flow = variable(p, 'f', 'flow');
  expect([s.kind, f.kind]).toEqual(['stock', 'flow']);
});
