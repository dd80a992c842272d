// The spec's feedback loops (§5) are declared in the model by name; each must be found, and
// its polarity, read from the signs of its links, must be the one its name gives (R or B).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLoops } from '@sluice/analysis';
import { parseSluice } from '@sluice/language';

const project = (() => {
  const path = 'examples/childrens-social-care/childrens-social-care.sluice';
  const r = parseSluice(readFileSync(resolve(path), 'utf8'), { file: path });
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value;
})();

describe('the social care model\'s named loops', () => {
  const declared = project.models[0]!.loops ?? [];
  const found = findLoops(project.models[0]!, { limit: 20_000 }).loops;

  it('declares the spec\'s loops R1, B1 and R2 among others', () => {
    const names = declared.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['R1a', 'R1b', 'B1', 'R2', 'B6']));
  });

  for (const loop of declared) {
    it(`finds ${loop.name} with polarity ${loop.name[0]}`, () => {
      const match = found.find((l) => l.name === loop.name);
      expect(match, `${loop.name} was not found`).toBeDefined();
      expect(match!.polarity).toBe(loop.name[0]);
    });
  }
});
