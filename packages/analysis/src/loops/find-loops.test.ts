import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSluice } from '@sluice/language';
import type { Project } from '@sluice/ir';
import { findLoops } from './find-loops.js';

function load(path: string): Project {
  const r = parseSluice(readFileSync(resolve(path), 'utf8'), { file: path });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

function parse(text: string): Project {
  const r = parseSluice(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

const summary = (p: Project) =>
  findLoops(p.models[0]!).loops.map((l) => `${l.name ?? '-'} ${l.polarity}: ${l.variables.join(' -> ')}`);

describe('feedback loops', () => {
  it('finds the teacup\'s one balancing loop', () => {
    expect(summary(load('examples/teacup/teacup.sluice'))).toEqual(['B1 B: Teacup Temperature -> Heat Loss to Room']);
  });

  it('finds SIR\'s contagion (R), depletion (B) and recovery (B) loops', () => {
    expect(summary(load('examples/sir/sir.sluice'))).toEqual([
      'R1 R: Infectious -> Infection',
      'B2 B: Infectious -> Recovery',
      'B1 B: Susceptible -> Infection',
    ]);
  });

  it('does not count a loop that passes through no stock', () => {
    const p = parse('sim start 0 stop 1 dt 1\naux a = b + 1\naux b = c\naux c = a\n');
    expect(findLoops(p.models[0]!).loops).toEqual([]);
  });

  it('counts a loop closed only by a delay builtin as a feedback loop', () => {
    const p = parse('sim start 0 stop 1 dt 1\naux demand = 100 - price\naux price = SMTH1(demand, 5)\n');
    expect(summary(p)).toEqual(['- B: demand -> price']);
  });

  it('marks polarity unknown when a link\'s sign depends on values', () => {
    const p = parse('sim start 0 stop 1 dt 1\nstock s = 1\n  inflow f\nflow f = SIN(s)\n');
    expect(summary(p)).toEqual(['- ?: s -> f']);
  });

  it('names the loop a declaration lists, even when enumeration stops before it', () => {
    const p = parse(
      'sim start 0 stop 1 dt 1\nstock A = 1\n  inflow f\nstock B = 1\n  inflow g\nflow f = A * 0.1 - B * 0.05\nflow g = A * 0.01\nloop R1: A -> f\n',
    );
    const all = findLoops(p.models[0]!).loops.map((l) => `${l.name ?? '-'} ${l.polarity}: ${l.variables.join(' -> ')}`);
    expect(all).toEqual(['R1 R: A -> f', '- B: A -> g -> B -> f']);
    const bounded = findLoops(p.models[0]!, { limit: 1 });
    expect(bounded.truncated).toBe(true);
    expect(bounded.loops.find((l) => l.name === 'R1')?.variables).toEqual(['A', 'f']);
  });
});

