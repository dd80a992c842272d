import { describe, expect, it } from 'vitest';
import { canonicalName, type DiagramView, type Expr, type Project, type Variable } from '@sluice/ir';
import { exportXmile, importXmile } from '../index.js';
import { takeoffAngle } from './diagram-view.js';

const ref = (name: string): Expr => ({ kind: 'var', name: canonicalName(name), display: name });
const minus = (left: Expr, right: Expr): Expr => ({ kind: 'binary', op: '-', left, right });
const num = (value: number): Expr => ({ kind: 'number', value });
const eq = (expr: Expr) => ({ text: '', expr });

function aux(name: string, expr: Expr): Variable {
  return { kind: 'aux', name, ident: canonicalName(name), equation: eq(expr) };
}

/** A Vensim-style project: `Stock A = INTEG(rate, 10)`, with `Inflow A`, `Outflow A`, `Rate A` as auxiliaries. */
function project(rate: Expr, diagram: DiagramView[], extra: Variable[] = []): Project {
  const variables: Variable[] = [
    { kind: 'stock', name: 'Stock A', ident: 'stock_a', inflows: [], outflows: [], nonNegative: false, equation: eq(num(10)), netFlow: eq(rate), units: 'widgets', doc: 'What is kept.' },
    aux('Inflow A', ref('Rate A')),
    aux('Outflow A', { kind: 'binary', op: '/', left: ref('Stock A'), right: num(4) }),
    aux('Rate A', num(2)),
    ...extra,
  ];
  return {
    dialect: 'vensim',
    simSpecs: { start: 0, stop: 4, dt: 1, method: 'euler' },
    units: [],
    dimensions: [],
    models: [{ variables, views: '\\\\\\---/// Sketch information\n*View 1\n', diagram }],
    macros: [],
  };
}

const VIEW: DiagramView = {
  name: 'View 1',
  elements: [
    { kind: 'stock', uid: 1, variable: 'stock_a', x: 400, y: 200, width: 80, height: 40 },
    { kind: 'cloud', uid: 2, x: 250, y: 200 },
    { kind: 'flow', uid: 4, variable: 'inflow_a', x: 310, y: 200, points: [{ x: 250, y: 200 }, { x: 360, y: 200 }] },
    { kind: 'flow', uid: 7, variable: 'outflow_a', x: 500, y: 200, points: [{ x: 440, y: 200 }, { x: 600, y: 200 }] },
    { kind: 'aux', uid: 12, variable: 'rate_a', x: 310, y: 280 },
    { kind: 'alias', uid: 15, variable: 'stock_a', x: 700, y: 300 },
    { kind: 'comment', uid: 16, x: 100, y: 50, width: 160, height: 40, text: 'Read <me>' },
    { kind: 'connector', uid: 13, from: 12, to: 4, polarity: '+' },
    { kind: 'connector', uid: 14, from: 15, to: 7, via: { x: 600, y: 250 } },
    { kind: 'connector', uid: 17, from: 2, to: 4 },
  ],
};

/** The text between `<views>` and `</views>`, each line trimmed. */
function viewsOf(xmile: string): string[] {
  const start = xmile.indexOf('<views>');
  return xmile.slice(start, xmile.indexOf('</views>', start) + 8).split('\n').map((l) => l.trim());
}

describe('views written from an imported diagram', () => {
  it('writes every object where the diagram has it, named as XMILE names them', () => {
    const xmile = exportXmile(project(minus(ref('Inflow A'), ref('Outflow A')), [VIEW]));
    expect(viewsOf(xmile)).toEqual([
      '<views>',
      '<view type="stock_flow">',
      '<stock name="Stock_A" x="400" y="200" width="80" height="40"/>',
      '<flow name="Inflow_A" x="310" y="200">',
      '<pts>',
      '<pt x="250" y="200"/>',
      '<pt x="360" y="200"/>',
      '</pts>',
      '</flow>',
      '<flow name="Outflow_A" x="500" y="200">',
      '<pts>',
      '<pt x="440" y="200"/>',
      '<pt x="600" y="200"/>',
      '</pts>',
      '</flow>',
      '<aux name="Rate_A" x="310" y="280"/>',
      '<alias uid="15" x="700" y="300">',
      '<of>Stock_A</of>',
      '</alias>',
      '<text_box uid="16" x="100" y="50" width="160" height="40">Read &lt;me&gt;</text_box>',
      // Rate A (310,280) straight up to the valve (310,200): 90 degrees on a y-down page.
      '<connector uid="13" angle="90" polarity="+">',
      '<from>Rate_A</from>',
      '<to>Inflow_A</to>',
      '</connector>',
      // (700,300) to (500,200) through their midpoint: straight, up and left, atan(1/2) from west.
      '<connector uid="14" angle="153.43">',
      '<from>',
      '<alias uid="15"/>',
      '</from>',
      '<to>Outflow_A</to>',
      '</connector>',
      '</view>',
      '</views>',
    ]);
  });

  it('makes the rates the stock adds and subtracts its inflows and outflows, keeping units and doc', () => {
    const xmile = exportXmile(project(minus(ref('Inflow A'), ref('Outflow A')), [VIEW]));
    const back = importXmile(xmile, { file: 'm.xmile' });
    if (!back.ok) throw new Error(back.diagnostics.map((d) => d.message).join('\n'));
    const vars = new Map(back.value.models[0]!.variables.map((v) => [v.ident, v]));
    expect(vars.get('stock_a')).toMatchObject({ kind: 'stock', inflows: ['inflow_a'], outflows: ['outflow_a'], units: 'widgets', doc: 'What is kept.' });
    expect(vars.get('stock_a')).not.toHaveProperty('netFlow');
    expect(vars.get('inflow_a')?.kind).toBe('flow');
    expect(vars.get('outflow_a')?.kind).toBe('flow');
    expect(vars.get('rate_a')?.kind).toBe('aux');
    // The XMILE file's views come back raw, and are written back unchanged.
    expect(viewsOf(exportXmile(back.value))).toEqual(viewsOf(xmile));
  });

  it('keeps a net rate that is not a sum of drawn flows, and draws its rates as auxiliaries', () => {
    const scaled: Expr = { kind: 'binary', op: '*', left: ref('Inflow A'), right: num(2) };
    const xmile = exportXmile(project(scaled, [VIEW]));
    expect(xmile).toContain('<inflow>Stock_A_net_flow</inflow>');
    expect(viewsOf(xmile)).toContain('<aux name="Inflow_A" x="310" y="200"/>');
    expect(xmile).not.toContain('<flow name="Inflow A">');
  });

  it('keeps net rates when one rate would fill two stocks', () => {
    const second: Variable = { kind: 'stock', name: 'Stock B', ident: 'stock_b', inflows: [], outflows: [], nonNegative: false, equation: eq(num(0)), netFlow: eq(ref('Inflow A')) };
    const xmile = exportXmile(project(minus(ref('Inflow A'), ref('Outflow A')), [VIEW], [second]));
    expect(xmile).toContain('<inflow>Stock_A_net_flow</inflow>');
    expect(xmile).toContain('<inflow>Stock_B_net_flow</inflow>');
    expect(xmile).not.toContain('<flow name="Inflow A">');
  });

  it('writes one view per page', () => {
    const second: DiagramView = { name: 'View 2', elements: [{ kind: 'aux', uid: 1, variable: 'rate_a', x: 10, y: 20 }] };
    const xmile = exportXmile(project(minus(ref('Inflow A'), ref('Outflow A')), [VIEW, second]));
    expect(viewsOf(xmile).filter((l) => l === '<view type="stock_flow">')).toHaveLength(2);
    expect(viewsOf(xmile)).toContain('<aux name="Rate_A" x="10" y="20"/>');
  });
});

describe('takeoffAngle', () => {
  it('measures counterclockwise from east on a y-down page', () => {
    expect(takeoffAngle({ x: 0, y: 0 }, { x: 10, y: 0 })).toBe(0);
    expect(takeoffAngle({ x: 0, y: 0 }, { x: 0, y: -10 })).toBe(90);
    expect(takeoffAngle({ x: 0, y: 0 }, { x: -10, y: 0 })).toBe(180);
    expect(takeoffAngle({ x: 0, y: 0 }, { x: 0, y: 10 })).toBe(270);
  });

  it('leaves along the arc through the bend point', () => {
    // A half circle from (0,0) to (20,0) through (10,-10), the top: it leaves straight up.
    expect(takeoffAngle({ x: 0, y: 0 }, { x: 20, y: 0 }, { x: 10, y: -10 })).toBe(90);
    // Through (10,10), the bottom: straight down.
    expect(takeoffAngle({ x: 0, y: 0 }, { x: 20, y: 0 }, { x: 10, y: 10 })).toBe(270);
    // A bend point on the line is a straight arrow.
    expect(takeoffAngle({ x: 0, y: 0 }, { x: 20, y: 0 }, { x: 10, y: 0 })).toBe(0);
  });
});
