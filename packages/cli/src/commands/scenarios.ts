import type { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { compile } from '@sluice/compiler';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { loadModelFile } from '../load/model-file.js';
import { compareScenarios, type ScenarioRow } from '../scenarios/compare-scenarios.js';
import { readScenarioFile, type Scenario } from '../scenarios/scenario-file.js';
import { parseNumberOption, reportDiagnostics, splitList, UsageError } from './report.js';

interface ScenarioFlags {
  at?: string;
  vars?: string;
  output?: string;
}

export function registerScenarios(program: Command, exit: (code: number) => void): void {
  program
    .command('scenarios')
    .description('run every scenario file in a folder and compare each with the baseline at one time')
    .argument('<model>', 'model file')
    .argument('<dir>', 'folder of scenario .json files')
    .option('--at <time>', 'time of comparison (default: the stop time)')
    .option('--vars <names>', 'comma-separated variables to compare (default: every stock)')
    .option('-o, --output <file>', 'also write the table as CSV')
    .action((model: string, dir: string, flags: ScenarioFlags) => exit(scenariosCommand(model, dir, flags)));
}

function scenariosCommand(model: string, dir: string, flags: ScenarioFlags): number {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.json')).sort();
  } catch {
    throw new UsageError(`cannot read the scenario folder ${dir}`);
  }
  const scenarios: Scenario[] = [];
  for (const f of files) {
    const s = readScenarioFile(join(dir, f));
    if (!s.ok) return reportDiagnostics(s.diagnostics, join(dir, f));
    scenarios.push(s.value);
  }
  const project = loadModelFile(model);
  if (!project.ok) return reportDiagnostics(project.diagnostics, model);
  const compiled = compile(project.value);
  if (!compiled.ok) return reportDiagnostics(compiled.diagnostics, model);
  const at = flags.at !== undefined ? parseNumberOption(flags.at, '--at') : project.value.simSpecs.stop;
  const vars = flags.vars
    ? splitList(flags.vars)
    : project.value.models[0]!.variables.filter((v) => v.kind === 'stock' && !v.hidden).map((v) => v.name);
  const rows = compareScenarios(compiled.value, scenarios, vars, at);
  if (!rows.ok) return reportDiagnostics(rows.diagnostics, model);
  process.stdout.write(formatTable(rows.value, at));
  if (flags.output) writeFileAtomic(flags.output, toCsv(rows.value, at));
  return 0;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(4);
}

function formatTable(rows: ScenarioRow[], at: number): string {
  const head = ['scenario', 'variable', `value at ${at}`, 'baseline', 'change'];
  const body = rows.map((r) => [r.scenario, r.variable, fmt(r.value), fmt(r.baseline), Number.isNaN(r.change) ? '-' : `${(r.change * 100).toFixed(1)}%`]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n') + '\n';
}

function toCsv(rows: ScenarioRow[], at: number): string {
  return stringify([
    ['scenario', 'variable', 'time', 'value', 'baseline', 'change'],
    ...rows.map((r) => [r.scenario, r.variable, String(at), String(r.value), String(r.baseline), String(r.change)]),
  ]);
}
