// Every suite model that runs must run to the same numbers after conversion to the text
// language and to XMILE (the round trip (c)), the way a user converts and runs it:
// `sluice convert` reads the model without its data, the converted file is written beside a
// copy of the model's files, and `sluice run` reads it with the same `--data`. So a Vensim data
// variable, or a GET XLS call's file, must survive conversion, not only the numbers it gave.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRunnable, loadModelFile, readManifest, runModelFile, type ManifestEntry } from '@sluice/cli';
import type { Project } from '@sluice/ir';
import { dataSourcesOf, printSluice } from '@sluice/language';
import type { RunResult } from '@sluice/runtime';
import { exportXmile } from '@sluice/xmile';

const suite = resolve('../shared/test-models');
const knownGaps = new Set(
  readFileSync(resolve('test/conformance/known-gaps.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t')[0]!.trim()),
);

/** The first cell where two runs differ by more than 1e-9 relative, or undefined. */
function firstDifference(a: RunResult, b: RunResult): string | undefined {
  if (a.times.length !== b.times.length) return `${a.times.length} saved times against ${b.times.length}`;
  const other = new Map(b.columns.map((c) => [c.name, c.values]));
  for (const col of a.columns) {
    const values = other.get(col.name);
    if (!values) return `column "${col.name}" is missing`;
    for (let k = 0; k < a.times.length; k++) {
      const x = col.values[k]!;
      const y = values[k]!;
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
      if (!(Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) || x === y)) {
        return `"${col.name}" at t=${a.times[k]}: ${x} became ${y}`;
      }
    }
  }
  return undefined;
}

const entries = readManifest(suite).filter((e) => isRunnable(e) && e.role !== 'broken');
const scratch = mkdtempSync(join(tmpdir(), 'sluice-convert-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A model reads files beside it (data runs, GET XLS spreadsheets): those need a copy of its folder. */
function readsFiles(entry: ManifestEntry, project: Project): boolean {
  return entry.dataFiles.length > 0 || project.models.some((m) => m.variables.some((v) => dataSourcesOf(v).length > 0));
}

/** Writes `text` as `file` in a folder of its own (a copy of the model's when it reads files) and runs it with the model's data. */
function runConverted(entry: ManifestEntry, project: Project, file: string, text: string): RunResult {
  const folder = mkdtempSync(join(scratch, 'm-'));
  if (readsFiles(entry, project)) cpSync(join(suite, entry.folder), folder, { recursive: true });
  writeFileSync(join(folder, file), text);
  const run = runModelFile(join(folder, file), { dataFiles: entry.dataFiles.map((f) => join(folder, f)) });
  if (!run.ok) throw new Error(`${file}: ${run.diagnostics.map((d) => d.message).join('\n')}`);
  return run.value.result;
}

describe('conversion keeps the numbers of every suite model', () => {
  for (const entry of entries) {
    const id = `${entry.folder}/${entry.modelFile}`;
    it(id, () => {
      const path = join(suite, entry.folder, entry.modelFile);
      const original = runModelFile(path, { dataFiles: entry.dataFiles.map((f) => join(suite, entry.folder, f)) });
      if (!original.ok) {
        expect(knownGaps.has(id), `${id} does not run: ${original.diagnostics[0]?.message}`).toBe(true);
        return;
      }
      // What `sluice convert` converts: the model as read, before any data is filled in.
      const project = loadModelFile(path);
      if (!project.ok) throw new Error(`convert: ${project.diagnostics[0]?.message}`);
      const text = runConverted(entry, project.value, 'converted.sluice', printSluice(project.value));
      expect(firstDifference(original.value.result, text), 'through the text language').toBeUndefined();
      const xmile = runConverted(entry, project.value, 'converted.xmile', exportXmile(project.value));
      expect(firstDifference(original.value.result, xmile), 'through XMILE').toBeUndefined();
    });
  }
});
