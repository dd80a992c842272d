// Damaged models that still import are compiled and run: compile and simulate return Results
// (never throw) in bounded time. Runs are cut to a few thousand steps so the bound is about
// the engine, not about a damaged stop time that is legitimately long.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { importXmile } from '@sluice/xmile';
import { importVensim } from '@sluice/vensim';
import { parseSluice } from '@sluice/language';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import type { Project, Result } from '@sluice/ir';
import { mdlSeeds, sluiceSeeds, xmileSeeds } from './corpus.js';
import { mutated } from './mutate.js';
import { RUN, settles } from './settle.js';

const MAX_FUZZ_STEPS = 2000;

function compilesAndRuns(imported: Result<Project>): void {
  if (!imported.ok) return;
  const compiled = settles('compile', () => compile(imported.value));
  if (!compiled.ok) return;
  const { start, stop, dt } = compiled.value.simSpecs;
  const shortened = Number.isFinite(start) && dt > 0 && (stop - start) / dt > MAX_FUZZ_STEPS ? { stop: start + MAX_FUZZ_STEPS * dt } : {};
  settles('simulate', () => simulate(compiled.value, shortened));
}

describe('compile and simulate damaged models', () => {
  it('XMILE', () => {
    fc.assert(fc.property(mutated(xmileSeeds), (text) => compilesAndRuns(settles('importXmile', () => importXmile(text, { file: 'f.xmile' })))), RUN);
  });
  it('Vensim', () => {
    fc.assert(fc.property(mutated(mdlSeeds), (text) => compilesAndRuns(settles('importVensim', () => importVensim(text, { file: 'f.mdl' })))), RUN);
  });
  it('.sluice', () => {
    fc.assert(fc.property(mutated(sluiceSeeds), (text) => compilesAndRuns(settles('parseSluice', () => parseSluice(text, { file: 'f.sluice' })))), RUN);
  });
});
