import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importVensim } from './index.js';

/** Model files are untrusted: any text gives a result or diagnostics with a place, never an exception. */
const teacup = readFileSync(fileURLToPath(new URL('../../../../shared/test-models/samples/teacup/teacup.mdl', import.meta.url)), 'utf8');

function settles(text: string): void {
  const r = importVensim(text, { file: 'fuzz.mdl' });
  if (!r.ok) {
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics.filter((x) => x.severity === 'error')) expect(d.loc?.line ?? 1).toBeGreaterThan(0);
  }
}

describe('robustness', () => {
  test('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), settles), { numRuns: 120 });
  });

  test('a real model with a slice cut out or a character put in', () => {
    const body = teacup.slice(0, teacup.indexOf('\\\\\\---///'));
    fc.assert(
      fc.property(fc.nat(body.length), fc.nat(40), fc.constantFrom('(', ')', '[', ']', '~', '|', '"', ':', ',', '\\\n', '???', ''), (at, cut, put) => {
        settles(body.slice(0, at) + put + body.slice(at + cut));
      }),
      { numRuns: 300 },
    );
  });

  test('deeply nested parentheses are refused or read, not a crash', () => {
    settles(`x = ${'('.repeat(2000)}1${')'.repeat(2000)} ~~|`);
  });
});

test('a long sum still imports', () => {
  const r = importVensim(`x = ${Array.from({ length: 3000 }, (_, i) => i).join(' + ')} ~~|`);
  expect(r.ok).toBe(true);
});
