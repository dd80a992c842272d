import { describe, expect, it } from 'vitest';
import type { Project } from '@sluice/ir';
import { formatDiagnostic } from '@sluice/ir';
import { parseSluice } from './index.js';

/** Parse text that must be valid, failing with the diagnostics otherwise. */
function parse(text: string, file?: string): Project {
  const r = parseSluice(text, file === undefined ? {} : { file });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return r.value;
}

/** The project with every `loc` and parsed `expr` removed, to compare shapes. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'loc' && k !== 'expr').map(([k, v]) => [k, shape(v)]));
  }
  return value;
}

const sim = 'sim start 0 stop 10 dt 1\n';

describe('parseSluice', () => {
  it('reads the teacup into the IR', () => {
    const p = parse(`title Teacup
sim start 0 stop 30 dt 0.125 method euler units Minutes
stock Teacup_Temperature = 180
  outflow Heat_Loss_to_Room
  units Degrees
flow Heat_Loss_to_Room = (Teacup_Temperature - 70) / 10
`);
    expect(shape(p)).toEqual({
      dialect: 'xmile',
      name: 'Teacup',
      source: { format: 'sluice' },
      simSpecs: { start: 0, stop: 30, dt: 0.125, method: 'euler', timeUnits: 'Minutes' },
      units: [],
      dimensions: [],
      models: [
        {
          variables: [
            { kind: 'stock', name: 'Teacup_Temperature', ident: 'teacup_temperature', inflows: [], outflows: ['heat_loss_to_room'], nonNegative: false, equation: { text: '180' }, units: 'Degrees' },
            { kind: 'flow', name: 'Heat_Loss_to_Room', ident: 'heat_loss_to_room', nonNegative: false, equation: { text: '(Teacup_Temperature - 70) / 10' } },
          ],
        },
      ],
      macros: [],
    });
  });

  it('parses each formula with the XMILE equation parser', () => {
    const p = parse(`${sim}aux a = IF TIME > 5 THEN 1 ELSE 0\n`);
    const eq = p.models[0]!.variables[0]!.equation!;
    expect(eq.expr?.kind).toBe('if');
  });

  it('places formulas and names at their line and column in the file', () => {
    const p = parse(`${sim}\n  aux  "My Aux"  =   2 * x\nconst x = 1\n`, 'm.sluice');
    const v = p.models[0]!.variables[0]!;
    expect(v.name).toBe('My Aux');
    expect(v.ident).toBe('my_aux');
    expect(v.loc).toMatchObject({ file: 'm.sluice', line: 3, column: 8 });
    expect(v.equation!.loc).toEqual({ file: 'm.sluice', line: 3, column: 22 });
    expect(v.equation!.expr!.loc).toMatchObject({ line: 3, column: 22 });
  });

  it('wraps a formula over lines inside brackets, keeping its text', () => {
    const p = parse(`${sim}aux a = (1 +\n   2)\nconst b = 3\n`);
    expect(p.models[0]!.variables.map((v) => v.equation!.text)).toEqual(['(1 +\n   2)', '3']);
  });

  it('ends a formula at a # comment, but not at a # inside a quoted name', () => {
    const p = parse(`${sim}aux a = "x#y" * 2 # twice\nconst "x#y" = 1\n`);
    expect(p.models[0]!.variables[0]!.equation!.text).toBe('"x#y" * 2');
  });

  it('reads a reciprocal dt, a save step and rk4', () => {
    const p = parse('sim start 1 stop 5 dt 1/4 save_step 0.5 method rk4\n');
    // loc: the sim line, where a run limit's error points.
    expect(p.simSpecs).toEqual({ start: 1, stop: 5, dt: 0.25, dtReciprocal: true, saveStep: 0.5, method: 'rk4', loc: { line: 1, column: 1, endLine: 1, endColumn: 4 } });
  });

  it('reads flags, access, init and net_flow', () => {
    const p = parse(`${sim}stock s = 1
  inflow f
  non_negative
  queue
stock t = 0
  net_flow = 2
flow f = 1
  uniflow
aux a = 1
  access input
  init = 5
  hidden
`);
    const [s, t, f, a] = p.models[0]!.variables;
    expect(s).toMatchObject({ kind: 'stock', nonNegative: true, queue: true, inflows: ['f'] });
    expect(t).toMatchObject({ kind: 'stock', netFlow: { text: '2' } });
    expect(f).toMatchObject({ kind: 'flow', nonNegative: true });
    expect(a).toMatchObject({ kind: 'aux', access: 'input', initialEquation: { text: '5' }, hidden: true });
  });

  it('reads a conveyor with its capacity, limits and a leak', () => {
    const p = parse(`${sim}stock Training = 0
  inflow recruits
  outflow qualified, dropouts
  conveyor discrete = 6
  capacity = 40
  inflow_limit = 10
  arrest = 0
  leak dropouts linear zone 0 to 0.5 = 0.05
flow recruits = 4
flow qualified = 0
flow dropouts = 0
`);
    expect(shape(p.models[0]!.variables[0]!)).toMatchObject({
      conveyor: {
        transitTime: { text: '6' },
        discrete: true,
        capacity: { text: '40' },
        inflowLimit: { text: '10' },
        arrest: { text: '0' },
        leaks: [{ flow: 'dropouts', linear: true, zoneStart: 0, zoneEnd: 0.5, fraction: { text: '0.05' } }],
      },
    });
  });

  it('reads graphs as points and as y values over an x scale', () => {
    const p = parse(`${sim}aux g = TIME
  graph extrapolate: (0, 1), (1, 0.5),
    (2, -0.25)
aux h
  graph discrete xscale 0 to 1 yscale 0 to 10: 0, 5, 10
`);
    const [g, h] = p.models[0]!.variables;
    expect(g!.gf).toEqual({ type: 'extrapolate', xs: [0, 1, 2], ys: [1, 0.5, -0.25] });
    expect(h!.equation).toBeUndefined();
    expect(h!.gf).toEqual({ type: 'discrete', xs: [0, 0.5, 1], ys: [0, 5, 10], xScale: { min: 0, max: 1 }, yScale: { min: 0, max: 10 }, xFromScale: true });
  });

  it('reads dimensions, apply-to-all and per-element equations', () => {
    const p = parse(`${sim}dimension Region: North, "South East"
dimension Age: 3
  alias_of Years
dimension Zone: z1, z2
  maps_to Region: North, "South East"
aux pop[Region, Age] = 10
aux growth[Region]
  [North] = 0.1
  [South_East] = 0.2
    graph: (0, 0), (1, 1)
`);
    expect(shape(p.dimensions)).toEqual([
      { name: 'Region', ident: 'region', elements: ['North', 'South East'] },
      { name: 'Age', ident: 'age', elements: ['1', '2', '3'], numbered: true, aliasOf: 'Years' },
      { name: 'Zone', ident: 'zone', elements: ['z1', 'z2'], mappings: [{ to: 'region', elements: ['North', 'South East'] }] },
    ]);
    const [pop, growth] = p.models[0]!.variables;
    expect(pop).toMatchObject({ dimensions: ['Region', 'Age'], equation: { text: '10' } });
    expect(shape(growth)).toEqual({
      kind: 'aux',
      name: 'growth',
      ident: 'growth',
      dimensions: ['Region'],
      elements: [
        { subscripts: ['North'], equation: { text: '0.1' } },
        { subscripts: ['South_East'], equation: { text: '0.2' }, gf: { type: 'continuous', xs: [0, 1], ys: [0, 1] } },
      ],
    });
  });

  it('reads units definitions, loops and groups', () => {
    const p = parse(`${sim}unit person
  alias people, persons
unit kilo_person = 1000 * person
stock Work = 1
  inflow Pressure
flow Pressure = Work
loop R1 "Work breeds work": Work -> Pressure
group Core: Work, Pressure
`);
    expect(p.units).toEqual([
      { name: 'person', aliases: ['people', 'persons'] },
      { name: 'kilo_person', aliases: [], equation: '1000 * person' },
    ]);
    expect(p.models[0]!.loops).toEqual([{ name: 'R1', variables: ['work', 'pressure'], doc: 'Work breeds work' }]);
    expect(p.models[0]!.groups).toEqual([{ name: 'Core', variables: ['work', 'pressure'] }]);
  });

  it('reads sub-models, modules with connections, and macros', () => {
    const p = parse(`${sim}const hiring = 4
module staff: Workforce
  connect Hires <- hiring
  doc "The workforce"
model Workforce
  doc "Recruitment"
  const Hires = 0
    access input
end
macro TWICE(x) = x * 2
  doc "Doubles"
  outputs extra
  sim dt 0.5
end
`);
    expect(shape(p.models[0]!.variables[1])).toEqual({
      kind: 'module', name: 'staff', ident: 'staff', model: 'workforce', connections: [{ from: 'hiring', to: 'hires' }], doc: 'The workforce',
    });
    expect(p.models[1]).toMatchObject({ name: 'Workforce', ident: 'workforce', doc: 'Recruitment' });
    expect(p.models[1]!.variables[0]).toMatchObject({ name: 'Hires', access: 'input' });
    expect(shape(p.macros)).toEqual([
      { name: 'TWICE', ident: 'twice', parameters: ['x'], variables: [], equation: { text: 'x * 2' }, doc: 'Doubles', outputs: ['extra'], simSpecs: { dt: 0.5 } },
    ]);
  });

  it('unescapes quoted names and documentation', () => {
    const p = parse(`${sim}const "say \\"hi\\"" = 1\n  doc "line one\\nline \\\\two"\n`);
    expect(p.models[0]!.variables[0]).toMatchObject({ name: 'say "hi"', doc: 'line one\nline \\two' });
  });

  it('accepts as names the keywords that start no declaration, and quoted declaration words', () => {
    const p = parse(`${sim}const start = 1\nstock "stock" = start\n  inflow capacity\nflow capacity = 1\ngroup g: start, capacity\n`);
    expect(p.models[0]!.variables.map((v) => v.ident)).toEqual(['start', 'stock', 'capacity']);
    expect(p.models[0]!.groups).toEqual([{ name: 'g', variables: ['start', 'capacity'] }]);
  });

  it('reads an empty group, whose list does not run on into the next declaration', () => {
    const p = parse(`${sim}const a = 1\ngroup Empty:\ngroup Full: a\n`);
    expect(p.models[0]!.groups).toEqual([{ name: 'Empty', variables: [] }, { name: 'Full', variables: ['a'] }]);
  });

  it('warns when an indented unit declaration looks like a misspelt units line', () => {
    const r = parseSluice(`${sim}const a = 1\n  unit people\n`);
    expect(r.ok && r.warnings.map((w) => [w.code, w.loc?.line, w.loc?.column])).toEqual([['unit-declaration', 3, 3]]);
  });

  it('keeps a formula that is only a comment, with a warning', () => {
    const r = parseSluice(`${sim}aux port = {set by the parent model}\n  access input\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.models[0]!.variables[0]!.equation).toMatchObject({ text: '{set by the parent model}', expr: null });
    expect(r.warnings.map((w) => [w.code, w.loc?.line, w.loc?.column])).toEqual([['empty-equation', 2, 12]]);
  });

  it('reads the example models in examples/', async () => {
    const { readFileSync } = await import('node:fs');
    const read = (path: string): string => readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), 'utf8');
    const teacup = parse(read('teacup/teacup.sluice'));
    expect(teacup.simSpecs).toEqual({ start: 0, stop: 30, dt: 0.125, method: 'euler', timeUnits: 'Minutes', loc: { line: 6, column: 1, endLine: 6, endColumn: 4 } });
    expect(teacup.models[0]!.variables.map((v) => v.ident)).toEqual(['teacup_temperature', 'heat_loss_to_room', 'room_temperature', 'characteristic_time']);
    const sir = parse(read('sir/sir.sluice'));
    expect(sir.models[0]!.variables.filter((v) => v.kind === 'stock').map((v) => v.name)).toEqual(['Susceptible', 'Infectious', 'Recovered']);
    expect(sir.models[0]!.variables.every((v) => v.units !== undefined)).toBe(true);
    expect(sir.models[0]!.loops?.map((l) => l.name)).toEqual(['R1', 'B1', 'B2']);
  });
});
