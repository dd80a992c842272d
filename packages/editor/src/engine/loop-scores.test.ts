import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loopScores, type LoopScoresRequest } from './loop-scores.js';

const teacup = `sim start 0 stop 30 dt 0.125 method euler
stock Teacup_Temperature = 180
  outflow Heat_Loss_to_Room
flow Heat_Loss_to_Room = (Teacup_Temperature - Room_Temperature) / Characteristic_Time
const Room_Temperature = 70
const Characteristic_Time = 10
loop B1 "Cooling": Teacup_Temperature -> Heat_Loss_to_Room
`;

const sir = readFileSync(new URL('../../../../examples/sir/sir.sluice', import.meta.url), 'utf8');

const request = (text: string, variable: string, overrides: Record<string, number> = {}): LoopScoresRequest => ({ text, format: 'sluice', file: 'm.sluice', variable, overrides });

describe('loop scores for the Loops view', () => {
  it("name the teacup's one balancing loop, which alone scores -1 at every step after the first", () => {
    const r = loopScores(request(teacup, 'Teacup_Temperature'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.loops.map((l) => [l.name, l.doc, l.polarity, l.variables])).toEqual([['B1', 'Cooling', 'B', ['Teacup_Temperature', 'Heat_Loss_to_Room']]]);
    expect(r.times).toHaveLength(241);
    expect(r.loops[0]!.relativeScore[0]).toBeNaN();
    expect([...r.loops[0]!.relativeScore.slice(1)].every((v) => v === -1)).toBe(true);
  });

  it("hand SIR's Infectious over from contagion (R1) to recovery (B2)", () => {
    const r = loopScores(request(sir, 'Infectious'));
    const byName = new Map(r.loops.map((l) => [l.name, l]));
    expect([...byName.keys()].sort()).toEqual(['B2', 'R1']);
    expect(byName.get('R1')?.doc).toBe('Contagion');
    expect(byName.get('R1')?.polarity).toBe('R');
    expect(byName.get('B2')?.polarity).toBe('B');
    const r1 = byName.get('R1')!.relativeScore;
    const b2 = byName.get('B2')!.relativeScore;
    const last = r.times.length - 1;
    expect(r1[10]).toBeGreaterThan(0);
    expect(r1[10]!).toBeGreaterThan(Math.abs(b2[10]!));
    expect(b2[last]).toBeLessThan(0);
    expect(Math.abs(b2[last]!)).toBeGreaterThan(r1[last]!);
  });

  it('score the run with the sliders: a lower contact rate slows the epidemic, so contagion dominates for longer', () => {
    const share = (overrides: Record<string, number>) => {
      const r = loopScores(request(sir, 'Infectious', overrides));
      const r1 = r.loops.find((l) => l.name === 'R1')!.relativeScore;
      return r1.reduce((n, v) => n + (v > 0.5 ? 1 : 0), 0);
    };
    expect(share({ Contact_Rate: 3 })).toBeGreaterThan(share({}));
  });

  it('send only the strongest loops when asked for fewer than pass through the variable, and say how many there are', () => {
    const all = loopScores(request(sir, 'Infectious'));
    expect(all.total).toBe(2);
    const peak = (name: string) => Math.max(...[...all.loops.find((l) => l.name === name)!.relativeScore].filter(Number.isFinite).map(Math.abs));
    const strongest = peak('R1') > peak('B2') ? 'R1' : 'B2';
    const one = loopScores({ ...request(sir, 'Infectious'), top: 1 });
    expect(one.total).toBe(2);
    expect(one.loops.map((l) => l.name)).toEqual([strongest]);
  });

  it('report a model that does not parse, or a variable it lacks, with no scores', () => {
    const broken = loopScores(request('sim start 0 stop 1 dt 1\nstock S = (\n', 'S'));
    expect(broken.loops).toEqual([]);
    expect(broken.total).toBe(0);
    expect(broken.diagnostics[0]?.severity).toBe('error');
    expect(broken.diagnostics[0]?.loc?.line).toBe(2);
    const unknown = loopScores(request(teacup, 'Coffee'));
    expect(unknown.loops).toEqual([]);
    expect(unknown.diagnostics.map((d) => d.code)).toContain('unknown-variable');
  });
});
