import { runCase, type CaseOutcome } from './run-case.js';
import { isRunnable, readManifest } from './manifest.js';

export interface SuiteReport {
  outcomes: CaseOutcome[];
  /** Passed and total per model format (`xmile`, `stmx`, `mdl`). */
  byFormat: Map<string, { passed: number; total: number }>;
  passed: number;
  failed: number;
}

export function runSuite(suiteDir: string, filter?: (id: string) => boolean): SuiteReport {
  const outcomes: CaseOutcome[] = [];
  const byFormat = new Map<string, { passed: number; total: number }>();
  for (const entry of readManifest(suiteDir)) {
    if (!isRunnable(entry)) continue;
    const id = `${entry.folder}/${entry.modelFile}`;
    if (filter && !filter(id)) continue;
    const o = runCase(suiteDir, entry);
    outcomes.push(o);
    const f = byFormat.get(entry.format) ?? { passed: 0, total: 0 };
    f.total++;
    if (o.passed) f.passed++;
    byFormat.set(entry.format, f);
  }
  const passed = outcomes.filter((o) => o.passed).length;
  return { outcomes, byFormat, passed, failed: outcomes.length - passed };
}

/** One line per failing model with its first bad cell, a count per format, then `N passed, N failed`. */
export function formatSuiteReport(report: SuiteReport): string {
  const lines: string[] = [];
  for (const o of report.outcomes) if (!o.passed) lines.push(`FAIL ${o.id} [${o.entry.role}]: ${o.detail}`);
  for (const [format, c] of [...report.byFormat].sort()) lines.push(`${format}: ${c.passed}/${c.total} passed`);
  lines.push(`${report.passed} passed, ${report.failed} failed`);
  return lines.join('\n');
}
