/**
 * Element equations written one per element (Vensim's `inflow[Region, A2] = aging out[Region, A1]`
 * becomes one equation for every region) would give one statement per element: thousands of
 * lines V8 never optimises. Consecutive statements of one variable that differ only in integers
 * (slots, table offsets) changing by the same step from one statement to the next are folded
 * into a loop whose k-th pass is, character for character, the k-th statement with those
 * integers written as `base + k * step`. The loop runs the same statements in the same order,
 * so an element reading the one written just before it still sees it.
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
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** Per number: undefined if it must stay the same, else its step from one statement to the next. */
function stepsBetween(a: Shape, b: Shape): (number | undefined)[] | undefined {
  const steps: (number | undefined)[] = [];
  for (let i = 0; i < a.numbers.length; i++) {
    const x = a.numbers[i]!;
    const y = b.numbers[i]!;
    if (x === y) steps.push(undefined);
    else {
      const p = integer(x);
      const q = integer(y);
      if (p === undefined || q === undefined) return undefined;
      steps.push(q - p);
    }
  }
  return steps;
}

/** Whether statement `s` is statement k of the group starting at `first` with these steps. */
function follows(first: Shape, steps: (number | undefined)[], s: Shape, k: number): boolean {
  if (!sameText(first, s)) return false;
  return first.numbers.every((x, i) => {
    const d = steps[i];
    if (d === undefined) return s.numbers[i] === x;
    return integer(s.numbers[i]!) === integer(x)! + k * d;
  });
}

function loopOf(first: Shape, steps: (number | undefined)[], count: number): string {
  let body = first.text[0]!;
  first.numbers.forEach((x, i) => {
    const d = steps[i];
    body += d === undefined || d === 0 ? x : `(${x} + ${COUNTER} * ${d})`;
    body += first.text[i + 1]!;
  });
  return `for (let ${COUNTER} = 0; ${COUNTER} < ${count}; ${COUNTER}++) {\n${body}\n}`;
}

/** The statements of one variable, with runs of the same shape folded into loops. */
export function groupStatements(statements: string[]): string[] {
  if (statements.length < MIN_GROUP) return statements;
  const shapes = statements.map(shapeOf);
  const out: string[] = [];
  let i = 0;
  while (i < statements.length) {
    const first = shapes[i]!;
    const second = shapes[i + 1];
    const steps = second && sameText(first, second) ? stepsBetween(first, second) : undefined;
    let end = i + 1;
    if (steps) while (end < statements.length && follows(first, steps, shapes[end]!, end - i)) end++;
    if (steps && end - i >= MIN_GROUP) out.push(loopOf(first, steps, end - i));
    else for (let k = i; k < end; k++) out.push(statements[k]!);
    i = end;
  }
  return out;
}
