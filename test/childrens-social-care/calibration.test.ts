// §8 Calibration targets: the model's baseline against national statistics scaled to the
// average authority (England / 150), each within 10 %. Annual figures are totals of the
// monthly flows over the DfE reporting year (1 April to 31 March); stocks are at 31 March;
// workforce figures are at the DfE workforce census, 30 September (month 54 for 2019).
import { describe, expect, test } from 'vitest';
import { run } from './csc-model.js';

const dt = 0.25;
const r = run({ saveStep: dt });
/** Total of a flow over the financial year ending at month `end`. */
const year = (flow: string, end: number) => r.total(flow, end - 12, end, dt);

// [indicator, model value, national figure / 150 (spec §8 reference modes)]
const targets: [string, () => number, number][] = [
  ['referrals 2018/19', () => year('Referrals', 48), 4339],
  ['re-referral share 2018/19', () => year('Re_Referrals', 48) / year('Referrals', 48), 0.23],
  ['assessments 2018/19', () => year('Assessment_Completions', 48), 4298],
  ['S47 enquiries 2019/20', () => year('Enquiry_Completions', 60), 1340],
  ['CP plans started 2019/20', () => year('S47_to_CP_Plan', 60), 441],
  ['children on CP plans at 31 March 2019', () => r.at('Children_on_CP_Plans', 48), 348],
  ['children looked after at 31 March 2019', () => r.at('Children_in_Care', 48), 521],
  ['children looked after at 31 March 2023', () => r.at('Children_in_Care', 96), 559],
  ['starts to care 2018/19', () => year('Starts_to_Care', 48), 211],
  ['exits from care 2018/19', () => year('Children_Leaving_Care', 48), 196],
  ['caseload per FTE, September 2019', () => r.at('Caseload_per_SW', 54), 16.9],
  ['vacancy rate, September 2019', () => r.at('Vacancy_Rate', 54), 0.16],
  ['turnover rate, September 2019', () => r.at('Turnover_Rate', 54), 0.155],
  ['sickness absence, September 2019', () => r.at('Sickness_Absence_Fraction', 54), 0.031],
];

describe('calibration targets (§8)', () => {
  test.each(targets)('%s is within 10 %% of the national figure / 150', (_, value, target) => {
    expect(Math.abs(value() / target - 1)).toBeLessThanOrEqual(0.1);
  });

  test('the CLA rate per 10,000 children starts at the 2015 national rate of 60', () => {
    expect(r.at('CLA_Rate_per_10000', 0)).toBeCloseTo(60.5, 1);
  });
});
