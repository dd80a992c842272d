import { formatDiagnostic } from '@sluice/ir';
import { describe, expect, it } from 'vitest';
import { parseModel } from './parse-model.js';
import { DEFAULT_MAX_BYTES, overByteLimit } from '@sluice/ir';
import type { ModelFormat } from './detect-format.js';

const models: Record<ModelFormat, string> = {
  sluice: 'sim start 0 stop 4 dt 1\nconst a = 1\n',
  mdl: '{UTF-8}\na = 1 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\n',
  xmile: '<xmile version="1.0"><sim_specs><start>0</start><stop>4</stop></sim_specs><model><variables><aux name="a"><eqn>1</eqn></aux></variables></model></xmile>',
};

/** The bytes of a text as a UTF-8 file. */
const bytesOf = (text: string) => new TextEncoder().encode(text).length;

describe('parseModel refuses a text over maxBytes in every format, before reading it', () => {
  for (const [format, text] of Object.entries(models) as [ModelFormat, string][]) {
    it(`${format}: refused one byte over the limit, read at the limit`, () => {
      const size = bytesOf(text);
      const over = parseModel(text, format, { file: `m.${format}`, maxBytes: size - 1 });
      expect(over.ok).toBe(false);
      if (over.ok) return;
      expect(over.diagnostics.map((d) => formatDiagnostic(d))).toEqual([`m.${format}:1:1: error: the model is larger than the limit of ${size - 1} bytes`]);
      const fits = parseModel(text, format, { file: `m.${format}`, maxBytes: size });
      expect(fits.ok).toBe(true);
    });

    it(`${format}: refused over the default limit of 50 MB when no limit is given`, () => {
      // A name padded past the limit: the text would otherwise parse.
      const big = text + ' '.repeat(DEFAULT_MAX_BYTES - text.length + 1);
      const r = parseModel(big, format);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.diagnostics).toEqual([{ severity: 'error', code: 'too-large', message: `the model is larger than the limit of ${DEFAULT_MAX_BYTES} bytes`, loc: { line: 1, column: 1 } }]);
    });
  }

  it('counts UTF-8 bytes, not characters: a text of é is twice its length', () => {
    const text = models.sluice.replace('const a = 1', `const a = 1 # ${'é'.repeat(100)}`);
    const size = bytesOf(text);
    expect(size).toBe(text.length + 100);
    expect(parseModel(text, 'sluice', { maxBytes: size - 1 }).ok).toBe(false);
    expect(parseModel(text, 'sluice', { maxBytes: size }).ok).toBe(true);
  });

  it('a limit that is not a number is refused, not read as no limit', () => {
    const r = parseModel(models.sluice, 'sluice', { file: 'm.sluice', maxBytes: Number.NaN });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual(['m.sluice:1:1: error: maxBytes must be a number of bytes, not NaN']);
    expect(parseModel(models.sluice, 'sluice', { maxBytes: Infinity }).ok).toBe(true);
  });
});

describe('overByteLimit', () => {
  it('agrees with TextEncoder across chunk boundaries, surrogate pairs and lone surrogates', () => {
    // Pairs (4 bytes), 3-byte and 2-byte characters and a lone high surrogate (3 bytes as U+FFFD),
    // long enough to cross several 16,384-unit chunks at odd offsets.
    const unit = 'a😀€é\ud800b';
    const text = unit.repeat(20_000);
    const size = bytesOf(text);
    expect(size).toBe(20_000 * (1 + 4 + 3 + 2 + 3 + 1));
    expect(overByteLimit(text, size)).toBe(false);
    expect(overByteLimit(text, size - 1)).toBe(true);
    // Shifted by one unit, so the chunks end inside other characters.
    const shifted = `x${text}`;
    expect(overByteLimit(shifted, size + 1)).toBe(false);
    expect(overByteLimit(shifted, size)).toBe(true);
  });

  it('decides by length alone when the length settles it', () => {
    expect(overByteLimit('abc', 2)).toBe(true);
    expect(overByteLimit('😀', 6)).toBe(false);
    expect(overByteLimit('', 0)).toBe(false);
  });
});

describe('parseModel refuses a model with no variables, in every format', () => {
  const empties: [ModelFormat, string, string][] = [
    ['sluice', 'sim start 0 stop 4 dt 1\n# nothing yet\n', 'e.sluice:1:1: error: the model has no variables: there is nothing to simulate'],
    ['mdl', '', 'e.mdl:1:1: error: the model has no variables: there is nothing to simulate'],
    ['mdl', '{UTF-8}\n\n', 'e.mdl:1:1: error: the model has no variables: there is nothing to simulate'],
    ['xmile', '<xmile version="1.0">\n<sim_specs><start>0</start><stop>4</stop></sim_specs>\n<model><variables/></model>\n</xmile>', 'e.xmile:3:1: error: the model has no variables: there is nothing to simulate'],
  ];
  for (const [format, text, message] of empties) {
    it(`${format}: ${JSON.stringify(text.slice(0, 30))}`, () => {
      const r = parseModel(text, format, { file: `e.${format}` });
      expect(r.ok ? [] : r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([message]);
    });
  }

  it('a .mdl of only its controls is a model (Vensim runs it), and so is a model of one module', () => {
    expect(parseModel('INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\n', 'mdl').ok).toBe(true);
    expect(parseModel('sim start 0 stop 4 dt 1\nmodule m: sub\nmodel sub\n  aux x = 1\nend\n', 'sluice').ok).toBe(true);
  });
});
