import { describe, expect, it } from 'vitest';
import { enclosingCall } from './enclosing-call.js';

describe('the call around the cursor', () => {
  it('names the function and the argument the cursor is at', () => {
    expect(enclosingCall('aux s = SMTH1(x, ')).toEqual({ name: 'SMTH1', argument: 1 });
    expect(enclosingCall('aux s = SMTH1(')).toEqual({ name: 'SMTH1', argument: 0 });
  });

  it('skips nested calls and subscripts already closed', () => {
    expect(enclosingCall('aux m = MAX(MIN(a, b), c[1, 2], ')).toEqual({ name: 'MAX', argument: 2 });
    expect(enclosingCall('aux m = MAX(MIN(a, ')).toEqual({ name: 'MIN', argument: 1 });
  });

  it('follows a call wrapped onto an indented line', () => {
    expect(enclosingCall('aux m = MAX(a,\n    b, ')).toEqual({ name: 'MAX', argument: 2 });
  });

  it('is nothing outside a call, inside a subscript, or across statements', () => {
    expect(enclosingCall('aux m = MAX(a, b) + ')).toBeUndefined();
    expect(enclosingCall('aux m = pop[')).toBeUndefined();
    expect(enclosingCall('aux m = MAX(a,\naux n = ')).toBeUndefined();
  });
});
