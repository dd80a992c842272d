import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, type Project } from '@sluice/ir';
import { describe, expect, it } from 'vitest';
import { exportXmile, importXmile } from '../index.js';

const suite = fileURLToPath(new URL('../../../../../shared/test-models/', import.meta.url));
const files = existsSync(suite + 'manifest.tsv')
  ? readFileSync(suite + 'manifest.tsv', 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
      .filter((c) => c[2] === 'xmile' || c[2] === 'stmx')
      .map((c) => ({ name: `${c[0]}/${c[1]}`, broken: c[3] === 'broken' }))
  : [];

// A missing suite must fail the run, not pass it by skipping every model.
it('finds the conformance suite', () => {
  expect(existsSync(suite + 'manifest.tsv'), `no suite at ${suite}`).toBe(true);
  expect(files.length).toBeGreaterThan(60);
});

/** The IR without source locations; legacy `<display>` views are redrawn on export, so left out. */
export function comparable(p: Project): unknown {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x && typeof x === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x)) {
        if (k === 'loc' || v === undefined) continue;
        if (k === 'views' && typeof v === 'string' && !v.trimStart().startsWith('<views')) continue;
        out[k] = strip(v);
      }
      return out;
    }
    return x;
  };
  return strip(p);
}

describe('import → export → import gives the same IR', () => {
  for (const { name, broken } of files) {
    it(name, () => {
      const first = importXmile(readFileSync(suite + name, 'utf8'), { file: name });
      // Only a file the suite marks broken, or one with variables that have no equation (and so
      // cannot run), may be refused; every other one must round-trip.
      if (!first.ok) {
        const errors = first.diagnostics.filter((d) => d.severity === 'error');
        const noEquation = errors.every((d) => d.code === 'missing-equation' || d.code === 'empty-equation');
        expect(broken || noEquation, errors.map((d) => formatDiagnostic(d)).join('\n')).toBe(true);
        return;
      }
      const text = exportXmile(first.value);
      const again = importXmile(text, { file: name });
      if (!again.ok) throw new Error(again.diagnostics.map((d) => formatDiagnostic(d)).join('\n') + '\n' + text);
      const views = (p: Project) => p.models.map((m) => m.views === undefined || !m.views.trimStart().startsWith('<views'));
      const second = again.value;
      // A model that had no modern views gets a generated one: equal apart from that.
      second.models.forEach((m, i) => {
        if (views(first.value)[i]) delete m.views;
      });
      expect(comparable(second)).toEqual(comparable(first.value));
    });
  }
});
