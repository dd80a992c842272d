import type { Command } from 'commander';
import { formatSuiteReport, runSuite } from '../conformance/run-suite.js';

export function registerConformance(program: Command, exit: (code: number) => void): void {
  program
    .command('conformance')
    .description('run the SDXorg test-models suite (its manifest.tsv) and compare with the canonical outputs')
    .argument('[suite]', 'folder holding manifest.tsv', '../shared/test-models')
    .option('--filter <text>', 'only models whose folder/file contains this text')
    .action((suite: string, flags: { filter?: string }) => {
      const filter = flags.filter;
      const report = runSuite(suite, filter ? (id) => id.includes(filter) : undefined);
      process.stdout.write(formatSuiteReport(report) + '\n');
      exit(report.failed === 0 ? 0 : 1);
    });
}
