import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.js';

describe('line index', () => {
  it('counts LF, CRLF and a lone CR as line ends, as editors do', () => {
    const text = 'a\nb\r\nc\rd';
    const index = new LineIndex(text, 'm.mdl');
    expect(index.loc(text.indexOf('b'))).toEqual({ file: 'm.mdl', line: 2, column: 1 });
    expect(index.loc(text.indexOf('c'))).toEqual({ file: 'm.mdl', line: 3, column: 1 });
    expect(index.loc(text.indexOf('d'), text.length)).toEqual({ file: 'm.mdl', line: 4, column: 1, endLine: 4, endColumn: 2 });
  });

  it('turns a line and column back into an offset', () => {
    const index = new LineIndex('ab\ncd\r\nef');
    expect(index.offsetOf(2, 2)).toBe(4);
    expect(index.offsetOf(3, 1)).toBe(7);
  });
});
