import { readdirSync, readFileSync } from 'node:fs';
import { Lexer, type ILexingResult, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { allTokens as equationTokens, equationLexer, lineTerminatorsPattern } from './equation/tokens.js';
import { allTokens as textTokens, sluiceLexer } from './text/tokens.js';
import { nameStartHints } from './start-chars.js';

// The lexers with chevrotain's first-character optimisation must give exactly the tokens (and
// errors) of the same definitions lexed the slow way, trying every token at every character.
const slow = (tokens: TokenType[]) =>
  new Lexer(tokens, { positionTracking: 'full', lineTerminatorsPattern, lineTerminatorCharacters: ['\n', '\r'], safeMode: true });
const slowText = slow(textTokens);
const slowEquation = slow(equationTokens);

const shape = (r: ILexingResult) => ({
  tokens: r.tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.startLine, t.startColumn, t.endLine, t.endColumn]),
  errors: r.errors.map((e) => [e.offset, e.length, e.line, e.column]),
});

const examplesDir = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(examplesDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.sluice'))
  .map((f) => readFileSync(new URL(f, examplesDir), 'utf8'));

/** Names and spaces from many scripts and blocks: Greek, CJK, an astral letter, Arabic, NBSP, BOM, U+3000, U+2028. */
const unicodeText = [
  'sim start 0 stop 1 dt 1\n',
  'aux Δ_rate = 1 # a comment\u00a0with NBSP\n',
  'aux 人口\u3000= 2\n',
  '\ufeffaux 𝑥_astral = 3\r\n',
  'const مدة = 4\u2028\n',
  'stock ǅ_title = 5\u2029 units ₤/yr\n',
  'aux bad = 1 § 2 \u0000 @\n',
  'aux ⅷ = "quoted ☃"\n',
].join('');

describe('the optimised lexers give the tokens of an exhaustive lexer', () => {
  it('has every example and a Unicode sample to compare', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(sluiceLexer.tokenize(unicodeText).tokens.some((t) => t.image === '𝑥_astral')).toBe(true);
  });

  for (const [i, text] of [...examples, unicodeText].entries()) {
    it(`text ${i}`, () => expect(shape(sluiceLexer.tokenize(text))).toEqual(shape(slowText.tokenize(text))));
  }

  it('every formula of the examples, and formulas in other scripts', () => {
    const formulas = [...examples, unicodeText].flatMap((t) => slowText.tokenize(t).tokens.filter((k) => k.tokenType.name === 'Formula').map((k) => k.image.slice(1)));
    formulas.push('IF Δ > 0 THEN 人口 ELSE $x.𝑥 { note\u2028} + "a\\"b" && ǅ', 'ⅷ\u00a0*\ufeffmodule.مدة[1, 2]\' § @', 'if_rate <= 3 mod 2');
    expect(formulas.length).toBeGreaterThan(300);
    for (const f of formulas) expect(shape(equationLexer.tokenize(f))).toEqual(shape(slowEquation.tokenize(f)));
  });
});

describe('nameStartHints', () => {
  it('keeps the Latin-1 letters the pattern accepts and reaches every code unit bucket', () => {
    const hints = nameStartHints(/[\p{L}_]/u);
    expect(hints).toContain('A'.charCodeAt(0));
    expect(hints).toContain('_'.charCodeAt(0));
    expect(hints).toContain(0xe9);
    expect(hints).not.toContain('1'.charCodeAt(0));
    expect(hints).not.toContain(' '.charCodeAt(0));
    expect(hints).not.toContain(0xd7);
    const above = hints.filter((c) => c >= 0x100);
    expect(Math.max(...above.slice(1).map((c, i) => c - (above[i] ?? 0)))).toBeLessThanOrEqual(255);
    expect(above.at(-1)).toBe(0xffff);
  });
});
