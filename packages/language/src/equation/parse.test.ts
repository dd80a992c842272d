import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Expr } from '@sluice/ir';
import { parseEquation } from './parse.js';
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

/** The tree of a valid equation, without locations. */
function tree(text: string): Expr {
  const { expr, diagnostics } = parseEquation(text);
  expect(diagnostics).toEqual([]);
  return withoutLoc(expr!);
}

const [a, b, c] = [ref('a'), ref('b'), ref('c')];

describe('operator precedence, lowest to highest: OR, AND, = <>, < <= > >=, + -, * / MOD, unary, ^', () => {
  it.each<[string, Expr]>([
    ['a OR b AND c', binary(a, 'or', binary(b, 'and', c))],
    ['a AND b OR c', binary(binary(a, 'and', b), 'or', c)],
    ['a AND b = c', binary(a, 'and', binary(b, '=', c))],
    ['a = b < c', binary(a, '=', binary(b, '<', c))],
    ['a <> b >= c', binary(a, '<>', binary(b, '>=', c))],
    ['a <= b + c', binary(a, '<=', binary(b, '+', c))],
    ['a > b - c', binary(a, '>', binary(b, '-', c))],
    ['a + b * c', binary(a, '+', binary(b, '*', c))],
    ['a - b / c', binary(a, '-', binary(b, '/', c))],
    ['a + b MOD c', binary(a, '+', binary(b, 'mod', c))],
    ['a * -b', binary(a, '*', unary('-', b))],
    ['-a * b', binary(unary('-', a), '*', b)],
    ['-a ^ b', unary('-', binary(a, '^', b))],
    ['-2^2', unary('-', binary(num(2), '^', num(2)))],
    ['+a ^ b', unary('+', binary(a, '^', b))],
    ['NOT a ^ b', unary('not', binary(a, '^', b))],
    ['NOT a = b', binary(unary('not', a), '=', b)],
    ['NOT a AND b', binary(unary('not', a), 'and', b)],
    ['a ^ -b', binary(a, '^', unary('-', b))],
    ['2 * 3 ^ 2', binary(num(2), '*', binary(num(3), '^', num(2)))],
    ['(a + b) * c', binary(binary(a, '+', b), '*', c)],
  ])('%s', (text, expected) => {
    expect(tree(text)).toEqual(expected);
  });
});

describe('associativity', () => {
  it.each<[string, Expr]>([
    ['a - b - c', binary(binary(a, '-', b), '-', c)],
    ['a / b / c', binary(binary(a, '/', b), '/', c)],
    ['a / b * c', binary(binary(a, '/', b), '*', c)],
    ['a MOD b MOD c', binary(binary(a, 'mod', b), 'mod', c)],
    ['a < b < c', binary(binary(a, '<', b), '<', c)],
    ['a = b <> c', binary(binary(a, '=', b), '<>', c)],
    ['a OR b OR c', binary(binary(a, 'or', b), 'or', c)],
    ['a ^ b ^ c', binary(a, '^', binary(b, '^', c))],
    ['2^3^2', binary(num(2), '^', binary(num(3), '^', num(2)))],
    ['- -a', unary('-', unary('-', a))],
    ['NOT NOT a', unary('not', unary('not', a))],
  ])('%s', (text, expected) => {
    expect(tree(text)).toEqual(expected);
  });
});

describe('keywords are case-insensitive', () => {
  it.each<[string, Expr]>([
    ['a and b Or c', binary(binary(a, 'and', b), 'or', c)],
    ['not a', unary('not', a)],
    ['a mod 3', binary(a, 'mod', num(3))],
    ['a Mod 3', binary(a, 'mod', num(3))],
    ['if a then b else c', ifThenElse(a, b, c)],
    ['If a Then b Else c', ifThenElse(a, b, c)],
  ])('%s', (text, expected) => {
    expect(tree(text)).toEqual(expected);
  });

  it('&& and || are AND and OR', () => {
    expect(tree('a && b || c')).toEqual(binary(binary(a, 'and', b), 'or', c));
  });

  it('a name that starts with a keyword is a name', () => {
    expect(tree('iffy + android + order + modulus + note + thence + elsewhere')).toEqual(
      ['android', 'order', 'modulus', 'note', 'thence', 'elsewhere'].reduce<Expr>(
        (sum, name) => binary(sum, '+', ref(name)),
        ref('iffy'),
      ),
    );
  });
});

describe('numbers', () => {
  it.each<[string, number]>([
    ['1', 1],
    ['1.', 1],
    ['.5', 0.5],
    ['0.25', 0.25],
    ['1e-3', 0.001],
    ['1E+30', 1e30],
    ['1.5e3', 1500],
    ['2.E2', 200],
    ['.5e1', 5],
    ['007', 7],
    ['12345678901234567890', 12345678901234567890],
  ])('%s is %d', (text, value) => {
    expect(tree(text)).toEqual(num(value));
  });

  it('a leading minus is unary minus, not part of the number', () => {
    expect(tree('-5')).toEqual(unary('-', num(5)));
  });
});

describe('names', () => {
  it('keep the spelling as display and canonicalise the name', () => {
    expect(tree('Birth_Rate')).toEqual({ kind: 'var', name: 'birth_rate', display: 'Birth_Rate' });
  });

  it('may be quoted, with spaces and any character', () => {
    expect(tree('"Teacup Temperature"')).toEqual({
      kind: 'var',
      name: 'teacup_temperature',
      display: 'Teacup Temperature',
    });
    expect(tree('"Aux_with_$peC!@|_characters"')).toEqual(ref('Aux_with_$peC!@|_characters'));
    expect(tree('"a (b) + c"')).toEqual(ref('a (b) + c'));
  });

  it('may hold escaped quotes and backslashes inside quotes', () => {
    expect(tree('"say \\"hi\\""')).toEqual({ kind: 'var', name: 'say_"hi"', display: 'say "hi"' });
    expect(tree('"a\\\\b"')).toEqual({ kind: 'var', name: 'a\\b', display: 'a\\b' });
  });

  it('read a quoted \\n (Stella\'s line break in a name) as a space', () => {
    expect(tree('"hares killed\\nper lynx"').kind === 'var' && tree('"hares killed\\nper lynx"')).toMatchObject({
      name: 'hares_killed_per_lynx',
    });
  });

  it('may use letters of any script, digits after the first character, _ and $', () => {
    expect(tree('Größe_2 * 人口 + $cost')).toEqual(
      binary(binary(ref('Größe_2'), '*', ref('人口')), '+', ref('$cost')),
    );
  });

  it('may be qualified by a module with a dot', () => {
    expect(tree('hares.area * 2')).toEqual(binary({ kind: 'var', name: 'hares.area', display: 'hares.area' }, '*', num(2)));
  });

  it('may join quoted parts with a dot', () => {
    expect(tree('"Hare Model".births')).toEqual({ kind: 'var', name: 'hare_model.births', display: 'Hare Model.births' });
    expect(tree('hares."area x"[1]')).toEqual({
      kind: 'var',
      name: 'hares.area_x',
      display: 'hares.area x',
      subscripts: [index(1)],
    });
  });

  it('TIME, DT and the like are plain names', () => {
    expect(tree('TIME + dt')).toEqual(binary(ref('TIME'), '+', ref('dt')));
  });
});

describe('function calls', () => {
  it('canonicalise the function name and keep the spelling', () => {
    expect(tree('max(a, b)')).toEqual({ kind: 'call', fn: 'MAX', display: 'max', args: [a, b] });
  });

  it('may have no arguments', () => {
    expect(tree('PI()')).toEqual(call('PI'));
  });

  it('nest', () => {
    expect(tree('SMTH1(x, 5, INIT(x) * 2)')).toEqual(
      call('SMTH1', ref('x'), num(5), binary(call('INIT', ref('x')), '*', num(2))),
    );
  });

  it('may call a graphical function by a quoted name', () => {
    expect(tree('"effect of price"(Price)')).toEqual(call('effect of price', ref('Price')));
  });
});

describe('IF THEN ELSE', () => {
  it('nests in every branch', () => {
    expect(tree('IF a THEN IF b THEN 1 ELSE 2 ELSE IF c THEN 3 ELSE 4')).toEqual(
      ifThenElse(a, ifThenElse(b, num(1), num(2)), ifThenElse(c, num(3), num(4))),
    );
    expect(tree('IF IF a THEN b ELSE c THEN 1 ELSE 0')).toEqual(ifThenElse(ifThenElse(a, b, c), num(1), num(0)));
  });

  it('takes everything after ELSE as the else branch', () => {
    expect(tree('1 + IF a THEN 2 ELSE 3 + 4')).toEqual(
      binary(num(1), '+', ifThenElse(a, num(2), binary(num(3), '+', num(4)))),
    );
  });

  it('can be an operand in parentheses', () => {
    expect(tree('( IF Time > 5 THEN 1 ELSE 0 ) * 2')).toEqual(
      binary(ifThenElse(binary(ref('Time'), '>', num(5)), num(1), num(0)), '*', num(2)),
    );
  });
});

describe('subscripts', () => {
  it('hold elements, positions, wildcards, named wildcards, ranges and Dim.element', () => {
    expect(tree('a[1, Boston, *, *:Dim, 1:3, Dim.elem]')).toEqual(
      ref('a', index(1), index('Boston'), wildcard(), wildcard('Dim'), range(1, 3), index('Dim.elem')),
    );
  });

  it('hold expressions', () => {
    expect(tree('a[i + 1, MIN(n, 3)]')).toEqual(ref('a', index(binary(ref('i'), '+', num(1))), index(call('MIN', ref('n'), num(3)))));
  });

  it('apply to quoted names', () => {
    expect(tree('"Stock A"[Entry_1]')).toEqual(ref('Stock A', index('Entry_1')));
  });
});

describe("transposition a'", () => {
  it('applies to a name, a subscripted name or a parenthesised expression', () => {
    expect(tree("a'")).toEqual(transpose(a));
    expect(tree("m[d1, d2]' * 2")).toEqual(binary(transpose(ref('m', index('d1'), index('d2'))), '*', num(2)));
    expect(tree("(a * b)'")).toEqual(transpose(binary(a, '*', b)));
  });

  it('binds tighter than ^', () => {
    expect(tree("a'^2")).toEqual(binary(transpose(a), '^', num(2)));
  });
});

describe('comments and blanks', () => {
  it('may appear anywhere', () => {
    expect(tree('{start} a {middle\nof two lines} + {x}b{end}')).toEqual(binary(a, '+', b));
  });

  it('include Stella padding, tabs, line breaks and Unicode line separators', () => {
    expect(tree('\n\t\t a *\r\n b\u2028+\u2029c \u00a0 \t\t')).toEqual(binary(binary(a, '*', b), '+', c));
  });
});

describe('locations', () => {
  it('cover each node, with an exclusive end column', () => {
    const { expr } = parseEquation('a + MAX(b, 2)');
    expect(expr).toMatchObject({
      loc: { line: 1, column: 1, endLine: 1, endColumn: 14 },
      left: { loc: { line: 1, column: 1, endLine: 1, endColumn: 2 } },
      right: {
        loc: { line: 1, column: 5, endLine: 1, endColumn: 14 },
        args: [{ loc: { column: 9, endColumn: 10 } }, { loc: { column: 12, endColumn: 13 } }],
      },
    });
  });

  it('are in file coordinates when an origin is given', () => {
    const { expr } = parseEquation('a +\n  MAX(b, 2)', { file: 'model.stmx', line: 10, column: 20 });
    expect(expr).toMatchObject({
      loc: { file: 'model.stmx', line: 10, column: 20, endLine: 11, endColumn: 12 },
      left: { loc: { file: 'model.stmx', line: 10, column: 20, endLine: 10, endColumn: 21 } },
      right: {
        loc: { line: 11, column: 3, endLine: 11, endColumn: 12 },
        args: [{ loc: { line: 11, column: 7 } }, { loc: { line: 11, column: 10, endColumn: 11 } }],
      },
    });
  });

  it('are given to subscript positions', () => {
    const { expr } = parseEquation('x[*:Dim, 1:3]', { line: 3, column: 5 });
    expect(expr).toMatchObject({
      subscripts: [
        { kind: 'wildcard', loc: { line: 3, column: 7, endColumn: 12 } },
        { kind: 'range', loc: { line: 3, column: 14, endColumn: 17 }, from: { loc: { column: 14 } } },
      ],
    });
  });
});

describe('syntax errors give one diagnostic a modeller understands, at the right place', () => {
  function problem(text: string, origin?: { file?: string; line?: number; column?: number }) {
    const { expr, diagnostics } = parseEquation(text, origin);
    expect(expr).toBeNull();
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    return { code: d.code, message: d.message, line: d.loc?.line, column: d.loc?.column, file: d.loc?.file };
  }

  it('an unclosed call', () => {
    expect(problem('MAX(a, b', { file: 'm.stmx', line: 5, column: 10 })).toEqual({
      code: 'syntax',
      message: "expected ')' to close the call to MAX, but the equation ends here",
      line: 5,
      column: 18,
      file: 'm.stmx',
    });
  });

  it('a call closed by the wrong token', () => {
    expect(problem('MAX(a, b]')).toMatchObject({ message: "expected ')' to close the call to MAX, but found ']'", column: 9 });
  });

  it('a misplaced operator on a later line, with an origin offset', () => {
    expect(problem('a +\n  b *\n  * c', { line: 7, column: 4 })).toEqual({
      code: 'syntax',
      message: "unexpected '*'; expected a number, a name or '('",
      line: 9,
      column: 3,
      file: undefined,
    });
  });

  it('an operator with nothing after it', () => {
    expect(problem('a + {comment}  ')).toMatchObject({
      message: "expected a value after '+', but the equation ends here",
      line: 1,
      column: 4,
    });
  });

  it('an unclosed parenthesis names where it opened', () => {
    expect(problem('2 * (a +\n b')).toMatchObject({
      message: "expected ')' to close the '(' at line 1, column 5, but the equation ends here",
      line: 2,
      column: 3,
    });
  });

  it('an unclosed parenthesis is placed in the file', () => {
    expect(problem('MAX(1, (a + b', { line: 20, column: 8 })).toMatchObject({
      message: "expected ')' to close the '(' at line 20, column 15, but the equation ends here",
      line: 20,
      column: 21,
    });
  });

  it('an unclosed subscript', () => {
    expect(problem('x[1, 2 + y')).toMatchObject({ message: "expected ']' to close the subscripts of x, but the equation ends here" });
  });

  it('IF without THEN or ELSE', () => {
    expect(problem('IF a > 1 2')).toMatchObject({ message: "expected THEN after the condition of IF, but found '2'", column: 10 });
    expect(problem('IF a THEN b')).toMatchObject({ message: 'expected ELSE: an IF needs both THEN and ELSE, but the equation ends here', column: 12 });
  });

  it('a stray closing parenthesis', () => {
    expect(problem('(a + b))')).toMatchObject({ message: "unexpected ')' without a matching '('", column: 8 });
  });

  it('a name with spaces that is not quoted', () => {
    expect(problem('birth rate * 2')).toMatchObject({
      message: 'unexpected \'rate\': is an operator missing? (a name with spaces must be quoted, like "birth rate")',
      column: 7,
    });
  });

  it('a name with spaces inside a call', () => {
    expect(problem('MAX(birth rate, 2)')).toMatchObject({
      message: 'expected \')\' to close the call to MAX, but found \'rate\' (a name with spaces must be quoted, like "birth rate")',
      column: 11,
    });
  });

  it('a character that has no meaning', () => {
    expect(problem('a ? b', { line: 2, column: 3 })).toMatchObject({ message: "unexpected character '?'", line: 2, column: 5 });
    expect(problem('a # b')).toMatchObject({ message: "unexpected character '#'", column: 3 });
  });

  it('C-style operators XMILE does not have', () => {
    expect(problem('a & b')).toMatchObject({ message: "unexpected character '&': write AND for a logical and", column: 3 });
    expect(problem('a != b')).toMatchObject({ message: "unexpected character '!': write NOT for a logical not, or <> for 'not equal'" });
  });

  it('a dot with no name after it', () => {
    expect(problem('hares.(1)')).toMatchObject({ message: "expected a name after '.', but found '('", column: 7 });
  });

  it('an unclosed comment or quote', () => {
    expect(problem('a + {note')).toMatchObject({ message: "the comment started by '{' is never closed with '}'", column: 5 });
    expect(problem('a + "Stock\n A')).toMatchObject({ message: 'the quoted name is never closed with \'"\'', column: 5 });
  });

  it('a list of values where an expression belongs', () => {
    expect(problem('1, 2')).toMatchObject({ message: "unexpected ',': a list of values needs a function call around it", column: 2 });
  });

  it('nesting too deep for a real model is refused, not a crash', () => {
    expect(problem('('.repeat(10_000) + '1' + ')'.repeat(10_000))).toMatchObject({
      message: 'the equation is nested more than 64 levels deep',
    });
    expect(problem('-'.repeat(10_000) + '1')).toMatchObject({ code: 'syntax' });
    expect(problem(Array(10_000).fill('a').join('^'))).toMatchObject({ code: 'syntax' });
    expect(problem('IF a THEN 1 ELSE '.repeat(100) + '0')).toMatchObject({ code: 'syntax' });
    expect(tree('('.repeat(60) + '1' + ')'.repeat(60))).toEqual(num(1));
  });

  it('many IFs side by side are not nesting', () => {
    const args = Array.from({ length: 100 }, (_, i) => `IF t > ${i} THEN ${i} ELSE 0`);
    expect(parseEquation(`MAX(${args.join(', ')})`).diagnostics).toEqual([]);
    expect(parseEquation(args.map((x) => `(${x})`).join(' + ')).diagnostics).toEqual([]);
  });
});

describe('an empty equation', () => {
  it.each(['', '   \n\t', '{Enter equation for use when not hooked up to other models}'])('%j', (text) => {
    const { expr, diagnostics } = parseEquation(text, { file: 'm.xmile', line: 4, column: 9 });
    expect(expr).toBeNull();
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'empty-equation',
        message: 'the equation is empty',
        loc: { file: 'm.xmile', line: 4, column: 9, endLine: 4, endColumn: 9 },
      },
    ]);
  });
});

describe('long equations', () => {
  it('a sum of many terms parses without deep recursion problems', () => {
    const terms = Array.from({ length: 2000 }, (_, i) => `x${i}`);
    const { expr } = parseEquation(terms.join(' + '));
    expect(expr).toMatchObject({ kind: 'binary', op: '+', right: { name: 'x1999' } });
  });
});

describe('property: any text gives a tree or exactly one diagnostic, never an exception', () => {
  const pieces = ['a', 'Max', '(', ')', '[', ']', ',', ':', '*', '-', '+', '^', "'", '.', 'IF', 'THEN', 'ELSE', 'not', 'and',
    '<=', '<>', '=', '1', '.5e3', '"q r"', '{c}', '{', '}', '"', ' ', '\n', '#', '&&', '\u2028'];
  const check = (text: string): void => {
    const { expr, diagnostics } = parseEquation(text, { file: 'f', line: 3, column: 4 });
    if (expr === null) {
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]!.loc!.line).toBeGreaterThanOrEqual(3);
    } else expect(diagnostics).toEqual([]);
  };

  it('for token soup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join('')), check), { numRuns: 2000 });
  });

  it('for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), check), { numRuns: 1000 });
  });
});
