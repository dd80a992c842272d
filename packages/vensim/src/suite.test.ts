import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic, type Project } from '@sluice/ir';
import { decodeMdl, importVensim } from './index.js';

/** Every `.mdl` of the conformance suite: usable ones import cleanly, broken ones are refused. */
const root = fileURLToPath(new URL('../../../../shared/test-models/', import.meta.url));
const manifest = existsSync(`${root}manifest.tsv`) ? readFileSync(`${root}manifest.tsv`, 'utf8') : '';
const rows = manifest
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter((cols) => cols[2] === 'mdl');

/** Variables that say nothing about how to compute them (a data variable's values come from a file). */
function incomplete(p: Project): string[] {
  const out: string[] = [];
  for (const v of [...(p.models[0]?.variables ?? []), ...p.macros.flatMap((m) => m.variables)]) {
    const defined = v.equation?.expr || v.gf || (v.elements?.length ?? 0) > 0 || v.extra?.data !== undefined;
    const rate = v.kind !== 'stock' || v.netFlow?.expr || (v.elements?.length ? v.elements.every((e) => e.netFlow?.expr) : false);
    if (!defined || !rate || !(v.loc && v.loc.line > 0)) out.push(v.name);
  }
  return out;
}


describe.skipIf(rows.length === 0)('conformance suite .mdl files', () => {
  for (const [folder, file, , role] of rows) {
    const path = `${root}${folder}/${file}`;
    if (role === 'broken') {
      test(`refuses ${folder}/${file}`, () => {
        const r = importVensim(decodeMdl(readFileSync(path)), { file: file ?? '' });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.diagnostics[0]?.loc?.line).toBeGreaterThan(0);
      });
    } else if (role !== 'no-model') {
      test(`imports ${folder}/${file}`, () => {
        const r = importVensim(decodeMdl(readFileSync(path)), { file: file ?? '' });
        const problems = r.ok ? [] : r.diagnostics.map((d) => formatDiagnostic(d));
        expect(problems).toEqual([]);
        if (!r.ok) return;
        expect(r.value.models[0]?.variables.length).toBeGreaterThan(0);
        expect(incomplete(r.value)).toEqual([]);
      });
    }
  }
});
