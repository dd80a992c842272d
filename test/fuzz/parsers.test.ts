// Every parser, fed random and damaged text, returns a Result (never throws) in bounded time.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { importXmile } from '@sluice/xmile';
import { importVensim } from '@sluice/vensim';
import { parseEquation, parseSluice } from '@sluice/language';
import { equationSeeds, mdlSeeds, sluiceSeeds, xmileSeeds } from './corpus.js';
import { mutated, tokenSoup } from './mutate.js';
import { parses, RUN, settles } from './settle.js';

describe('parseEquation', () => {
  it('random token soup', () => {
    fc.assert(fc.property(tokenSoup(), (text) => void parses(() => parseEquation(text, { file: 'f.xmile', line: 3, column: 7 }))), RUN);
  });
  it('damaged equations from the suite', () => {
    fc.assert(fc.property(mutated(equationSeeds), (text) => void parses(() => parseEquation(text))), RUN);
  });
});

describe('importXmile', () => {
  it('random token soup', () => {
    fc.assert(fc.property(tokenSoup(), (text) => void settles('importXmile', () => importXmile(text, { file: 'f.xmile' }))), RUN);
  });
  it('damaged suite and hostile files', () => {
    fc.assert(fc.property(mutated(xmileSeeds), (text) => void settles('importXmile', () => importXmile(text, { file: 'f.stmx' }))), RUN);
  });
});

describe('importVensim', () => {
  it('random token soup', () => {
    fc.assert(fc.property(tokenSoup(), (text) => void settles('importVensim', () => importVensim(text, { file: 'f.mdl' }))), RUN);
  });
  it('damaged suite and hostile files', () => {
    fc.assert(fc.property(mutated(mdlSeeds), (text) => void settles('importVensim', () => importVensim(text, { file: 'f.mdl' }))), RUN);
  });
});

describe('parseSluice', () => {
  it('random token soup', () => {
    fc.assert(fc.property(tokenSoup(), (text) => void settles('parseSluice', () => parseSluice(text, { file: 'f.sluice' }))), RUN);
  });
  it('damaged examples, grammar examples and hostile files', () => {
    fc.assert(fc.property(mutated(sluiceSeeds), (text) => void settles('parseSluice', () => parseSluice(text, { file: 'f.sluice' }))), RUN);
  });
});
