import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { formatDiagnostic, type Project, type Result } from '@sluice/ir';
import { importXmile } from '@sluice/xmile';
import { importVensim } from '@sluice/vensim';
import { parseSluice, printSluice } from './index.js';

/**
 * Every conformance-suite model that imports is printed as Sluice text, read back without
 * errors, and printed again to the same text: the printer takes any IR, not only its own.
 */
const root = new URL('../../../../../shared/test-models/', import.meta.url);
const manifest = new URL('manifest.tsv', root);
const rows = existsSync(manifest)
  ? readFileSync(manifest, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'))
  : [];

function importModel(folder: string, file: string, format: string): Result<Project> | undefined {
  const url = new URL(`${folder}/${file}`, root);
  if (!existsSync(url)) return undefined;
  const text = readFileSync(url, 'utf8');
  return format === 'mdl' ? importVensim(text, { file }) : importXmile(text, { file });
}

/** The models the importers accept: a model they refuse is their tests' to report, not this one's. */
const imported = rows.flatMap(([folder, file, format]) => {
  const result = importModel(folder!, file!, format!);
  return result?.ok ? [{ name: `${folder}/${file}`, project: result.value }] : [];
});

describe.runIf(imported.length > 0)('printSluice over the conformance suite', () => {
  it.each(imported)('$name prints, reads back and prints the same', ({ project }) => {
    const printed = printSluice(project);
    const back = parseSluice(printed, { file: 'printed.sluice' });
    if (!back.ok) throw new Error(back.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    expect(printSluice(back.value)).toBe(printed);
    expect(back.value.dialect).toBe(project.dialect);
    expect(back.value.models[0]!.variables.length).toBe(project.models[0]!.variables.length);
  });
});
