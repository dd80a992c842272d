// Every suite model that runs must run to the same numbers after conversion to the text
// language and to XMILE (the round trip (c)): the converted file goes through the
// same parse, compile and run as a user's would.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunnable, readManifest, runModelFile } from '@sluice/cli';
import { compile } from '@sluice/compiler';
import type { Project } from '@sluice/ir';
import { parseSluice, printSluice } from '@sluice/language';
import { simulate, type RunResult } from '@sluice/runtime';
import { exportXmile, importXmile } from '@sluice/xmile';

const suite = resolve('../shared/test-models');
const knownGaps = new Set(
  readFileSync(resolve('test/conformance/known-gaps.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t')[0]!.trim()),
);

function runProject(project: Project): RunResult {
  const compiled = compile(project);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  const run = simulate(compiled.value);
  if (!run.ok) throw new Error(run.diagnostics.map((d) => d.message).join('\n'));
  return run.value;
}

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

describe('conversion keeps the numbers of every suite model', () => {
  for (const entry of entries) {
    const id = `${entry.folder}/${entry.modelFile}`;
    it(id, () => {
      const path = join(suite, entry.folder, entry.modelFile);
      const original = runModelFile(path, { dataFiles: entry.dataFiles.map((f) => join(dirname(path), f)) });
      if (!original.ok) {
        expect(knownGaps.has(id), `${id} does not run: ${original.diagnostics[0]?.message}`).toBe(true);
        return;
      }
      const project = original.value.project;
      const text = parseSluice(printSluice(project), { file: `${id}.sluice` });
      if (!text.ok) throw new Error(`text: ${text.diagnostics[0]?.message}`);
      expect(firstDifference(original.value.result, runProject(text.value)), 'through the text language').toBeUndefined();
      const xmile = importXmile(exportXmile(project), { file: `${id}.xmile` });
      if (!xmile.ok) throw new Error(`xmile: ${xmile.diagnostics[0]?.message}`);
      expect(firstDifference(original.value.result, runProject(xmile.value)), 'through XMILE').toBeUndefined();
    });
  }
});
