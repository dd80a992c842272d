import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@sluice/ir';
import { simulate } from '@sluice/runtime';
import { importVensim } from '@sluice/vensim';
import { compile } from '../index.js';

/**
 * The moments of Vensim's RANDOM functions, from the conformance suite's `random/` folder
 * (expected min, max, mean, variance, skewness and excess kurtosis per call), against a sample of
 * SAMPLES draws from one fixed seed. The run is deterministic, so the test cannot flake; the
 * tolerances are still statistical, so it would catch a wrong distribution, a wrong argument
 * order or clamping instead of redrawing (the half-normal's mean 0.798 against 0.399).
 */
const SUITE = fileURLToPath(new URL('../../../../../shared/test-models/random/', import.meta.url));
const SAMPLES = 200_000;
const BATCHES = 25;
/** A statistic must lie within this many standard errors of the expected value. */
const SIGMAS = 5;

interface Moments {
  mean: number;
  variance: number;
  skewness: number;
  kurtosis: number;
}

function moments(xs: ArrayLike<number>, from: number, to: number): Moments {
  const n = to - from;
  let m = 0;
  for (let i = from; i < to; i++) m += xs[i]!;
  m /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = from; i < to; i++) {
    const d = xs[i]! - m;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { mean: m, variance: m2, skewness: m2 === 0 ? 0 : m3 / m2 ** 1.5, kurtosis: m2 === 0 ? 0 : m4 / (m2 * m2) - 3 };
}

/** Standard errors of the whole sample's statistics, from the spread of the statistics of BATCHES equal batches. */
function standardErrors(xs: ArrayLike<number>): Moments {
  const size = Math.floor(xs.length / BATCHES);
  const per = Array.from({ length: BATCHES }, (_, b) => moments(xs, b * size, (b + 1) * size));
  const se = (k: keyof Moments): number => {
    const m = per.reduce((s, p) => s + p[k], 0) / BATCHES;
    const v = per.reduce((s, p) => s + (p[k] - m) ** 2, 0) / (BATCHES - 1);
    return Math.sqrt(v / BATCHES);
  };
  return { mean: se('mean'), variance: se('variance'), skewness: se('skewness'), kurtosis: se('kurtosis') };
}

function expectations(file: string): { call: string; stats: Record<string, number> }[] {
  const rows = readFileSync(SUITE + file, 'utf8').trimEnd().split('\n').map((l) => l.split('\t'));
  const header = rows[0]!;
  return header.slice(1).map((call, k) => ({ call, stats: Object.fromEntries(rows.slice(1).map((r) => [r[0]!, Number(r[k + 1])])) }));
}

function sample(calls: string[]): Float64Array[] {
  const equations = calls.map((c, k) => `x${k} = ${c} ~~|`).join('\n');
  const mdl = `{UTF-8}\n${equations}\nINITIAL TIME = 0 ~~|\nFINAL TIME = ${SAMPLES - 1} ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n`;
  const imported = importVensim(mdl, { file: 'random.mdl' });
  if (!imported.ok) throw new Error(imported.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  const compiled = compile(imported.value);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  const run = simulate(compiled.value, { seed: 20240423 });
  if (!run.ok) throw new Error(run.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return calls.map((_, k) => run.value.columns.find((c) => c.ident === `x${k}`)!.values as Float64Array);
}

const files = ['random_uniform/uniform_expected.tab', 'random_normal/normal_expected.tab', 'random_exponential/exponential_expected.tab'];

describe.skipIf(!existsSync(SUITE))("Vensim's random functions match the suite's moments", () => {
  for (const file of files) {
    it(file, { timeout: 60_000 }, () => {
      const cases = expectations(file);
      const columns = sample(cases.map((c) => c.call));
      cases.forEach(({ call, stats }, k) => {
        const xs = columns[k]!;
        expect(xs.length).toBe(SAMPLES);
        let lo = Infinity;
        let hi = -Infinity;
        for (const x of xs) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
        expect(lo, `${call}: min`).toBeGreaterThanOrEqual(stats.min!);
        expect(hi, `${call}: max`).toBeLessThanOrEqual(stats.max!);
        const got = moments(xs, 0, xs.length);
        const se = standardErrors(xs);
        for (const key of ['mean', 'variance', 'skewness', 'kurtosis'] as const) {
          // A floor for statistics that cannot vary (a constant column) keeps the bound meaningful.
          const tolerance = SIGMAS * Math.max(se[key], 1e-9);
          expect(Math.abs(got[key] - stats[key]!), `${call}: ${key} ${got[key]} against ${stats[key]} (± ${tolerance})`).toBeLessThanOrEqual(tolerance);
        }
      });
    });
  }
});
