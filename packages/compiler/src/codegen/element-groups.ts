/**
 * Element equations written one per element (Vensim's `inflow[Region, A2] = aging out[Region, A1]`
 * becomes one equation for every region) would give one statement per element: thousands of
 * lines V8 never optimises. Consecutive statements of one variable that differ only in integers
 * (slots, table offsets) changing by the same step from one statement to the next are folded
 * into a loop whose k-th pass is, character for character, the k-th statement with those
 * integers written as `base + k * step`, and other numbers that differ (per-element constants)
 * read from a table in `g`. The loop runs the same statements in the same order, so an element
 * reading the one written just before it still sees it.
 */

/** Fewer statements than this stay as they are: a loop would not pay for itself. */
const MIN_GROUP = 4;
/** The loop counter: generated code uses no other name like it (`i<n>`, `s<n>`, `e`, `p<n>`). */
const COUNTER = 'gk';

interface Shape {
  /** The code with every number taken out. */
  text: string[];
  numbers: string[];
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Characters that make a digit after them part of a name or of a number already read (`i0`, `$1`, `.5`). */
const joinsDigit = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 46;

/** The end of the digits from `i`. */
function digitsEnd(code: string, i: number): number {
  while (i < code.length && isDigit(code.charCodeAt(i))) i++;
  return i;
}

/**
 * The numbers of generated code as numberLiteral and offsets print them (`12`, `0.5`, `1e-7`),
 * not digits inside names: a scan by character codes, as a regular expression's match objects
 * for every number of 20,000 statements were much of the garbage of a large compile.
 */
function shapeOf(code: string): Shape {
  const text: string[] = [];
  const numbers: string[] = [];
  let last = 0;
  for (let i = 0; i < code.length; i++) {
    if (!isDigit(code.charCodeAt(i)) || (i > 0 && joinsDigit(code.charCodeAt(i - 1)))) continue;
    let end = digitsEnd(code, i);
    if (code.charCodeAt(end) === 46 && isDigit(code.charCodeAt(end + 1))) end = digitsEnd(code, end + 1);
    if (code.charCodeAt(end) === 101) {
      const sign = code.charCodeAt(end + 1) === 43 || code.charCodeAt(end + 1) === 45 ? 1 : 0;
      if (isDigit(code.charCodeAt(end + 1 + sign))) end = digitsEnd(code, end + 1 + sign);
    }
    text.push(code.slice(last, i));
    numbers.push(code.slice(i, end));
    last = end;
    i = end - 1;
  }
  text.push(code.slice(last));
  return { text, numbers };
}

const sameText = (a: Shape, b: Shape): boolean => a.text.length === b.text.length && a.text.every((t, i) => t === b.text[i]);

const integer = (s: string): number | undefined => {
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** How a number changes over a group: the same, by an integer step, or from a table of its values. */
type Change = { same: true } | { step: number } | { table: true };
const SAME: Change = { same: true };
const TABLE: Change = { table: true };

/** Writes numbers into the run's data array `g` and returns their offset. */
export type StoreNumbers = (values: number[]) => number;

/**
 * Per number, how it changes from the first statement to the second. Integers (slots, offsets,
 * positions) must step evenly; a number that is not an integer in one of the two (a
 * per-element constant, `0.1` then `0.7`) may differ freely when there is a table to keep it.
 */
function changesBetween(a: Shape, b: Shape, tables: boolean): Change[] | undefined {
  const changes: Change[] = [];
  for (let i = 0; i < a.numbers.length; i++) {
    const x = a.numbers[i]!;
    const y = b.numbers[i]!;
    if (x === y) changes.push(SAME);
    else {
      const p = integer(x);
      const q = integer(y);
      if (p !== undefined && q !== undefined) changes.push({ step: q - p });
      else if (tables) changes.push(TABLE);
      else return undefined;
    }
  }
  return changes;
}

/** Whether statement `s` is statement k of the group starting at `first` with these changes. */
function follows(first: Shape, changes: Change[], s: Shape, k: number): boolean {
  if (!sameText(first, s)) return false;
  return first.numbers.every((x, i) => {
    const c = changes[i]!;
    const y = s.numbers[i]!;
    if ('same' in c) return y === x;
    if ('step' in c) return integer(y) === integer(x)! + k * c.step;
    return true;
  });
}

function loopOf(shapes: Shape[], changes: Change[], store: StoreNumbers | undefined): string {
  const first = shapes[0]!;
  let body = first.text[0]!;
  first.numbers.forEach((x, i) => {
    const c = changes[i]!;
    // Numbers printed by numberLiteral read back exactly.
    if ('table' in c) body += `g[${store!(shapes.map((s) => Number(s.numbers[i])))} + ${COUNTER}]`;
    else body += 'same' in c || c.step === 0 ? x : `(${x} + ${COUNTER} * ${c.step})`;
    body += first.text[i + 1]!;
  });
  return `for (let ${COUNTER} = 0; ${COUNTER} < ${shapes.length}; ${COUNTER}++) {\n${body}\n}`;
}

/**
 * The statements of one variable, with runs of the same shape folded into loops. With `store`,
 * numbers other than integers that differ from one statement to the next (per-element
 * constants inside a formula) are read from a table written into `g`, so those runs fold too.
 */
export function groupStatements(statements: string[], store?: StoreNumbers): string[] {
  if (statements.length < MIN_GROUP) return statements;
  const shapes = statements.map(shapeOf);
  const out: string[] = [];
  let i = 0;
  while (i < statements.length) {
    const first = shapes[i]!;
    const second = shapes[i + 1];
    const changes = second && sameText(first, second) ? changesBetween(first, second, store !== undefined) : undefined;
    let end = i + 1;
    if (changes) while (end < statements.length && follows(first, changes, shapes[end]!, end - i)) end++;
    if (changes && end - i >= MIN_GROUP) out.push(loopOf(shapes.slice(i, end), changes, store));
    else for (let k = i; k < end; k++) out.push(statements[k]!);
    i = end;
  }
  return out;
}
