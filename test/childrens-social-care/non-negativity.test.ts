// §8.4 Non-negativity: no stock of children, places, beds or staff goes below zero in any
// scenario, including extreme levers: contacts cut by 90 % and a demand shock of +200 %.
import { describe, expect, test } from 'vitest';
import { countStocks, loadScenarios, run } from './csc-model.js';

const dt = 0.25;
const extremes: [string, Record<string, number>][] = [
  ...[...loadScenarios().values()].map((s) => [s.name, s.overrides] as [string, Record<string, number>]),
  ['contacts cut by 90 %', { Contact_Reduction: 0.9 }],
  ['a +200 % demand shock', { Shock_Size: 2 }],
  ['a +200 % demand shock under a cap', { Shock_Size: 2, Caseload_Cap_Policy: 1 }],
  ['contacts cut by 90 % with all exits doubled', { Contact_Reduction: 0.9, Exit_Multiplier: 2 }],
  ['triage of every would-be NFA referral with 30 beds built', { Triage_Improvement: 1, Beds_to_Build: 30 }],
];

describe('non-negativity (§8.4)', () => {
  test.each(extremes)('%s: every count stock stays at or above zero and finite', (_, overrides) => {
    const r = run({ overrides, saveStep: dt });
    for (const s of countStocks) {
      const values = [...r.series(s)];
      expect(values.every(Number.isFinite), `${s} is finite`).toBe(true);
      expect(Math.min(...values), s).toBeGreaterThanOrEqual(0);
    }
  });
});
