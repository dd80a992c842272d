import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '@sluice/ir';
import { importVensim } from './index.js';

/** Every `.mdl` of the conformance suite: usable ones import cleanly, broken ones are refused. */
const root = fileURLToPath(new URL('../../../../shared/test-models/', import.meta.url));
const manifest = existsSync(`${root}manifest.tsv`) ? readFileSync(`${root}manifest.tsv`, 'utf8') : '';
const rows = manifest
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter((cols) => cols[2] === 'mdl');

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

describe.skipIf(rows.length === 0)('conformance suite .mdl files', () => {
  for (const [folder, file, , role] of rows) {
    const path = `${root}${folder}/${file}`;
    if (role === 'broken') {
      test(`refuses ${folder}/${file}`, () => {
        const r = importVensim(decode(readFileSync(path)), { file: file ?? '' });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.diagnostics[0]?.loc?.line).toBeGreaterThan(0);
      });
    } else if (role !== 'no-model') {
      test(`imports ${folder}/${file}`, () => {
        const r = importVensim(decode(readFileSync(path)), { file: file ?? '' });
        const problems = r.ok ? [] : r.diagnostics.map((d) => formatDiagnostic(d));
        expect(problems).toEqual([]);
        if (r.ok) expect(r.value.models[0]?.variables.length).toBeGreaterThan(0);
      });
    }
  }
});
