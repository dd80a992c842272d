import { describe, expect, it } from 'vitest';
import { parseSluice } from '@sluice/language';
import { dependencyTree, formatDependencyTree } from './dependency-tree.js';

const model = (() => {
  const r = parseSluice(
    'sim start 0 stop 1 dt 1\nstock s = 10\n  inflow f\nflow f = k * (g - s)\nconst k = 0.5\naux g = 2 * h\nconst h = 20\n',
  );
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value.models[0]!;
})();

describe('causes and uses trees', () => {
  it('shows causes with link signs (unknown where a gap may change sign), marking a variable met again on its branch', () => {
    expect(formatDependencyTree(dependencyTree(model, 'f', { depth: 3 })!)).toBe(
      ['f [flow]', '  (+) g [aux]', '    (+) h [aux]', '  (?) k [aux]', '  (-) s [stock]', '    (+) f [flow] …'].join('\n'),
    );
  });

  it('shows uses to the depth asked', () => {
    expect(formatDependencyTree(dependencyTree(model, 'h', { uses: true, depth: 2 })!)).toBe(
      ['h [aux]', '  (+) g [aux]', '    (+) f [flow]'].join('\n'),
    );
  });

  it('answers undefined for an unknown variable', () => {
    expect(dependencyTree(model, 'nope')).toBeUndefined();
  });
});
