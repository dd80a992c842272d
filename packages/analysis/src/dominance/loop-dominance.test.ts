import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSluice } from '@sluice/language';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import type { Project } from '@sluice/ir';
import { loopDominance, type LoopDominance } from './loop-dominance.js';

function parse(text: string, file?: string): Project {
  const r = parseSluice(text, file === undefined ? {} : { file });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}
const load = (path: string): Project => parse(readFileSync(resolve(path), 'utf8'), path);

function dominance(project: Project, variable?: string): LoopDominance {
  const r = loopDominance(project, variable === undefined ? {} : { variable });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  expect(r.warnings).toEqual([]);
  return r.value;
}

const netFlowPeak = (columns: { ident: string; values: Float64Array }[]): number => {
  const of = (id: string) => columns.find((c) => c.ident === id)!.values;
  const [inf, rec] = [of('infection'), of('recovery')];
  const net = inf.map((x, i) => x - rec[i]!);
  return net.indexOf(Math.max(...net));
};
const names = (d: LoopDominance) => d.dominant.map((p) => d.loops[p.loop]!.loop.name);

// Logistic growth s' = r·s·(1 - s/K) as births r·s (reinforcing) and crowding r·s²/K (balancing).
const logistic = `
sim start 0 stop 30 dt 0.25 method euler
stock s = 10
  inflow births
  outflow crowding
flow births = r * s
flow crowding = r * s * s / K
const r = 0.5
const K = 1000
loop R1 "Births": s -> births
loop B1 "Crowding": s -> crowding
`;

describe('loop dominance (Loops That Matter)', () => {
  it('scores the logistic model\'s links and loops at one step as computed by hand', () => {
    const d = dominance(parse(logistic));
    const [s0, s1] = [10, 10 + 0.25 * (0.5 * 10 - (0.5 * 10 * 10) / 1000)];
    expect(d.times[1]).toBe(0.25);
    const births = d.loops.find((l) => l.loop.name === 'R1')!;
    const crowding = d.loops.find((l) => l.loop.name === 'B1')!;
    expect([births.loop.polarity, crowding.loop.polarity]).toEqual(['R', 'B']);
    // s -> births and s -> crowding move only with s: score 1. The flows' changes over the
    // change of the net flow r·Δs·(1 - (s1 + s0)/K):
    const link = (from: string, to: string) => d.links.find((l) => l.from === from && l.to === to)!.score[1]!;
    const shareOfK = (s0 + s1) / 1000;
    expect(link('s', 'births')).toBeCloseTo(1, 12);
    expect(link('s', 'crowding')).toBeCloseTo(1, 12);
    expect(link('births', 's')).toBeCloseTo(1 / (1 - shareOfK), 12);
    expect(link('crowding', 's')).toBeCloseTo(-shareOfK / (1 - shareOfK), 12);
    expect(births.score[1]).toBeCloseTo(1 / (1 - shareOfK), 12);
    expect(births.relativeScore[1]).toBeCloseTo(1 / (1 + shareOfK), 12);
    expect(crowding.relativeScore[1]).toBeCloseTo(-shareOfK / (1 + shareOfK), 12);
    expect(Number.isNaN(births.relativeScore[0]!)).toBe(true);
  });

  it('hands dominance from births to crowding where s passes K/2', () => {
    const d = dominance(parse(logistic), 's');
    // Euler by hand: the crowding loop explains more once (s_t + s_{t-dt}) / 2 passes K / 2.
    const s = [10];
    for (let i = 1; i <= 120; i++) s.push(s[i - 1]! + 0.25 * 0.5 * s[i - 1]! * (1 - s[i - 1]! / 1000));
    const crossing = s.findIndex((x, i) => i > 0 && x + s[i - 1]! > 1000);
    expect(names(d)).toEqual(['R1', 'B1']);
    expect(d.dominant[0]).toMatchObject({ from: 0.25, to: (crossing - 1) * 0.25 });
    expect(d.dominant[1]).toMatchObject({ from: crossing * 0.25, to: 30 });
    expect(s[crossing - 1]!).toBeLessThan(500);
    expect(s[crossing]!).toBeGreaterThan(500);
  });

  it('gives the teacup\'s single balancing loop a score of -1 at every time', () => {
    const d = dominance(load('examples/teacup/teacup.sluice'));
    expect(d.loops).toHaveLength(1);
    expect(d.loops[0]!.loop.name).toBe('B1');
    for (let t = 1; t < d.times.length; t++) {
      expect(d.loops[0]!.score[t]).toBeCloseTo(-1, 9);
      expect(d.loops[0]!.relativeScore[t]).toBeCloseTo(-1, 12);
    }
    expect(d.dominant).toEqual([{ from: 0.125, to: 30, loop: 0 }]);
  });

  it('shifts SIR from contagion (R) to depletion and recovery (B) around the peak of infections', () => {
    const project = load('examples/sir/sir.sluice');
    const compiled = compile(project);
    if (!compiled.ok) throw new Error('compile');
    const run = simulate(compiled.value, { saveStep: 0.125 });
    if (!run.ok) throw new Error('run');
    const infectious = run.value.columns.find((c) => c.ident === 'infectious')!.values;
    const peak = run.value.times[infectious.indexOf(Math.max(...infectious))]!;
    const d = dominance(project);
    expect(d.loops.map((l) => `${l.loop.name} ${l.loop.polarity}`)).toEqual(['R1 R', 'B2 B', 'B1 B']);
    const [first, ...rest] = d.dominant;
    expect(d.loops[first!.loop]!.loop.name).toBe('R1');
    expect(first!.from).toBe(0.125);
    // Contagion explains most of the change until after Infectious stops accelerating (its net
    // inflow peaks) and hands over before Infectious itself peaks.
    const inflection = run.value.times[netFlowPeak(run.value.columns)]!;
    expect(first!.to).toBeGreaterThan(inflection);
    expect(first!.to).toBeLessThan(peak);
    expect(rest.length).toBeGreaterThan(0);
    for (const p of rest) expect(d.loops[p.loop]!.loop.polarity).toBe('B');
    expect(rest.at(-1)!.to).toBe(100);
  });

  it('keeps only the loops through the chosen variable, with relative scores over all loops', () => {
    const d = dominance(load('examples/sir/sir.sluice'), 'Infectious');
    expect(d.loops.map((l) => l.loop.name)).toEqual(['R1', 'B2']);
    const t = 80; // day 10: contagion and recovery explain nearly all, depletion a little
    const sum = Math.abs(d.loops[0]!.relativeScore[t]!) + Math.abs(d.loops[1]!.relativeScore[t]!);
    expect(sum).toBeLessThan(1);
    expect(sum).toBeGreaterThan(0.99);
    expect(names(d)[0]).toBe('R1');
    expect(names(d).at(-1)).toBe('B2');
  });

  it('scores a loop through a SMTH1 along the smooth\'s hidden stock', () => {
    const d = dominance(
      parse(`
sim start 0 stop 10 dt 0.5 method euler
stock s = 1
  inflow growth
flow growth = 0.1 * perceived
aux perceived = SMTH1(s, 2)
`),
    );
    expect(d.loops.map((l) => `${l.loop.polarity}: ${l.loop.variables.join(' -> ')}`)).toEqual(['R: s -> perceived -> growth']);
    const smooth = d.links.find((l) => l.from === 's' && l.to === 'perceived')!;
    for (let t = 2; t < d.times.length; t++) {
      expect(smooth.score[t]).toBeGreaterThan(0);
      expect(d.loops[0]!.relativeScore[t]).toBe(1);
    }
  });

  it.each(['SMTH1(2 * s, 2)', 'SMTH3(s, 3)', 'DELAY1(s, 2)', 'DELAY3(s, 3)', 'DELAYN(s, 3, 4)'])(
    'scores a loop through %s along its hidden chain',
    (call) => {
      const d = dominance(parse(`sim start 0 stop 10 dt 0.25 method euler\nstock s = 1\n  inflow growth\nflow growth = 0.1 * lagged\naux lagged = ${call}\n`));
      expect(d.loops).toHaveLength(1);
      const link = d.links.find((l) => l.from === 's' && l.to === 'lagged')!;
      // Once the change has reached the end of the chain, the link and the loop are active.
      for (let t = 20; t < d.times.length; t++) {
        expect(link.score[t]).toBeGreaterThan(0);
        expect(d.loops[0]!.relativeScore[t]).toBe(1);
      }
    },
  );

  it('scores a Vensim stock through its INTEG net flow expression', async () => {
    const { importVensim } = await import('@sluice/vensim');
    const r = importVensim(
      'stock = INTEG(births - deaths, 100) ~~|\nbirths = 0.25 * stock ~~|\ndeaths = 0.75 * stock ~~|\n' +
        'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n',
    );
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    const d = dominance(r.value);
    // stock 100, 50, 25: births 25, 12.5; deaths 75, 37.5; net -50, -25. births -> stock is
    // |Δbirths / Δnet| = 0.5 with births' sign (+), deaths -> stock 1.5 with its sign (-).
    const score = (from: string) => d.links.find((l) => l.from === from && l.to === 'stock')!.score[1];
    expect(score('births')).toBe(0.5);
    expect(score('deaths')).toBe(-1.5);
    expect(d.loops.map((l) => [l.loop.polarity, l.relativeScore[1]])).toEqual([['R', 0.25], ['B', -0.75]]);
  });

  it('refuses a run whose loop scores would not fit in memory', () => {
    // 2 loops over 121 steps: 242 scores.
    expect(loopDominance(parse(logistic), { maxValues: 242 }).ok).toBe(true);
    const r = loopDominance(parse(logistic), { maxValues: 241 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('too-many-values');
  });

  it('refuses a variable the model does not have', () => {
    const r = loopDominance(parse(logistic), { variable: 'nothing' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('unknown-variable');
  });
});
