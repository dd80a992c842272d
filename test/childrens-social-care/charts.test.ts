// The README's charts (scripts/charts.mjs) plot what chartData() returns. These tests check that
// data against the model and the README's results table; the drawing itself is not tested here.
import { beforeAll, describe, expect, test } from 'vitest';
import { AT, chartData, runScenarios, type ChartData, type ScenarioRun } from '../../examples/childrens-social-care/scripts/charts.mjs';
import { resultsTable } from '../../examples/childrens-social-care/scripts/results-table.mjs';

let runs: ScenarioRun[];
let data: ChartData;

beforeAll(() => {
  runs = runScenarios();
  data = chartData(runs);
});

/** The results table's rows as cells, by scenario name. */
function tableRows(): Map<string, string[]> {
  const rows = resultsTable().split('\n').slice(2);
  return new Map(rows.map((r) => r.split('|').slice(1, -1).map((c) => c.trim())).map((cells) => [cells[0]!, cells]));
}

/** A percentage as the results table prints it. */
function asInTable(p: number): string {
  return Math.abs(p) < 0.05 ? '0.0 %' : `${p > 0 ? '+' : '−'}${Math.abs(p).toFixed(1)} %`;
}

describe('chart data', () => {
  test('every series has one value per saved month, 0 to 180', () => {
    expect(data.months).toHaveLength(181);
    expect(data.months[0]).toBe(0);
    expect(data.months[180]).toBe(180);
    expect(data.months).toEqual(Array.from(runs[0]!.result.times));
    const series = [
      ...data.childrenInCare.series,
      ...data.caseload.series,
      ...data.placementSpend.types,
      { values: data.placementSpend.total },
    ];
    for (const s of series) expect(s.values).toHaveLength(181);
  });

  test('children in care: one line per scenario, at 31 March 2024 as in the results table', () => {
    const table = tableRows();
    expect(data.childrenInCare.series.map((s) => s.name)).toEqual([...table.keys()]);
    for (const s of data.childrenInCare.series) expect(s.values[AT]!.toFixed(0)).toBe(table.get(s.name)![2]);
    expect(data.childrenInCare.series[0]!.values[0]).toBe(484);
  });

  test('the bars of change at 2024 are the results table\'s Δ CLA vs S0, sorted, baseline left out', () => {
    const table = tableRows();
    const bars = data.changeAt2024.bars;
    expect(bars).toHaveLength(14);
    expect(bars.map((b) => b.name)).not.toContain('S0');
    for (const b of bars) {
      expect(asInTable(b.percent)).toBe(table.get(b.name)![3]);
      expect(b.childrenInCare.toFixed(0)).toBe(table.get(b.name)![2]);
    }
    const percents = bars.map((b) => b.percent);
    expect(percents).toEqual([...percents].sort((x, y) => x - y));
    expect(bars[0]!.name).toBe('S3b');
    expect(bars[13]!.name).toBe('T1');
  });

  test('placement spend by type adds up to the model\'s Placement_Spend_Rate, in £ million a year', () => {
    const { types, total } = data.placementSpend;
    expect(types.map((t) => t.label)).toEqual([
      'In-house foster',
      'Independent fostering agency',
      'In-house residential (per bed)',
      'External residential',
      'Other placements',
    ]);
    data.months.forEach((_, i) => {
      const sum = types.reduce((acc, t) => acc + t.values[i]!, 0);
      expect(Math.abs(sum - total[i]!)).toBeLessThan(1e-9 * total[i]!);
    });
    // The yearly rate averaged over FY2023/24 is close to the table's spend for that year, which
    // the model integrates every quarter month.
    const fy = total.slice(AT - 12, AT);
    const mean = fy.reduce((a, b) => a + b, 0) / fy.length;
    expect(Math.abs(mean / Number(tableRows().get('S0')![6]) - 1)).toBeLessThan(0.01);
  });

  test('caseload: the baseline and the scenarios that change only staffing or the cap', () => {
    const table = tableRows();
    expect(data.caseload.series.map((s) => s.name)).toEqual(['S0', 'S4a', 'S4b', 'S7']);
    for (const s of data.caseload.series) {
      const [at2021, at2024] = table.get(s.name)![8]!.split(' → ');
      expect(s.values[AT - 36]!.toFixed(1)).toBe(at2021);
      expect(s.values[AT]!.toFixed(1)).toBe(at2024);
    }
    expect(data.caseload.maximumCaseload).toBe(16);
    expect(data.policyStart).toBe(48);
  });

  test('runs saved at other times than the baseline are refused', () => {
    const [base, other] = runs;
    const shifted = { ...other!, result: { ...other!.result, times: other!.result.times.map((t) => t + 0.5) } };
    expect(() => chartData([base!, shifted])).toThrow(/saved at other times/);
  });
});
