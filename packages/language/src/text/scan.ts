/**
 * Where a formula or a units text ends. Both run to the end of the line; a formula also runs
 * on over line breaks inside open brackets, so long formulas can wrap. The lexer and the
 * printer share these scanners: the printer only writes a text back verbatim when the lexer
 * would read exactly that text again.
 */

/**
 * Lines a wrapped formula never continues onto: a declaration, `end`, or the commonest
 * attribute lines (`units ...`, `doc "..."`, `inflow x`), so a forgotten `)` is reported on
 * its own line and the declarations and attributes after it still count.
 */
const declarationStart =
  /^[ \t]*(?:(?:stock|flow|aux|const|data|module|loop|group|model|macro|title|sim|dimension|unit|inflow|outflow)[ \t]+["\p{L}_]|units[ \t]|doc[ \t]+"|end[ \t]*(?:#|$))/u;

const isLineBreak = (c: string): boolean => c === '\n' || c === '\r';

/** End of a quoted name or string starting at `i` (the opening quote): the index after the closing quote, or of the line break. */
function skipQuoted(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '\\' && j + 1 < text.length && !isLineBreak(text[j + 1]!)) j += 2;
    else if (c === '"') return j + 1;
    else if (isLineBreak(c)) return j;
    else j++;
  }
  return j;
}

/** The rest of the line starting at `i` (exclusive end). */
function lineEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isLineBreak(text[j]!)) j++;
  return j;
}

/**
 * The end (exclusive) of the formula whose text starts at `start`: the first line break
 * outside brackets, or a `#` comment outside quotes and `{...}`. A `{` with no `}` on its line
 * is left to the formula parser to report, as is an unclosed bracket at a declaration.
 */
export function scanFormula(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      i = skipQuoted(text, i);
    } else if (c === '{') {
      const close = text.indexOf('}', i);
      i = close < 0 ? lineEnd(text, i) : close + 1;
    } else if (c === '#') {
      return i;
    } else if (c === '(' || c === '[') {
      depth++;
      i++;
    } else if (c === ')' || c === ']') {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (isLineBreak(c)) {
      if (depth === 0) return i;
      const next = c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      if (declarationStart.test(text.slice(next, lineEnd(text, next)))) return i;
      i = next;
    } else {
      i++;
    }
  }
  return i;
}

/** The end (exclusive) of a units text starting at `start`: the end of the line or a `#`. */
export function scanUnits(text: string, start: number): number {
  let i = start;
  while (i < text.length && !isLineBreak(text[i]!) && text[i] !== '#') i++;
  return i;
}

/** True when `formula` would be read back as exactly this text after `= `. */
export function formulaReadsBack(formula: string): boolean {
  const trimmed = formula.trim();
  if (trimmed !== formula || formula.length === 0) return false;
  return scanFormula(formula, 0) === formula.length;
}

/** True when `units` would be read back as exactly this text after `units `. */
export function unitsReadBack(units: string): boolean {
  const trimmed = units.trim();
  return trimmed === units && units.length > 0 && scanUnits(units, 0) === units.length;
}
