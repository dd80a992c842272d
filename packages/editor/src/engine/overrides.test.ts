import { describe, expect, it } from 'vitest';
import { overrideOf, overridesFrom } from './overrides.js';

describe('overrides keyed by model names', () => {
  it('a constant named like an Object member has no override unless one is set', () => {
    const none = overridesFrom([]);
    expect(overrideOf(none, 'constructor')).toBeUndefined();
    expect(overrideOf(none, 'toString')).toBeUndefined();
    expect(overrideOf(none, '__proto__')).toBeUndefined();
  });

  it('keeps and finds overrides of constants named constructor and __proto__', () => {
    const o = overridesFrom([
      ['constructor', 2],
      ['__proto__', 3],
      ['a', 4],
    ]);
    expect(overrideOf(o, 'constructor')).toBe(2);
    expect(overrideOf(o, '__proto__')).toBe(3);
    expect(overrideOf(o, 'a')).toBe(4);
    expect(Object.keys(o)).toEqual(['constructor', '__proto__', 'a']);
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  });
});
