import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '@sluice/ir';
import { describe, expect, it } from 'vitest';
import { importXmile } from './index.js';

/**
 * Every XMILE file of the conformance suite. primary and variant files import without error;
 * broken ones are refused with located diagnostics or, when they are broken only at compile
 * time (a missing macro, ACTIVE INITIAL lost in conversion), import; the rest must not crash.
 */
const suite = fileURLToPath(new URL('../../../../shared/test-models/', import.meta.url));
const rows = existsSync(suite + 'manifest.tsv')
  ? readFileSync(suite + 'manifest.tsv', 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
      .filter((c) => c[2] === 'xmile' || c[2] === 'stmx')
  : [];

describe.skipIf(rows.length === 0)('conformance suite XMILE files', () => {
  for (const [folder, file, , role] of rows) {
    const name = `${folder}/${file}`;
    it(`${name} (${role})`, () => {
      const r = importXmile(readFileSync(`${suite}${name}`, 'utf8'), { file: name });
      const errors = r.ok ? [] : r.diagnostics;
      if (role === 'primary' || role === 'variant') {
        expect(errors.map((d) => formatDiagnostic(d))).toEqual([]);
        expect(r.ok && r.value.models[0]?.variables.length).toBeGreaterThan(0);
      }
      for (const d of errors) {
        expect(d.loc?.file).toBe(name);
        expect(d.loc?.line).toBeGreaterThan(0);
        expect(d.loc?.column).toBeGreaterThan(0);
      }
    });
  }
});
