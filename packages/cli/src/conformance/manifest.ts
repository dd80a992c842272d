import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Role = 'primary' | 'variant' | 'broken' | 'auxiliary' | 'no-expected-output' | 'no-model';

/** One row of the suite's manifest.tsv: a model file and what it is compared with. */
export interface ManifestEntry {
  folder: string;
  modelFile: string;
  format: string;
  role: Role;
  expectedOutput: string;
  dataFiles: string[];
  rtol: number;
  atol: number;
  excludeColumns: string[];
}

const none = (s: string | undefined): boolean => s === undefined || s === '' || s === '-' || s === 'none';

/** `a,b,c (why they are left out)`: the names before the parenthesised reason. */
function parseList(s: string | undefined): string[] {
  if (none(s)) return [];
  return s!
    .replace(/\([^)]*\)\s*$/, '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

export function readManifest(suiteDir: string): ManifestEntry[] {
  const rows = parse(readFileSync(join(suiteDir, 'manifest.tsv'), 'utf8'), {
    delimiter: '\t',
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    quote: false,
  }) as Record<string, string>[];
  return rows.map((r) => ({
    folder: r['folder'] ?? '',
    modelFile: r['model_file'] ?? '',
    format: r['format'] ?? '',
    role: (r['role'] ?? 'no-model') as Role,
    expectedOutput: r['expected_output'] ?? 'none',
    dataFiles: parseList(r['data_files']),
    rtol: Number(r['rtol'] ?? '1e-5'),
    atol: Number(r['atol'] ?? '1e-5'),
    excludeColumns: parseList(r['exclude_columns']),
  }));
}

/** Rows that are run: compared with an expected output, or expected to be refused. */
export function isRunnable(e: ManifestEntry): boolean {
  return e.role === 'primary' || e.role === 'variant' || e.role === 'broken';
}
