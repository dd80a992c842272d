import { describe, expect, it } from 'vitest';
import { elementName, positionIn, stridesOf, type DimInfo } from './dimensions.js';

const dim = (ident: string, elements: string[]): DimInfo => ({ ident, name: ident, elements, display: elements.map((e) => e.toUpperCase()) });

describe('dimension look-ups', () => {
  it('positionIn gives what indexOf gives, the first of repeated names included', () => {
    const d = dim('region', ['north', 'south', 'east', 'south']);
    for (const name of ['north', 'south', 'east', 'west', '']) expect(positionIn(d, name)).toBe(d.elements.indexOf(name));
  });

  it('elementName names the element at a row-major offset', () => {
    const dims = [dim('region', ['r1', 'r2', 'r3']), dim('age', ['a1', 'a2'])];
    expect(stridesOf(dims)).toEqual([2, 1]);
    expect(elementName('Pop', dims, 0)).toBe('Pop[R1,A1]');
    expect(elementName('Pop', dims, 3)).toBe('Pop[R2,A2]');
    expect(elementName('Pop', dims, 5)).toBe('Pop[R3,A2]');
    expect(elementName('Total', [], 0)).toBe('Total');
  });
});
