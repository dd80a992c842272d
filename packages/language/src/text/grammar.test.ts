import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatDiagnostic } from '@sluice/ir';
import { parseSluice, sluiceTokens } from './index.js';
import { sluiceRuleNames } from './parser.js';
import { sluiceLexer } from './tokens.js';

/** grammar/sluice.md is the language's source of truth: these tests hold the parser to it. */
const doc = readFileSync(new URL('../../../../grammar/sluice.md', import.meta.url), 'utf8');

function examples(): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (const m of doc.matchAll(/```sluice\n([\s\S]*?)```/g)) {
    out.push({ line: doc.slice(0, m.index).split('\n').length + 1, text: m[1]! });
  }
  return out;
}

function ebnf(): string {
  const m = /```ebnf\n([\s\S]*?)```/.exec(doc);
  if (!m) throw new Error('grammar/sluice.md has no ebnf block');
  return m[1]!;
}

describe('grammar/sluice.md', () => {
  it('has an example for every construct, and each parses without errors', () => {
    const all = examples();
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const { line, text } of all) {
      const result = parseSluice(text, { file: `sluice.md example at line ${line}` });
      const messages = result.ok ? [] : result.diagnostics.map((d) => formatDiagnostic(d));
      expect(messages).toEqual([]);
    }
  });

  it('names every grammar rule as the parser does', () => {
    const documented = [...ebnf().matchAll(/^([a-z][A-Za-z]*)\s*=/gm)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(25);
    const parserRules = sluiceRuleNames();
    for (const rule of documented) expect(parserRules, `rule ${rule}`).toContain(rule);
    // The parser's only extra rule is error recovery's, described in the Errors section.
    expect(parserRules.filter((r) => !documented.includes(r))).toEqual(['stray']);
  });

  it('lists the same keywords as the exported token list', () => {
    const listed = (label: string): string[] => {
      const m = new RegExp(`- ${label}: ([^\\n]*(?:\\n  [^\\n]*)*)`).exec(doc);
      if (!m) throw new Error(`no ${label} list`);
      return [...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!);
    };
    expect(listed('statement keywords')).toEqual([...sluiceTokens.statementKeywords]);
    expect(listed('attribute keywords')).toEqual([...sluiceTokens.attributeKeywords]);
    expect(listed('sim keywords')).toEqual([...sluiceTokens.simKeywords]);
    expect(listed('values \\(ordinary names in these places\\)')).toEqual([...sluiceTokens.values]);
    expect(listed('operators and punctuation')).toEqual([...sluiceTokens.operators]);
  });

  it('exports exactly the keywords the lexer knows', () => {
    const words = [...sluiceTokens.statementKeywords, ...sluiceTokens.attributeKeywords, ...sluiceTokens.simKeywords];
    for (const word of words) {
      const [tok] = sluiceLexer.tokenize(word).tokens;
      expect(tok?.tokenType.name, word).toBe(word === 'units' ? 'Units' : `Kw_${word}`);
    }
    const lexerKeywords = [...new Set(sluiceLexer.tokenize(words.join('\n')).tokens.map((t) => t.tokenType.name))];
    expect(lexerKeywords.length).toBe(words.length);
  });

  it('uses only rule names that exist in the EBNF when it names a construct in a heading', () => {
    const rules = new Set([...ebnf().matchAll(/^([a-z][A-Za-z]*)\s*=/gm)].map((m) => m[1]!));
    const headings = [...doc.matchAll(/^### (.*)$/gm)].map((m) => m[1]!);
    for (const h of headings) {
      for (const word of h.split(/,| and /).map((w) => w.trim()).filter((w) => /^[a-z][A-Za-z]+$/.test(w) && w !== 'and')) {
        if (word !== 'UNITS') expect(rules, `heading "${h}"`).toContain(word);
      }
    }
  });
});
