import { describe, expect, it } from 'vitest';
import { arityOf, BUILTINS, builtinReference, builtinSignature, findBuiltin } from './index.js';

describe('the builtin table', () => {
  it('finds builtins by any spelling of their names and aliases', () => {
    expect(findBuiltin('if then else')?.name).toBe('IF_THEN_ELSE');
    expect(findBuiltin('Initial_Time')?.name).toBe('STARTTIME');
    expect(findBuiltin('nothing')).toBeUndefined();
  });

  it('gives signatures with optional and repeating parameters', () => {
    expect(builtinSignature(findBuiltin('SAFEDIV')!)).toBe('SAFEDIV(a, b[, onzero])');
    expect(builtinSignature(findBuiltin('MAX')!)).toBe('MAX(a[, b, ...])');
    expect(builtinSignature(findBuiltin('TIME')!)).toBe('TIME');
    expect(arityOf(findBuiltin('MAX')!)).toEqual([1, Infinity]);
    expect(arityOf(findBuiltin('PULSE')!)).toEqual([1, 3]);
  });

  it('documents every builtin: a summary, its dialects, and code unless code generation owns it', () => {
    const owned = new Set(['LOOKUP', 'WITH_LOOKUP', 'LOOKUP_EXTRAPOLATE', 'LOOKUP_FORWARD', 'LOOKUP_BACKWARD', 'GET_DATA_BETWEEN_TIMES', 'INIT', 'PREVIOUS', 'DELAY']);
    for (const b of BUILTINS) {
      expect(b.summary.length, b.name).toBeGreaterThan(10);
      expect(b.dialects.length, b.name).toBeGreaterThan(0);
      expect(b.emit !== undefined || owned.has(b.name) || b.family === 'array' || b.lowered === true, b.name).toBe(true);
    }
  });

  it('generates a Markdown reference listing every builtin under its family', () => {
    const md = builtinReference();
    for (const b of BUILTINS) if (!b.internal) expect(md).toContain(`### \`${builtinSignature(b)}\``);
    expect(md).toContain('## Time and test inputs');
    expect(md.indexOf('### `PULSE(a[, b][, c])`')).toBeGreaterThan(md.indexOf('## Time and test inputs'));
  });
});
