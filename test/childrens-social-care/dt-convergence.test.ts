// §8.5 DT convergence: children in care at 31 March 2024 (month 108) agree within 0.5 % between
// DT = 0.25 and DT = 0.0625 months, for the baseline and every scenario.
import { describe, expect, test } from 'vitest';
import { loadScenarios, runScenario } from './csc-model.js';

describe('DT convergence (§8.5)', () => {
  test.each([...loadScenarios().values()].map((s) => [s.name, s] as const))('%s: CLA at month 108 within 0.5 %% for DT 0.25 and 0.0625', (_, s) => {
    const coarse = runScenario(s, { dt: 0.25, vars: ['Children_in_Care'] }).at('Children_in_Care', 108);
    const fine = runScenario(s, { dt: 0.0625, vars: ['Children_in_Care'] }).at('Children_in_Care', 108);
    expect(Math.abs(coarse / fine - 1)).toBeLessThan(0.005);
  });
});
