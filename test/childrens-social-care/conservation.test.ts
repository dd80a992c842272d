// §8.1 Conservation of children: children enter and leave the system only through the front
// door, early-help closures, the end of the re-referral window, other care entries and the
// permanent exits from care. Every other flow moves children between stocks, so the sum of the
// eleven child stocks must follow the external flows exactly, at every step, in every scenario.
import { describe, expect, test } from 'vitest';
import { childStocks, loadScenarios, run, runScenario, type Run } from './csc-model.js';

const dt = 0.25;
const scenarios = [...loadScenarios().values()];

function externalNetFlow(r: Run, k: number): number {
  const v = (name: string) => r.series(name)[k]!;
  const permanentExitRate = v('SGO_CAO_Rate') + v('Adoption_Rate') + v('Age_18_Rate') + v('Other_Exit_Rate');
  return (
    v('New_Referrals') + v('Contacts_to_Early_Help') + v('Other_Care_Entries')
    - v('Early_Help_Closures') - v('Leaving_Re_referral_Window')
    - v('Children_in_Care') * permanentExitRate
  );
}

function childTotal(r: Run, k: number): number {
  return childStocks.reduce((sum, s) => sum + r.series(s)[k]!, 0);
}

describe('conservation of children (§8.1)', () => {
  test.each(scenarios.map((s) => [s.name, s] as const))('%s: the child stocks change only by the external flows, at every step', (_, s) => {
    const r = runScenario(s, { saveStep: dt });
    expect(r.times.length).toBe(180 / dt + 1);
    let worst = 0;
    for (let k = 0; k + 1 < r.times.length; k++) {
      const change = childTotal(r, k + 1) - childTotal(r, k);
      const expected = dt * externalNetFlow(r, k);
      worst = Math.max(worst, Math.abs(change - expected) / childTotal(r, k));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  test.each(scenarios.map((s) => [s.name, s] as const))('%s: placement allocation neither loses nor creates children', (_, s) => {
    const r = runScenario(s, { saveStep: dt });
    const check = r.series('Placement_Balance_Check');
    const entries = r.series('Care_Entries');
    for (let k = 0; k < r.times.length; k++) expect(Math.abs(check[k]!)).toBeLessThan(1e-9 * entries[k]!);
  });

  test('Children_in_Care is the sum of the five placement stocks', () => {
    const r = run();
    const placements = ['CLA_In_house_Foster', 'CLA_IFA', 'CLA_In_house_Residential', 'CLA_External_Residential', 'CLA_Other_Placements'];
    for (const t of [0, 48, 108, 180]) {
      const sum = placements.reduce((a, p) => a + r.at(p, t), 0);
      expect(r.at('Children_in_Care', t)).toBeCloseTo(sum, 9);
    }
    expect(r.at('Children_in_Care', 0)).toBe(484);
  });
});
