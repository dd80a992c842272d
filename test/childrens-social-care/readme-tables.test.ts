// The README's results table and its list of assumed parameters are generated from the model
// (scripts/results-table.mjs). This test fails when either no longer matches the model, so the
// README can never show numbers the model does not produce.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { assumedParametersTable, readmeFile, regeneratedReadme, resultsTable } from '../../examples/childrens-social-care/scripts/results-table.mjs';

describe('README tables', () => {
  test('the results table at 31 March 2024 and the assumed parameters are up to date', () => {
    const readme = readFileSync(readmeFile, 'utf8');
    expect(readme).toBe(regeneratedReadme(readme));
  });

  test('the results table has one row per scenario, baseline first', () => {
    const rows = resultsTable().split('\n').slice(2);
    expect(rows).toHaveLength(15);
    expect(rows[0]).toMatch(/^\| S0 \| Baseline \| \d+ \| 0\.0 % \|/);
  });

  test('the assumed parameters include the documented A-marked ones, and no F-marked ones', () => {
    const table = assumedParametersTable();
    expect(table).toContain('| NFA_Fraction | 0.28 | dmnl | A |');
    expect(table).toContain('| Threshold_Elasticity | 2 | dmnl | A |');
    expect(table).toContain('| CLA_In_house_Residential (initial value) | 9 | children | A |');
    expect(table).not.toContain('| Base_Sickness_Absence |');
    expect(table).not.toContain('| Cost_IFA_2019 |');
  });
});
