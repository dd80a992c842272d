import type { Equation, Expr } from '@sluice/ir';
import { printEquation } from '../equation/print.js';
import { formulaReadsBack, unitsReadBack } from './scan.js';
import { keywordWords } from './tokens.js';

/**
 * How single names, numbers, strings and formulas are written. Each writer produces text
 * the lexer reads back as the same value, so printing is idempotent.
 */

const identifier = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]*$/u;
const numberText = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function quote(text: string): string {
  const escaped = text.replace(/[\\"\n\r\t\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\n':
      case '\u2028':
      case '\u2029':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\${c}`;
    }
  });
  return `"${escaped}"`;
}

/**
 * A quoted name as `unquoteName` reads it back: line breaks become `\n` (a name is one line;
 * `canonicalName` reads both as a space), a tab stays a tab, and only `\` and `"` are escaped.
 */
function quoteName(display: string): string {
  return `"${display.replace(/\r\n?|[\n\u2028\u2029]|[\\"]/g, (c) => (c === '\\' || c === '"' ? `\\${c}` : '\\n'))}"`;
}

/** A name bare when it is an identifier and no keyword, quoted otherwise. */
export function printName(display: string): string {
  return identifier.test(display) && !keywordWords.has(display) ? display : quoteName(display);
}

/** An element name: bare numbers stay numbers (`[1]`), other names as names. */
export function printElement(element: string): string {
  return numberText.test(element) ? element : printName(element);
}

export function printNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/**
 * A formula's text when the lexer reads it back unchanged; else its parse, printed; else its
 * text on one line. Undefined for an equation with neither text nor parse.
 */
export function printFormula(eq: Equation, textIsXmile = true): string | undefined {
  // A Vensim formula's text is Vensim syntax: the parse, printed as XMILE, says the same thing.
  if (!textIsXmile && eq.expr) {
    const printed = printedExpr(eq.expr);
    if (printed !== undefined && formulaReadsBack(printed)) return printed;
  }
  if (formulaReadsBack(eq.text)) return eq.text;
  const oneLine = eq.text.replace(/\r\n?|\n|\u2028|\u2029/g, ' ').trim();
  if (formulaReadsBack(oneLine)) return oneLine;
  if (eq.expr) {
    const printed = printedExpr(eq.expr);
    if (printed !== undefined && formulaReadsBack(printed)) return printed;
  }
  // Only a formula that did not parse and holds a stray `#` gets here: keep what reads back.
  const kept = oneLine.replace(/#/g, ' ').trim();
  return kept.length > 0 ? kept : undefined;
}

/** printEquation refuses what XMILE cannot write (an inline lookup table); then there is no printed form. */
function printedExpr(expr: Expr): string | undefined {
  try {
    return printEquation(expr);
  } catch {
    return undefined;
  }
}

export function printUnits(units: string): string | undefined {
  if (unitsReadBack(units)) return units;
  const cleaned = units.replace(/[\r\n\u2028\u2029#]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.length > 0 ? cleaned : undefined;
}

/** Whether the project's formula texts are XMILE equations (so the language can carry them as written). */
export function textIsXmile(project: { source?: { format: string } }): boolean {
  return project.source?.format !== 'mdl';
}

/** True when an aux's formula is a plain number, so it prints as `const`. */
export function isConstant(eq: Equation | undefined): boolean {
  const e = eq?.expr;
  if (!e) return false;
  return e.kind === 'number' || (e.kind === 'unary' && (e.op === '-' || e.op === '+') && e.operand.kind === 'number');
}
