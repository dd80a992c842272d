// One test per model of the shared SDXorg suite, named by its folder and file, run through
// the same path as `sluice run`. Models that Sluice cannot run yet are listed with the reason
// in known-gaps.tsv; their test asserts they still fail, so closing a gap forces the list
// (and the README's table) to be updated.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunnable, readManifest, runCase } from '@sluice/cli';

const suite = resolve('../shared/test-models');

function readKnownGaps(): Map<string, string> {
  const gaps = new Map<string, string>();
  const text = readFileSync(resolve('test/conformance/known-gaps.tsv'), 'utf8');
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [id, reason] = line.split('\t');
    if (id) gaps.set(id.trim(), (reason ?? '').trim());
  }
  return gaps;
}

describe('the shared conformance suite', () => {
  it('is present beside the repository', () => {
    expect(existsSync(resolve(suite, 'manifest.tsv'))).toBe(true);
  });

  const gaps = readKnownGaps();
  const entries = existsSync(resolve(suite, 'manifest.tsv')) ? readManifest(suite).filter(isRunnable) : [];
  const ids = new Set(entries.map((e) => `${e.folder}/${e.modelFile}`));

  it('lists no known gap that is not in the manifest', () => {
    expect([...gaps.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const entry of entries) {
    const id = `${entry.folder}/${entry.modelFile}`;
    const gap = gaps.get(id);
    if (gap !== undefined) {
      it(`${id} still fails (known gap: ${gap})`, () => {
        const outcome = runCase(suite, entry);
        expect(outcome.passed, `${id} passes now: remove it from test/conformance/known-gaps.tsv`).toBe(false);
      });
    } else {
      it(`${id} [${entry.role}]`, () => {
        const outcome = runCase(suite, entry);
        expect(outcome.passed, outcome.detail).toBe(true);
      });
    }
  }
});
