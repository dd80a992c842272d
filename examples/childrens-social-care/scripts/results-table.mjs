#!/usr/bin/env node
// Regenerates the results table of the example's README from the model's own output: every
// scenario run to 31 March 2024 (month 108) and compared with the baseline S0.
//
//   npx tsc -b && node examples/childrens-social-care/scripts/results-table.mjs          rewrite the README table
//   npx tsc -b && node examples/childrens-social-care/scripts/results-table.mjs --check  fail if it is out of date
//
// It also regenerates the list of assumed (A-marked) parameters from the model's documentation.
// Each table sits between its two marker comments below; nothing else in the README is touched.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSluice } from '@sluice/language';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { formatDiagnostic } from '@sluice/ir';

const exampleDir = fileURLToPath(new URL('../', import.meta.url));
export const readmeFile = `${exampleDir}README.md`;
const sections = {
  results: ['<!-- results-table:start -->', '<!-- results-table:end -->'],
  assumed: ['<!-- assumed-parameters:start -->', '<!-- assumed-parameters:end -->'],
};

const AT = 108; // 31 March 2024
const REPORTED = [
  'Children_in_Care',
  'CLA_Rate_per_10000',
  'CLA_External_Residential',
  'Caseload_per_SW',
  'Cumulative_Placement_Spend',
  'Cumulative_Workforce_Spend',
];

function unwrap(result, what) {
  if (!result.ok) throw new Error(`${what}:\n${result.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
  return result.value;
}

/** The scenario files, S0 first, then S1a … S7, then the tests T1, T2 (the README table's order). */
export function loadScenarios() {
  const dir = `${exampleDir}scenarios/`;
  const order = (n) => [n.startsWith('T') ? 1 : 0, parseInt(n.slice(1), 10), n];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')))
    .sort((a, b) => {
      const [x, y] = [order(a.name), order(b.name)];
      return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : 1);
    });
}

function loadProject() {
  const file = `${exampleDir}childrens-social-care.sluice`;
  return unwrap(parseSluice(readFileSync(file, 'utf8'), { file }), 'parsing the model');
}

/** The results table (Markdown) as the model computes it today. */
export function resultsTable(project = loadProject()) {
  const model = unwrap(compile(project), 'compiling the model');
  const rows = loadScenarios().map((s) => {
    const r = unwrap(simulate(model, { overrides: s.overrides, vars: REPORTED }), `running ${s.name}`);
    const col = (name) => r.columns.find((c) => c.ident === name.toLowerCase()).values;
    const row = (t) => Math.round((t - r.times[0]) / (r.times[1] - r.times[0]));
    const at = (name, t) => col(name)[row(t)];
    return {
      name: s.name,
      title: s.description.split('. ')[0],
      cla: at('Children_in_Care', AT),
      rate: at('CLA_Rate_per_10000', AT),
      external: at('CLA_External_Residential', AT),
      placementSpend: at('Cumulative_Placement_Spend', AT) - at('Cumulative_Placement_Spend', AT - 12),
      workforceSpend: at('Cumulative_Workforce_Spend', AT) - at('Cumulative_Workforce_Spend', AT - 12),
      caseload2021: at('Caseload_per_SW', AT - 36),
      caseload2024: at('Caseload_per_SW', AT),
    };
  });
  const base = rows.find((r) => r.name === 'S0');
  const pct = (x, b) => {
    const p = (x / b - 1) * 100;
    return Math.abs(p) < 0.05 ? '0.0 %' : `${p > 0 ? '+' : '−'}${Math.abs(p).toFixed(1)} %`;
  };
  const m = (x) => (x / 1e6).toFixed(1);
  const lines = [
    '| Scenario | | CLA 31 Mar 2024 | Δ CLA vs S0 | per 10,000 | External residential | Placement spend FY2023/24 (£m) | Δ spend vs S0 | Caseload Mar 2021 → Mar 2024 | Workforce spend FY2023/24 (£m) |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map((r) =>
      `| ${r.name} | ${r.title} | ${r.cla.toFixed(0)} | ${pct(r.cla, base.cla)} | ${r.rate.toFixed(1)} | ${r.external.toFixed(1)} | ${m(r.placementSpend)} | ${pct(r.placementSpend, base.placementSpend)} | ${r.caseload2021.toFixed(1)} → ${r.caseload2024.toFixed(1)} | ${m(r.workforceSpend)} |`,
    ),
  ];
  return lines.join('\n');
}

// A status marker in a doc: `A:`, `D/A:`, `A (calibrated):`, at the start or after a sentence.
const statusMarker = /(?:^|\. )((?:[FDA]\/)*[FDA])(?: \(([^)]*)\))?: /;

/** Every constant and initial value whose documented status includes A (assumed). */
export function assumedParametersTable(project = loadProject()) {
  const esc = (s) => s.replace(/\|/g, '\\|');
  const rows = [];
  for (const v of project.models[0].variables) {
    const m = v.doc?.match(statusMarker);
    if (!m || !m[1].split('/').includes('A')) continue;
    const what = v.kind === 'stock' ? `${v.name} (initial value)` : v.name;
    const status = m[2] ? `${m[1]} (${m[2]})` : m[1];
    const basis = v.doc.slice(m.index + m[0].length);
    const value = v.gf ? v.gf.xs.map((x, i) => `(${x}, ${v.gf.ys[i]})`).join(' ') : (v.equation?.text ?? '');
    rows.push(`| ${what} | ${esc(value)} | ${esc(v.units ?? '')} | ${status} | ${esc(basis)} |`);
  }
  return ['| Parameter | Value | Units | Status | Basis |', '|---|--:|---|---|---|', ...rows].join('\n');
}

/** The README with the section between the markers of `which` replaced by `table`. */
export function withSection(readme, which, table) {
  const [startMarker, endMarker] = sections[which];
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`the README has no ${startMarker} ... ${endMarker} section`);
  return `${readme.slice(0, start + startMarker.length)}\n${table}\n${readme.slice(end)}`;
}

/** The README as it should be: both generated sections up to date. */
export function regeneratedReadme(readme) {
  const project = loadProject();
  return withSection(withSection(readme, 'results', resultsTable(project)), 'assumed', assumedParametersTable(project));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readme = readFileSync(readmeFile, 'utf8');
  const updated = regeneratedReadme(readme);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('The README tables are out of date: run this script without --check.');
      process.exit(1);
    }
    console.log('The README tables are up to date.');
  } else {
    writeFileSync(readmeFile, updated);
    console.log(`Updated ${readmeFile}`);
  }
}
