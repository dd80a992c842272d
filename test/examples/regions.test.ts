import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '@sluice/compiler';
import { parseSluice } from '@sluice/language';
import { simulate } from '@sluice/runtime';

function run(overrides: Record<string, number> = {}, saveStep?: number) {
  const project = parseSluice(readFileSync(resolve('examples/regions/regions.sluice'), 'utf8'));
  if (!project.ok) throw new Error(project.diagnostics[0]!.message);
  const compiled = compile(project.value);
  if (!compiled.ok) throw new Error(compiled.diagnostics[0]!.message);
  const result = simulate(compiled.value, { overrides, ...(saveStep ? { saveStep } : {}) });
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  const column = (name: string) => result.value.columns.find((c) => c.name === name)!.values;
  return { times: result.value.times, column };
}

describe('the arrayed regions example', () => {
  it('reports each element and the reductions over the dimension', () => {
    const { column } = run();
    expect(column('Total_Open_Cases')[0]).toBe(600);
    expect(column('Caseload[North]')[0]).toBeCloseTo(200 / 12, 12);
    expect(column('Mean_Caseload')[0]).toBeCloseTo((200 / 12 + 200 / 10 + 200 / 8) / 3, 12);
    // South's caseload (25) is above the mean: its closures slow through the graphical function.
    const x = 25 / ((200 / 12 + 200 / 10 + 200 / 8) / 3);
    const effect = x <= 2 ? 1 - 0.3 * (x - 1) : 0.7 - 0.2 * (x - 2);
    expect(column('Closures[South]')[0]).toBeCloseTo((200 * effect) / 6, 12);
  });

  it('conserves cases: each step the total changes by dt times referrals minus closures', () => {
    const { times, column } = run({}, 0.25);
    const total = column('Total_Open_Cases');
    const net = (k: number) => ['North', 'Central', 'South'].reduce((s, r) => s + column(`Referrals[${r}]`)[k]! - column(`Closures[${r}]`)[k]!, 0);
    expect(times.length).toBe(241);
    for (let k = 0; k < times.length - 1; k++) {
      expect(total[k + 1]! - total[k]!).toBeCloseTo(0.25 * net(k), 9);
    }
  });

  it('responds to a demand override in every region', () => {
    const base = run().column('Total_Open_Cases')[60]!;
    const more = run({ Demand_Index: 1.2 }).column('Total_Open_Cases')[60]!;
    expect(more).toBeGreaterThan(base * 1.1);
  });

  it('lets a run name a whole array: --vars reports every element, an override sets every element', () => {
    const project = parseSluice(readFileSync(resolve('examples/regions/regions.sluice'), 'utf8'));
    if (!project.ok) throw new Error(project.diagnostics[0]!.message);
    const compiled = compile(project.value);
    if (!compiled.ok) throw new Error(compiled.diagnostics[0]!.message);
    const r = simulate(compiled.value, { vars: ['caseload'], overrides: { Social_Workers: 10 }, stop: 0 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.columns.map((c) => [c.name, c.values[0]])).toEqual([
      ['Caseload[North]', 20],
      ['Caseload[Central]', 20],
      ['Caseload[South]', 20],
    ]);
  });
});

