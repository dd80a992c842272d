import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { walkExpr, type BinaryOp, type Expr, type SubscriptIndex, type UnaryOp } from '@sluice/ir';
import { parseEquation } from './parse.js';
import { printEquation } from './print.js';
import {
  binary,
  call,
  ifThenElse,
  index,
  num,
  range,
  ref,
  transpose,
  unary,
  wildcard,
  withoutLoc,
} from './build.js';

const [a, b, c] = [ref('a'), ref('b'), ref('c')];

describe('printEquation uses the fewest parentheses that keep the meaning', () => {
  it.each<[Expr, string]>([
    [binary(a, '+', binary(b, '*', c)), 'a + b * c'],
    [binary(binary(a, '+', b), '*', c), '(a + b) * c'],
    [binary(binary(a, '-', b), '-', c), 'a - b - c'],
    [binary(a, '-', binary(b, '-', c)), 'a - (b - c)'],
    [binary(a, '/', binary(b, '*', c)), 'a / (b * c)'],
    [binary(binary(a, 'mod', b), '*', c), 'a MOD b * c'],
    [binary(a, 'or', binary(b, 'and', c)), 'a OR b AND c'],
    [binary(binary(a, 'or', b), 'and', c), '(a OR b) AND c'],
    [binary(binary(a, '<', b), '=', c), 'a < b = c'],
    [binary(a, '<>', binary(b, '>=', c)), 'a <> b >= c'],
    [unary('-', binary(num(2), '^', num(2))), '-2 ^ 2'],
    [binary(unary('-', num(2)), '^', num(2)), '(-2) ^ 2'],
    [binary(num(2), '^', binary(num(3), '^', num(2))), '2 ^ 3 ^ 2'],
    [binary(binary(num(2), '^', num(3)), '^', num(2)), '(2 ^ 3) ^ 2'],
    [binary(num(2), '^', unary('-', num(1))), '2 ^ -1'],
    [binary(num(2), '^', binary(a, '*', b)), '2 ^ (a * b)'],
    [unary('-', binary(a, '+', b)), '-(a + b)'],
    [unary('-', unary('-', a)), '--a'],
    [binary(a, '-', unary('-', b)), 'a - -b'],
    [binary(unary('not', a), 'and', b), 'NOT a AND b'],
    [unary('not', binary(a, 'and', b)), 'NOT (a AND b)'],
    [ifThenElse(binary(a, '>', num(5)), num(1), num(0)), 'IF a > 5 THEN 1 ELSE 0'],
    [binary(ifThenElse(a, num(1), num(0)), '*', num(2)), '(IF a THEN 1 ELSE 0) * 2'],
    [binary(num(1), '+', ifThenElse(a, num(1), num(0))), '1 + (IF a THEN 1 ELSE 0)'],
    [ifThenElse(a, ifThenElse(b, num(1), num(2)), num(3)), 'IF a THEN IF b THEN 1 ELSE 2 ELSE 3'],
    [call('MAX', ifThenElse(a, num(1), num(2)), binary(b, '+', c)), 'MAX(IF a THEN 1 ELSE 2, b + c)'],
    [transpose(a), "a'"],
    [transpose(binary(a, '+', b)), "(a + b)'"],
    [binary(transpose(a), '^', num(2)), "a' ^ 2"],
  ])('%j', (expr, text) => {
    expect(printEquation(expr)).toBe(text);
  });
});

describe('printEquation writes names and numbers as XMILE reads them', () => {
  it.each<[Expr, string]>([
    [ref('Birth_Rate'), 'Birth_Rate'],
    [ref('Teacup Temperature'), '"Teacup Temperature"'],
    [ref('say "hi"'), '"say \\"hi\\""'],
    [ref('if'), '"if"'],
    [ref('hares.area'), 'hares.area'],
    [ref('人口'), '人口'],
    [ref('a', index(1), index('Boston'), wildcard(), wildcard('Dim'), range(1, 3)), 'a[1, Boston, *, *:dim, 1:3]'],
    [call('PI'), 'PI()'],
    [call('smth1', a, num(5)), 'smth1(a, 5)'],
    [call('effect of price', a), '"effect of price"(a)'],
    [num(0.5), '0.5'],
    [num(1e-7), '1e-7'],
    [num(1e21), '1e+21'],
    [num(-3), '-3'],
    [binary(num(-3), '^', num(2)), '(-3) ^ 2'],
    [num(Infinity), 'INF'],
  ])('%j', (expr, text) => {
    expect(printEquation(expr)).toBe(text);
  });
});

function roundTrip(e: Expr): Expr {
  const text = printEquation(e);
  const { expr, diagnostics } = parseEquation(text);
  expect(diagnostics, text).toEqual([]);
  return withoutLoc(expr!);
}

describe('print then parse gives the same tree', () => {
  it.each([
    'a + b * c',
    '-2^2',
    '( IF Time > 5 THEN 1 ELSE 0 )',
    '"Teacup Temperature" - "Room Temperature"',
    "x[*:Dim, 1:3, Dim.elem]' * MAX(a, b)",
    'NOT (a OR b) AND c <> 1',
    'a ^ b ^ -c',
  ])('%s', (text) => {
    const parsed = withoutLoc(parseEquation(text).expr!);
    expect(roundTrip(parsed)).toEqual(parsed);
  });
});

const names = [
  'a',
  'Birth_Rate',
  'Teacup Temperature',
  'if',
  'Or',
  'say "hi"',
  'back\\slash',
  'hares.area',
  'Größe',
  '$cost',
  'x1',
  'a{b}',
  'hares killed\\nper lynx',
];
const functions = ['MAX', 'smth1', 'PI', 'effect of price', 'Delay_Fixed'];
const unaryOps: UnaryOp[] = ['-', '+', 'not'];
const binaryOps: BinaryOp[] = ['+', '-', '*', '/', '^', 'mod', '<', '<=', '>', '>=', '=', '<>', 'and', 'or'];

const { expr: arbitraryExpr } = fc.letrec<{ expr: Expr; index: SubscriptIndex }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double({ min: 0, max: 1e300, noNaN: true }).map((v) => num(v === 0 ? 0 : v)),
    fc.nat(1000).map(num),
    fc.constantFrom(...names).map((n) => ref(n)),
    fc.tuple(fc.constantFrom(...names), fc.array(tie('index'), { minLength: 1, maxLength: 3 })).map(([n, subs]) => ref(n, ...subs)),
    fc.tuple(fc.constantFrom(...functions), fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => call(f, ...args)),
    fc.tuple(fc.constantFrom(...unaryOps), tie('expr')).map(([op, x]) => unary(op, x)),
    fc.tuple(tie('expr'), fc.constantFrom(...binaryOps), tie('expr')).map(([l, op, r]) => binary(l, op, r)),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([i, t, e]) => ifThenElse(i, t, e)),
    tie('expr').map(transpose),
  ),
  index: fc.oneof(
    tie('expr').map((e) => index(e)),
    fc.option(fc.constantFrom(...names), { nil: undefined }).map((d) => wildcard(d)),
    fc.tuple(tie('expr'), tie('expr')).map(([from, to]) => range(from, to)),
  ),
}));

describe('property: any tree survives print then parse', () => {
  it('parseEquation(printEquation(e)) equals e', () => {
    fc.assert(
      fc.property(arbitraryExpr, (e) => {
        expect(roundTrip(e)).toEqual(e);
      }),
      { numRuns: 500 },
    );
  });
});

describe('property: every node\'s location covers exactly its own text', () => {
  it('the text under a node parses to that node', () => {
    fc.assert(
      fc.property(arbitraryExpr, (e) => {
        const text = printEquation(e);
        const parsed = parseEquation(text).expr!;
        walkExpr(parsed, (node) => {
          const loc = node.loc!;
          expect(loc.line).toBe(1);
          expect(loc.endLine).toBe(1);
          const slice = text.slice(loc.column - 1, loc.endColumn! - 1);
          expect(withoutLoc(parseEquation(slice).expr!), slice).toEqual(withoutLoc(node));
        });
      }),
      { numRuns: 200 },
    );
  });
});
