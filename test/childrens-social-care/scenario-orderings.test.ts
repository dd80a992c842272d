// §8.6 Scenario orderings: the qualitative findings each scenario exists to show, compared at
// 31 March 2024 (month 108), with spend over FY2023/24 (months 96 to 108).
import { describe, expect, test } from 'vitest';
import { change, loadScenarios, run, runScenario, type Run } from './csc-model.js';

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

// The qualitative outcomes the specification expects of each scenario (§6.1, first column).
describe('expected qualitative outcomes (§6.1)', () => {
  const workforceSpend = (name: string) => scenario(name).overYear('Cumulative_Workforce_Spend', 108);

  test('S2 acts faster than S1b: a year after the policy starts it has cut CLA by more', () => {
    const cut = (name: string) => change(scenario(name).at('Children_in_Care', 60), scenario('S0').at('Children_in_Care', 60));
    expect(cut('S2')).toBeLessThan(cut('S1b'));
  });

  test('S1a cuts CLA by less than S1b: the effect grows with the lever', () => {
    expect(claChange('S1a')).toBeLessThan(0);
    expect(claChange('S1a')).toBeGreaterThan(claChange('S1b'));
  });

  test('S4a brings no reduction in CLA', () => {
    expect(claChange('S4a')).toBeGreaterThan(-0.01);
  });

  test('S4b: the placement saving exceeds the extra workforce cost in FY2023/24', () => {
    const saving = placementSpend('S0') - placementSpend('S4b');
    const extraCost = workforceSpend('S4b') - workforceSpend('S0');
    expect(extraCost).toBeGreaterThan(0);
    expect(saving).toBeGreaterThan(extraCost);
  });

  test('S5a: the system fills the new beds; external placements fall, but CLA does not', () => {
    const s5a = scenario('S5a');
    expect(s5a.at('In_house_Residential_Beds', 108)).toBeGreaterThan(s5a.at('In_house_Residential_Beds', 48));
    expect(s5a.at('CLA_In_house_Residential', 108)).toBeGreaterThanOrEqual(0.9 * s5a.at('In_house_Residential_Beds', 108));
    expect(s5a.at('CLA_External_Residential', 108)).toBeLessThan(scenario('S0').at('CLA_External_Residential', 108));
    expect(claChange('S5a')).toBeGreaterThanOrEqual(0);
  });

  test('S5b: with a needs threshold the beds take children from external homes, more than in S5a', () => {
    expect(scenario('S5b').at('CLA_External_Residential', 108)).toBeLessThan(scenario('S5a').at('CLA_External_Residential', 108));
  });

  test('S6: triage saves caseworker time (hundreds of full assessments, thousands of hours a year) with little change in CLA', () => {
    const s6 = run({ overrides: scenarios.get('S6')!.overrides, saveStep: 0.25 });
    const s0 = run({ saveStep: 0.25 });
    const fewerAssessments = s0.total('Assessment_Completions', 96, 108, 0.25) - s6.total('Assessment_Completions', 96, 108, 0.25);
    expect(fewerAssessments).toBeGreaterThan(500);
    expect(s6.total('Triage_Hours_Saved', 96, 108, 0.25)).toBeGreaterThan(5000);
    expect(Math.abs(claChange('S6'))).toBeLessThan(0.02);
  });

  test('T1 raises CLA; under a cap (T2) the same shock leaves no lasting drift in the accepted caseload', () => {
    expect(claChange('T1')).toBeGreaterThan(0);
    expect(cla2024('T2')).toBeLessThan(cla2024('T1'));
    expect(scenario('T2').at('Accepted_Ideal_Caseload', 180)).toBeLessThanOrEqual(scenario('S0').at('Accepted_Ideal_Caseload', 180));
  });
});
