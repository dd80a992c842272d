import { canonicalFunctionName, canonicalName, type BinaryOp, type Expr, type SubscriptIndex } from '@sluice/ir';

/**
 * Print an expression in XMILE syntax with the fewest parentheses that keep its meaning, and
 * canonical spacing: binary operators between spaces, none inside brackets, `, ` between arguments.
 * `parseEquation(printEquation(e))` gives `e` back (ignoring `loc`), with two exceptions that
 * XMILE has no literal for: a negative number prints as unary minus, and the non-finite numbers
 * print as the names `INF` and `NAN`.
 */
export function printEquation(expr: Expr): string {
  return print(expr, 0);
}

/** Binding strength, higher binds tighter (XMILE 1.0 section 3.3.1). */
const precedence: Record<BinaryOp, number> = {
  or: 1,
  and: 2,
  '=': 3,
  '<>': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  mod: 6,
  '^': 8,
};
const unaryLevel = 7;
const postfixLevel = 9;
const atomLevel = 10;

const opText: Record<BinaryOp, string> = {
  or: 'OR',
  and: 'AND',
  '=': '=',
  '<>': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  mod: 'MOD',
  '^': '^',
};

/** How tightly the printed form of `e` holds together; IF's ELSE branch swallows what follows. */
function level(e: Expr): number {
  switch (e.kind) {
    case 'binary':
      return precedence[e.op];
    case 'unary':
      return unaryLevel;
    case 'if':
      return 0;
    case 'transpose':
      return postfixLevel;
    case 'number':
      return e.value < 0 || Object.is(e.value, -0) ? unaryLevel : atomLevel;
    default:
      return atomLevel;
  }
}

/** Print `e` where the grammar needs at least binding strength `min`. */
function print(e: Expr, min: number): string {
  const text = printBare(e);
  return level(e) < min ? `(${text})` : text;
}

function printBare(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return printNumber(e.value);
    case 'var':
      return e.subscripts && e.subscripts.length > 0
        ? `${printName(e.display, e.name)}[${e.subscripts.map(printIndex).join(', ')}]`
        : printName(e.display, e.name);
    case 'call':
      return `${printFunctionName(e.display, e.fn)}(${e.args.map((a) => print(a, 0)).join(', ')})`;
    case 'unary':
      return e.op === 'not' ? `NOT ${print(e.operand, unaryLevel)}` : `${e.op}${print(e.operand, unaryLevel)}`;
    case 'binary': {
      const p = precedence[e.op];
      // `^` is right-associative and its right side is a unary expression (`2^-1`);
      // every other operator is left-associative.
      const left = e.op === '^' ? print(e.left, postfixLevel) : print(e.left, p);
      const right = e.op === '^' ? print(e.right, unaryLevel) : print(e.right, p + 1);
      return `${left} ${opText[e.op]} ${right}`;
    }
    case 'if':
      return `IF ${print(e.condition, 0)} THEN ${print(e.then, 0)} ELSE ${print(e.else, 0)}`;
    case 'transpose':
      return `${print(e.operand, atomLevel)}'`;
    case 'table':
      // XMILE has no inline table syntax; a graphical function lives in its own element.
      throw new Error('printEquation: an inline table has no XMILE equation syntax');
  }
}

function printIndex(s: SubscriptIndex): string {
  switch (s.kind) {
    case 'index':
      return print(s.expr, 0);
    case 'wildcard':
      return s.dimension === undefined ? '*' : `*:${printName(s.dimension, canonicalName(s.dimension))}`;
    case 'range':
      return `${print(s.from, 0)}:${print(s.to, 0)}`;
  }
}

function printNumber(value: number): string {
  if (Number.isNaN(value)) return 'NAN';
  if (value === Infinity) return 'INF';
  if (value === -Infinity) return '-INF';
  if (Object.is(value, -0)) return '-0';
  // JavaScript's shortest round-trip form; its `1e+21` style is valid XMILE.
  return String(value);
}

const bareName = /^[\p{L}\p{Nl}_$][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$]*(?:\.[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$]+)*$/u;
const keywords = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);

function isBare(text: string): boolean {
  return bareName.test(text) && !keywords.has(text.toLowerCase());
}

/** The name as written when that still means `name`; otherwise the canonical name. Quoted when needed. */
function printName(display: string, name: string): string {
  if (isBare(display) && canonicalName(display) === name) return display;
  const quoted = quote(display);
  if (canonicalName(quoted) === name) return quoted;
  return isBare(name) ? name : quote(name);
}

function printFunctionName(display: string, fn: string): string {
  if (isBare(display) && canonicalFunctionName(display) === fn) return display;
  if (canonicalFunctionName(display) === fn) return quote(display);
  return isBare(fn) ? fn : quote(fn);
}

/** Wrap in double quotes; inside, `"` and `\\` are escaped with a backslash. */
function quote(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}
