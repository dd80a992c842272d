// §8.6 Scenario orderings: the qualitative findings each scenario exists to show, compared at
// 31 March 2024 (month 108), with spend over FY2023/24 (months 96 to 108).
import { describe, expect, test } from 'vitest';
import { change, loadScenarios, runScenario, type Run } from './csc-model.js';

const scenarios = loadScenarios();
const runs = new Map<string, Run>();
function scenario(name: string): Run {
  let r = runs.get(name);
  if (!r) {
    const s = scenarios.get(name);
    if (!s) throw new Error(`no scenario ${name}`);
    r = runScenario(s);
    runs.set(name, r);
  }
  return r;
}

const cla2024 = (name: string) => scenario(name).at('Children_in_Care', 108);
const claChange = (name: string) => change(cla2024(name), cla2024('S0'));
const placementSpend = (name: string) => scenario(name).overYear('Cumulative_Placement_Spend', 108);
const caseload = (name: string, t: number) => scenario(name).at('Caseload_per_SW', t);

describe('scenario orderings (§8.6)', () => {
  test('seed (d): cutting contacts 20 % (S1b) and raising all exits 20 % (S2) cut CLA alike, each by more than 8 %', () => {
    expect(claChange('S1b')).toBeLessThan(-0.08);
    expect(claChange('S2')).toBeLessThan(-0.08);
    expect(Math.abs(claChange('S1b') - claChange('S2'))).toBeLessThanOrEqual(0.05);
  });

  test('seed (e): preventing escalation into care (S3b) cuts CLA more than twice as much as more reunification (S3)', () => {
    expect(claChange('S3')).toBeLessThan(0);
    expect(-claChange('S3b')).toBeGreaterThan(2 * -claChange('S3'));
  });

  test('seed (f): with 20 % more staff and no cap (S4a), caseload relief is temporary', () => {
    let lowest = Infinity;
    for (let t = 48; t <= 60; t++) lowest = Math.min(lowest, caseload('S4a', t));
    expect(lowest).toBeLessThan(caseload('S0', 54));
    expect(caseload('S4a', 72) - lowest).toBeGreaterThanOrEqual(0.8);
  });

  test('seed (f): with a managed maximum caseload (S4b) the relief is kept: caseload at 2024 at least 2 below S4a', () => {
    expect(caseload('S4a', 108) - caseload('S4b', 108)).toBeGreaterThanOrEqual(2);
  });

  test('seed (c, g): new beds without a needs threshold (S5a) do not save money; with one (S5b) they do', () => {
    expect(placementSpend('S5a')).toBeGreaterThanOrEqual(placementSpend('S0'));
    expect(placementSpend('S5b')).toBeLessThan(placementSpend('S0'));
  });

  test('hysteresis (T1): after a demand shock the accepted ideal caseload stays at least 0.8 above the baseline in 2030', () => {
    expect(scenario('T1').at('Accepted_Ideal_Caseload', 180) - scenario('S0').at('Accepted_Ideal_Caseload', 180)).toBeGreaterThanOrEqual(0.8);
  });
});
