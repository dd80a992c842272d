import { describe, expect, it } from 'vitest';
import { canonicalName, type Project } from '@sluice/ir';
import { compile } from '@sluice/compiler';
import { parseSluice, printSluice } from '@sluice/language';
import { simulate } from '@sluice/runtime';

/**
 * A queue feeding a discrete conveyor, written in the text language: it runs with the numbers
 * worked out by hand from isee's queue rules (`codegen/queues.ts`), and prints and reads back
 * to a model that runs the same.
 */
const text = `sim start 0 stop 5 dt 1 method euler

stock q = 0
  inflow a, b
  outflow load
  queue

stock c = 0
  inflow load
  outflow out
  conveyor discrete = 2
  capacity = 4

flow a = 2
flow b = 3
flow load = 0
flow out = 0
`;

function parse(source: string): Project {
  const p = parseSluice(source, { file: 'q.sluice' });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
  return p.value;
}

function run(project: Project): (name: string) => number[] {
  const c = compile(project);
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  const r = simulate(c.value);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return (name) => [...(r.value.columns.find((x) => x.ident === canonicalName(name))?.values ?? [])];
}

describe('queues in the text language', () => {
  it('run a queue into a discrete conveyor, splitting the batch that does not fit', () => {
    const of = run(parse(text));
    // Batches 2 and 3 arrive each DT; the belt (capacity 4) takes 4 when empty, 0 when full.
    expect(of('load')).toEqual([0, 4, 0, 4, 0, 4]);
    expect(of('out')).toEqual([0, 0, 0, 4, 0, 4]);
    expect(of('q')).toEqual([0, 5, 6, 11, 12, 17]);
  });

  it('print and read back to the same model and numbers', () => {
    const printed = printSluice(parse(text));
    expect(printed).toContain('  queue');
    expect(printed).toContain('conveyor discrete = 2');
    const again = run(parse(printed));
    const first = run(parse(text));
    for (const name of ['q', 'c', 'load', 'out']) expect(again(name)).toEqual(first(name));
  });
});
