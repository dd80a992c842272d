// §8.3 Steady-state sanity: with the exogenous trends switched off (no growth in contacts, no
// trend in referral conversion, adoptions flat, prices flat), the model settles towards an
// equilibrium: children in care change by less than 0.5 % a year after 2025.
import { describe, expect, test } from 'vitest';
import type { Project } from '@sluice/ir';
import { compileProject, loadProject, run } from './csc-model.js';

/** The model with the adoption trend table flat at its 2019 value of 1. */
function withFlatAdoptionTrend(project: Project): Project {
  const gf = project.models[0]!.variables.find((v) => v.ident === 'gf_adoption_trend');
  if (!gf?.gf) throw new Error('the model has no graphical function GF_Adoption_Trend');
  gf.gf = { type: 'continuous', xs: [0, 180], ys: [1, 1] };
  return project;
}

const noTrends = {
  Contact_Growth: 0,
  Referral_Conversion_Trend: 0,
  Inflation_In_house_Foster: 0,
  Inflation_IFA: 0,
  Inflation_In_house_Residential: 0,
  Inflation_External_Residential: 0,
  Inflation_Other: 0,
};

describe('steady state without exogenous trends (§8.3)', () => {
  const flat = compileProject(withFlatAdoptionTrend(loadProject()));
  const r = run({ overrides: noTrends }, flat);

  test('the flattened adoption trend is really flat', () => {
    expect(r.at('Adoption_Rate', 0)).toBe(r.at('Adoption_Rate', 180));
  });

  test.each([120, 132, 144, 156, 168])('children in care change by less than 0.5 %% in the year from month %i', (t) => {
    const yearly = r.at('Children_in_Care', t + 12) / r.at('Children_in_Care', t) - 1;
    expect(Math.abs(yearly)).toBeLessThan(0.005);
  });

  test('prices stay at their 2019 values', () => {
    expect(r.at('Price_External_Residential', 180)).toBe(r.at('Price_External_Residential', 0));
  });
});
