import type { RunResult } from '@sluice/runtime';

export interface ScenarioFile {
  name: string;
  description: string;
  overrides: Record<string, number>;
}
export interface ScenarioRun {
  scenario: ScenarioFile;
  result: RunResult;
}
export interface ScenarioSeries {
  name: string;
  title: string;
  values: number[];
}
export interface ChangeBar {
  name: string;
  title: string;
  childrenInCare: number;
  percent: number;
}
export interface ChartData {
  at: number;
  firstYear: number;
  policyStart: number;
  months: number[];
  childrenInCare: { baseline: number; series: ScenarioSeries[] };
  changeAt2024: { baseline: number; bars: ChangeBar[] };
  placementSpend: { scenario: string; types: { label: string; values: number[] }[]; total: number[] };
  caseload: { maximumCaseload: number; series: ScenarioSeries[] };
}

/** The folder the PNG images are written to. */
export const chartsDir: string;
/** The month of the comparison, 31 March 2024. */
export const AT: number;
/** The five terms of Placement_Spend_Rate: label, count variable and price variable. */
export const PLACEMENT_TYPES: { label: string; count: string; price: string }[];
/** The scenario files in the README table's order. */
export function loadScenarios(): ScenarioFile[];
/** Every scenario run through the model. */
export function runScenarios(): ScenarioRun[];
/** What the four charts plot, from the runs alone. */
export function chartData(runs: ScenarioRun[]): ChartData;
/** Draws the charts in headless Chromium; returns the file names written. */
export function renderCharts(data: ChartData, outDir?: string): Promise<string[]>;
