// Damaged inputs for fuzzing: a seed text changed by byte flips, truncation, splices with
// another seed, deletions, duplications and insertions of tokens that matter to the formats.
import fc from 'fast-check';

/** Fragments that change how a parser reads what follows. */
export const TOKENS = [
  '<', '>', '/>', '</', '<eqn>', '</eqn>', '<aux name="x">', '</aux>', '<![CDATA[', ']]>', '<!--', '-->', '<!DOCTYPE x>', '<!ENTITY a "b">',
  '&', '&amp;', '&#0;', '&#x110000;', '&lt;', '"', "'", '`', '${', '*/', '\\', '\\\n', '\n', '\r', '\r\n', '\t', '\u0000', '\u2028', '\u2029', '\uFEFF', '\uD800',
  '(', ')', '[', ']', '{', '}', ',', ':', ';', '~', '|', '=', '==', '->', '<-', '.', '!', '*', '^', '-', '+', '/',
  '???', ':NA:', ':MACRO:', ':END OF MACRO:', ':AND:', 'INTEG(', 'IF THEN ELSE(', 'IF ', ' THEN ', ' ELSE ', 'SMTH1(', 'DELAY(', 'SUM(', 'LOOKUP(',
  'TIME', 'DT', 'PI', 'INF', 'NaN', '1e308', '1e-320', '-0', '0', '9'.repeat(400), '1/0', 'x'.repeat(200),
  'stock ', 'flow ', 'aux ', 'const ', 'sim ', 'dimension ', 'model ', 'macro ', 'end', 'module ', 'graph ', 'start ', 'stop ', 'dt ',
  '__proto__', 'constructor', 'prototype', 'toString', 'globalThis.__pwned = 1', '${process.exit(1)}',
  '\\\\\\---///', '********************************************************',
];

export type Mutation =
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'splice'; at: number; donor: number; from: number; length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.nat(200) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.nat(200) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('splice' as const), at: position, donor: fc.nat(), from: position, length: fc.nat(400) }),
);

function apply(text: string, m: Mutation, seeds: readonly string[]): string {
  const at = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'flip':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.token + text.slice(at);
    case 'splice': {
      const donor = seeds[m.donor % seeds.length] ?? '';
      const from = Math.floor(m.from * donor.length);
      return text.slice(0, at) + donor.slice(from, from + m.length) + text.slice(at);
    }
  }
}

/** A seed with one to eight mutations applied in turn. */
export function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  if (seeds.length === 0) throw new Error('no seeds to mutate');
  return fc
    .tuple(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 8 }))
    .map(([i, ms]) => ms.reduce((text, m) => apply(text, m, seeds), seeds[i]!));
}

/** Random text built from the format's tokens and arbitrary characters. */
export function tokenSoup(): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''));
}
