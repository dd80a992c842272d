import type { BuiltinSpec } from './types.js';

const unary = (name: string, jsFn: string, summary: string, aliases?: string[]): BuiltinSpec => ({
  name,
  ...(aliases ? { aliases } : {}),
  family: 'math',
  params: [{ name: 'x' }],
  summary,
  dialects: ['xmile', 'vensim'],
  emit: ([x]) => `${jsFn}(${x})`,
});

/** Arithmetic and transcendental functions of numbers. */
export const MATH_BUILTINS: BuiltinSpec[] = [
  unary('ABS', 'Math.abs', 'Absolute value.'),
  unary('EXP', 'Math.exp', 'e raised to the power x.'),
  unary('LN', 'Math.log', 'Natural logarithm; NaN for x < 0.'),
  unary('LOG10', 'Math.log10', 'Base-10 logarithm.'),
  unary('SQRT', 'Math.sqrt', 'Square root; NaN for x < 0.'),
  unary('SIN', 'Math.sin', 'Sine of x in radians.'),
  unary('COS', 'Math.cos', 'Cosine of x in radians.'),
  unary('TAN', 'Math.tan', 'Tangent of x in radians.'),
  unary('ARCSIN', 'Math.asin', 'Inverse sine, in radians.'),
  unary('ARCCOS', 'Math.acos', 'Inverse cosine, in radians.'),
  unary('ARCTAN', 'Math.atan', 'Inverse tangent, in radians.'),
  {
    name: 'INT',
    family: 'math',
    params: [{ name: 'x' }],
    summary: 'The integer part of x.',
    dialects: ['xmile', 'vensim'],
    differences:
      'XMILE/Stella: the largest integer not above x (INT(-1.5) = -2). Vensim (INTEGER): truncation toward zero (-1). Sluice follows the project dialect.',
    emit: ([x], ctx) => (ctx.dialect === 'vensim' ? `Math.trunc(${x})` : `Math.floor(${x})`),
  },
  {
    name: 'ROUND',
    family: 'math',
    params: [{ name: 'x' }],
    summary: 'x rounded to the nearest integer, halves away from zero (ROUND(-2.5) = -3).',
    dialects: ['xmile', 'vensim'],
    differences: 'JavaScript rounds halves up (-2.5 to -2); Stella and Vensim round them away from zero, as Sluice does.',
    emit: ([x]) => `h.round(${x})`,
  },
  {
    name: 'MOD',
    family: 'math',
    params: [{ name: 'a' }, { name: 'b' }],
    summary: 'Remainder of a / b. XMILE: floored, the result has the sign of b (MOD(-1, 3) = 2). Same as the `mod` operator.',
    dialects: ['xmile', 'vensim'],
    differences:
      "Stella floors (sign of b). Vensim's MODULO truncates (sign of a: MODULO(-9.9, 3) = -0.9, as Vensim's own output shows). Sluice follows the project dialect.",
    emit: ([a, b], ctx) => (ctx.dialect === 'vensim' ? `(${a} % ${b})` : `h.mod(${a}, ${b})`),
  },
  {
    name: 'MIN',
    family: 'math',
    params: [{ name: 'a' }, { name: 'b', repeats: true, optional: true }],
    summary: 'The smallest of its arguments.',
    dialects: ['xmile', 'vensim'],
    differences:
      "Stella accepts one argument (the smallest element of an array); Vensim's MIN takes two and VMIN reduces an array. Sluice accepts both forms in both dialects (XMILE files written by Vensim use the one-argument form).",
    emit: (args) => (args.length === 1 ? `(${args[0]})` : `Math.min(${args.join(', ')})`),
  },
  {
    name: 'MAX',
    family: 'math',
    params: [{ name: 'a' }, { name: 'b', repeats: true, optional: true }],
    summary: 'The largest of its arguments.',
    dialects: ['xmile', 'vensim'],
    differences:
      "Stella accepts one argument (the largest element of an array); Vensim's MAX takes two and VMAX reduces an array. Sluice accepts both forms in both dialects (XMILE files written by Vensim use the one-argument form).",
    emit: (args) => (args.length === 1 ? `(${args[0]})` : `Math.max(${args.join(', ')})`),
  },
  {
    name: 'SAFEDIV',
    family: 'math',
    params: [{ name: 'a' }, { name: 'b' }, { name: 'onzero', optional: true }],
    summary: 'a / b, or `onzero` (default 0) when b is 0.',
    dialects: ['xmile'],
    differences: "Vensim's XIDZ(a, b, x) and ZIDZ(a, b) are the same function.",
    emit: ([a, b, x]) => `h.safediv(${a}, ${b}, ${x ?? '0'})`,
  },
];
