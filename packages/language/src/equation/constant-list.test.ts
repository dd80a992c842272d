import { describe, expect, it } from 'vitest';
import { parseConstantList } from './constant-list.js';

describe('parseConstantList reads the values Stella writes for a whole array', () => {
  it('one dimension: a comma-separated list', () => {
    expect(parseConstantList('1, 2, 3')).toEqual([[1, 2, 3]]);
    expect(parseConstantList('0.1,0.3,0.8\t\t\t')).toEqual([[0.1, 0.3, 0.8]]);
  });

  it('two dimensions: rows ended by semicolons, line breaks allowed', () => {
    expect(parseConstantList('0.1,0.2;\n\t0.4,0.5;\n\t0.6,0.7;\t\t')).toEqual([
      [0.1, 0.2],
      [0.4, 0.5],
      [0.6, 0.7],
    ]);
  });

  it('signs, exponents and comments', () => {
    expect(parseConstantList('-1, +2.5e3, .5 {last}')).toEqual([[-1, 2500, 0.5]]);
  });

  it('is null for an expression, even one with commas', () => {
    expect(parseConstantList('5')).toBeNull();
    expect(parseConstantList('MAX(a, b)')).toBeNull();
    expect(parseConstantList('1, a')).toBeNull();
    expect(parseConstantList('1,,2')).toBeNull();
  });
});
