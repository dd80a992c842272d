import { describe, expect, it } from 'vitest';
import type { Project } from '@sluice/ir';
import { parseEquation } from '../equation/parse.js';
import { printSluice } from './index.js';
import { parseOrThrow as parse, withoutLocs } from './testing.js';

const model = `# A workforce model
title "Social care"
  doc "Caseloads and staff"

sim start 0 stop 120 dt 1/4 save_step 1 method euler units month

unit person
  alias people

dimension Team: North, South

stock Staff[Team] = 50
  inflow hiring
  outflow leaving
  non_negative
  units person
  doc "Social workers in post"

flow hiring[Team] = 2
flow leaving[Team] = Staff / 60
  uniflow

const Ideal_Caseload = 18
aux Caseload[Team]
  [North] = 18
  [South] = 22
aux Stress = Caseload[North] / Ideal_Caseload
  graph continuous: (0, 0), (1, 0.5), (2, 1)

loop R1 "Burnout": Staff -> leaving
`;

describe('printSluice', () => {
  it('prints the canonical form', () => {
    expect(printSluice(parse(model))).toBe(`# A workforce model
title "Social care"
  doc "Caseloads and staff"

sim start 0 stop 120 dt 1/4 save_step 1 method euler units month

unit person
  alias people

dimension Team: North, South

stock Staff[Team] = 50
  inflow hiring
  outflow leaving
  non_negative
  units person
  doc "Social workers in post"

flow hiring[Team] = 2

flow leaving[Team] = Staff / 60
  uniflow

const Ideal_Caseload = 18

const Caseload[Team]
  [North] = 18
  [South] = 22

aux Stress = Caseload[North] / Ideal_Caseload
  graph continuous: (0, 0), (1, 0.5), (2, 1)

loop R1 "Burnout": Staff -> leaving
`);
  });

  it('round-trips a hand-written model: parse, print, parse gives the same IR', () => {
    const first = parse(model);
    const second = parse(printSluice(first));
    expect(withoutLocs(second)).toEqual(withoutLocs(first));
  });

  it('is idempotent on every example of the grammar document and in examples/', async () => {
    const { readFileSync } = await import('node:fs');
    const read = (path: string): string => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
    const texts = [...read('grammar/sluice.md').matchAll(/```sluice\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const { readdirSync } = await import('node:fs');
    const examples = readdirSync(new URL('../../../../examples/', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.sluice'));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    texts.push(...examples.map((f) => read(`examples/${f}`)));
    for (const text of texts) {
      const first = parse(text);
      const printed = printSluice(first);
      const again = parse(printed);
      expect(printSluice(again)).toBe(printed);
      expect(withoutLocs(again)).toEqual(withoutLocs(first));
    }
  });

  it('changes exactly one line when one constant changes', () => {
    const before = parse(model);
    const after = parse(model);
    const v = after.models[0]!.variables.find((x) => x.ident === 'ideal_caseload')!;
    v.equation = { text: '20', expr: parseEquation('20').expr };
    const a = printSluice(before).split('\n');
    const b = printSluice(after).split('\n');
    expect(b.length).toBe(a.length);
    const changed = a.map((line, i) => (line === b[i] ? null : [line, b[i]])).filter((x) => x !== null);
    expect(changed).toEqual([['const Ideal_Caseload = 18', 'const Ideal_Caseload = 20']]);
  });

  it('prints a Vensim import: its dialect, names with spaces quoted, formulas from their parse', () => {
    const flowExpr = parseEquation('("Teacup Temperature" - room) / 10').expr;
    const project: Project = {
      dialect: 'vensim',
      source: { format: 'mdl' },
      simSpecs: { start: 0, stop: 30, dt: 0.125, method: 'euler' },
      units: [],
      dimensions: [{ name: 'Cohort', ident: 'cohort', elements: ['1', '2'], numbered: true }, { name: 'Only', ident: 'only', elements: ['7'] }],
      models: [
        {
          variables: [
            { kind: 'stock', name: 'Teacup Temperature', ident: 'teacup_temperature', inflows: [], outflows: ['heat_loss'], nonNegative: false, equation: { text: '180', expr: null } },
            { kind: 'flow', name: 'Heat\nLoss', ident: 'heat_loss', nonNegative: false, equation: { text: '', expr: flowExpr } },
            { kind: 'aux', name: 'flow', ident: 'flow', equation: { text: 'IF a\nTHEN 1 ELSE 0', expr: null } },
            { kind: 'aux', name: 'switch', ident: 'switch', equation: { text: 'IF THEN ELSE(a > 1, 1, 0)', expr: parseEquation('IF a > 1 THEN 1 ELSE 0').expr } },
            { kind: 'aux', name: 'room', ident: 'room', equation: { text: '70', expr: parseEquation('70').expr }, units: 'deg # F' },
          ],
        },
      ],
      macros: [],
    };
    expect(printSluice(project)).toBe(`sim start 0 stop 30 dt 0.125 method euler dialect vensim

dimension Cohort: 2
dimension Only: "7"

stock "Teacup Temperature" = 180
  outflow "Heat\\nLoss"

flow "Heat\\nLoss" = ("Teacup Temperature" - room) / 10
aux "flow" = IF a THEN 1 ELSE 0
aux switch = IF a > 1 THEN 1 ELSE 0

const room = 70
  units deg F
`);
    const back = parse(printSluice(project));
    expect(back.dimensions.map((d) => d.elements)).toEqual([['1', '2'], ['7']]);
    expect(back.dialect).toBe('vensim');
    expect(back.models[0]!.variables.map((v) => v.name)).toEqual(['Teacup Temperature', 'Heat\nLoss', 'flow', 'switch', 'room']);
  });

  it('writes a graph with many points over several lines, and y values over an x scale', () => {
    const p = parse(`sim start 0 stop 1 dt 1
aux g = TIME
  graph: ${Array.from({ length: 10 }, (_, i) => `(${i}, ${i * i})`).join(', ')}
aux h = TIME
  graph extrapolate xscale 0 to 1: 0, 0.5, 2
`);
    expect(printSluice(p).split('\n').slice(2, 8)).toEqual([
      'aux g = TIME',
      '  graph continuous: (0, 0), (1, 1), (2, 4), (3, 9), (4, 16), (5, 25), (6, 36), (7, 49),',
      '    (8, 64), (9, 81)',
      '',
      'aux h = TIME',
      '  graph extrapolate xscale 0 to 1: 0, 0.5, 2',
    ]);
  });

  it('prints sub-models, modules and macros indented, each closed by end', () => {
    const text = `sim start 0 stop 10 dt 1 method euler

const hiring = 4

module staff: Workforce
  connect Hires <- hiring

model Workforce
  doc "Recruitment"
  const Hires = 0
    access input
end

macro TWICE(x) = x * 2
  outputs y
  sim dt 0.5
  aux y = x
end
`;
    expect(printSluice(parse(text))).toBe(text);
  });
});

describe('printSluice: long lists', () => {
  it('breaks a group too long for one line into indented lines of members, and reads it back the same', () => {
    const names = Array.from({ length: 14 }, (_, i) => `Placement_Variable_${i + 1}`);
    const text = `sim start 0 stop 1 dt 1\n${names.map((n) => `const ${n} = 1`).join('\n')}\ngroup Placements: ${names.join(', ')}\n`;
    const printed = printSluice(parse(text));
    const group = printed.slice(printed.indexOf('group '));
    expect(group.split('\n').filter(Boolean)).toEqual([
      'group Placements:',
      '  Placement_Variable_1, Placement_Variable_2, Placement_Variable_3, Placement_Variable_4,',
      '  Placement_Variable_5, Placement_Variable_6, Placement_Variable_7, Placement_Variable_8,',
      '  Placement_Variable_9, Placement_Variable_10, Placement_Variable_11, Placement_Variable_12,',
      '  Placement_Variable_13, Placement_Variable_14',
    ]);
    expect(withoutLocs(parse(printed))).toEqual(withoutLocs(parse(text)));
    expect(printSluice(parse(printed))).toBe(printed);
  });
});
