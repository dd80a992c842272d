// §8 Calibration targets: the model's baseline against national statistics scaled to the
// average authority (England / 150), each within 10 %. The targets are the example's observed
// data, examples/childrens-social-care/observed/national_div150.csv, one row per indicator:
//   measure `at`          the variable at `month` (stocks at 31 March; workforce at 30 September);
//   measure `year_total`  the flow's total over the 12 months to `month` (a DfE reporting year);
//   measure `year_share`  that total divided by the total of the `per` flow.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { run } from './csc-model.js';

const observedFile = fileURLToPath(new URL('../../examples/childrens-social-care/observed/national_div150.csv', import.meta.url));

interface Observation {
  indicator: string;
  variable: string;
  measure: 'at' | 'year_total' | 'year_share';
  per: string;
  month: number;
  value: number;
}

/** One CSV line's fields; fields may be double-quoted, with "" for a quote. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  const field = /(?:"((?:[^"]|"")*)"|([^,]*))(,|$)/y;
  while (field.lastIndex < line.length) {
    const m = field.exec(line);
    if (!m) throw new Error(`bad CSV line: ${line}`);
    fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    if (m[3] === '') break;
  }
  return fields;
}

function readObserved(): Observation[] {
  const [header, ...lines] = readFileSync(observedFile, 'utf8').trim().split(/\r?\n/);
  const cols = csvFields(header!);
  return lines.map((line) => {
    const f = Object.fromEntries(csvFields(line).map((v, i) => [cols[i]!, v]));
    return {
      indicator: f['indicator']!,
      variable: f['variable']!,
      measure: f['measure'] as Observation['measure'],
      per: f['per'] ?? '',
      month: Number(f['month']),
      value: Number(f['value']),
    };
  });
}

const dt = 0.25;
const r = run({ saveStep: dt });
const yearTotal = (flow: string, end: number) => r.total(flow, end - 12, end, dt);

function modelValue(o: Observation): number {
  switch (o.measure) {
    case 'at':
      return r.at(o.variable, o.month);
    case 'year_total':
      return yearTotal(o.variable, o.month);
    case 'year_share':
      return yearTotal(o.variable, o.month) / yearTotal(o.per, o.month);
  }
}

const observed = readObserved();

describe('calibration targets (§8)', () => {
  test('the observed data hold the 14 reference figures of the specification', () => {
    expect(observed).toHaveLength(14);
    for (const o of observed) expect(Number.isFinite(o.value) && Number.isFinite(o.month), o.indicator).toBe(true);
  });

  test.each(observed.map((o) => [o.indicator, o] as const))('%s is within 10 %% of the national figure / 150', (_, o) => {
    expect(Math.abs(modelValue(o) / o.value - 1)).toBeLessThanOrEqual(0.1);
  });

  test('the CLA rate per 10,000 children starts at the 2015 national rate', () => {
    expect(r.at('CLA_Rate_per_10000', 0)).toBeCloseTo(60.5, 1);
  });
});
