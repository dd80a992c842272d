import type { Dimension } from '@sluice/ir';
import { describe, expect, it } from 'vitest';
import { DimensionIndex } from './dimensions.js';

const region: Dimension = { name: 'Region', ident: 'region', elements: ['North East', 'South', 'West'] };
const south: Dimension = { name: 'Southern', ident: 'southern', elements: ['South', 'West'], parent: 'region' };
const colour: Dimension = { name: 'Colour', ident: 'colour', elements: ['Red', 'West'] };

describe('DimensionIndex', () => {
  it('finds an element’s position by any spelling of its name', () => {
    const dims = new DimensionIndex([region, south, colour]);
    expect(dims.position(region, 'north_east')).toBe(0);
    expect(dims.position(region, 'NORTH   EAST')).toBe(0);
    expect(dims.position(south, 'west')).toBe(1);
    expect(dims.position(south, 'North East')).toBe(-1);
  });

  it('sees elements added to a range after it was first asked', () => {
    const grown: Dimension = { name: 'Age', ident: 'age', elements: ['a1'] };
    const dims = new DimensionIndex([grown]);
    expect(dims.position(grown, 'a2')).toBe(-1);
    grown.elements.push('a2');
    expect(dims.position(grown, 'A2')).toBe(1);
  });

  it('lists the top-level ranges holding an element, the first defined first', () => {
    const dims = new DimensionIndex([region, south, colour]);
    expect(dims.familiesOfElement('west').map((d) => d.ident)).toEqual(['region', 'colour']);
    expect(dims.familiesOfElement('South').map((d) => d.ident)).toEqual(['region']);
    expect(dims.familiesOfElement('Blue')).toEqual([]);
  });

  it('gives every element of a 10,000-element range its equivalent range’s element at the same position', () => {
    const n = 10_000;
    const big: Dimension = { name: 'Cell', ident: 'cell', elements: Array.from({ length: n }, (_, i) => `c${i + 1}`) };
    const twin: Dimension = { name: 'Twin', ident: 'twin', elements: Array.from({ length: n }, (_, i) => `t${i + 1}`), aliasOf: 'cell' };
    const dims = new DimensionIndex([big, twin]);
    let last = new Map<string, string>();
    for (const el of big.elements) last = dims.correspondents(big, el);
    expect(last.get('twin')).toBe(`t${n}`);
    expect(dims.correspondents(big, 'C5000').get('twin')).toBe('t5000');
  });
});
