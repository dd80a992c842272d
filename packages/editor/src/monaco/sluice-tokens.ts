import { sluiceTokens } from '@sluice/language';

/** Token classes, named as Monaco's built-in themes know them. */
export type TokenClass = 'comment' | 'string' | 'keyword' | 'number' | 'identifier' | 'type' | 'delimiter' | 'operator' | 'predefined' | 'constant';

export interface LineToken {
  /** 0-based start column in the line. */
  start: number;
  type: TokenClass;
}

/**
 * Where a line ends up: outside any formula (null), or inside a formula left open by a bracket
 * or `{` comment, which the language lets run onto the next line.
 */
export interface LineState {
  formulaDepth: number | null;
  inComment: boolean;
}

const statementWords = new Set<string>(sluiceTokens.statementKeywords);
const otherWords = new Set<string>([...sluiceTokens.attributeKeywords, ...sluiceTokens.simKeywords]);
const valueWords = new Set<string>(sluiceTokens.values);
const formulaKeywords = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);

const word = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
const number = /(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;

/**
 * Split one line of Sluice text into highlighting tokens, following `grammar/sluice.md`: keywords
 * from `sluiceTokens`, `#` comments, strings, and formulas from `=` to the end of the line (or on,
 * while a bracket is open). `isBuiltin` marks function names inside formulas.
 */
export function tokenizeLine(line: string, state: LineState, isBuiltin: (name: string) => boolean): { tokens: LineToken[]; state: LineState } {
  const tokens: LineToken[] = [];
  let depth = state.formulaDepth;
  let inComment = state.inComment;
  let i = 0;
  let firstWord = true;
  const push = (start: number, type: TokenClass) => {
    if (tokens[tokens.length - 1]?.type !== type || type === 'identifier') tokens.push({ start, type });
  };
  while (i < line.length) {
    const c = line[i] ?? '';
    if (inComment) {
      push(i, 'comment');
      const close = line.indexOf('}', i);
      if (close < 0) return { tokens, state: { formulaDepth: depth, inComment: true } };
      i = close + 1;
      inComment = false;
      continue;
    }
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') {
      push(i, 'comment');
      return { tokens, state: { formulaDepth: null, inComment: false } };
    }
    if (c === '"') {
      push(i, depth === null ? 'string' : 'identifier');
      i = closingQuote(line, i);
      firstWord = false;
      continue;
    }
    if (depth !== null) {
      i = formulaToken(line, i, push, isBuiltin, (d) => (depth = (depth ?? 0) + d), () => (inComment = true));
      continue;
    }
    if (c === '=') {
      push(i, 'operator');
      depth = 0;
      i++;
      continue;
    }
    number.lastIndex = i;
    const n = number.exec(line);
    if (n && !/[\p{L}_]/u.test(c)) {
      push(i, 'number');
      i += n[0].length;
      firstWord = false;
      continue;
    }
    word.lastIndex = i;
    const w = word.exec(line);
    if (w) {
      const text = w[0];
      if (firstWord && text === 'units') {
        push(i, 'keyword');
        if (i + text.length < line.length) push(i + text.length, 'type');
        return { tokens, state: { formulaDepth: null, inComment: false } };
      }
      const type: TokenClass = statementWords.has(text) || otherWords.has(text) ? 'keyword' : valueWords.has(text) ? 'constant' : 'identifier';
      push(i, type);
      i += text.length;
      firstWord = false;
      continue;
    }
    push(i, 'delimiter');
    i++;
    firstWord = false;
  }
  // A formula ends with its line unless a bracket is still open.
  return { tokens, state: { formulaDepth: depth !== null && depth > 0 ? depth : null, inComment: false } };
}

function formulaToken(
  line: string,
  i: number,
  push: (start: number, type: TokenClass) => void,
  isBuiltin: (name: string) => boolean,
  nest: (d: number) => void,
  openComment: () => void,
): number {
  const c = line[i] ?? '';
  if (c === '{') {
    push(i, 'comment');
    const close = line.indexOf('}', i);
    if (close < 0) {
      openComment();
      return line.length;
    }
    return close + 1;
  }
  if (c === '(' || c === '[') {
    nest(1);
    push(i, 'delimiter');
    return i + 1;
  }
  if (c === ')' || c === ']') {
    nest(-1);
    push(i, 'delimiter');
    return i + 1;
  }
  number.lastIndex = i;
  const n = number.exec(line);
  if (n && /[\d.]/.test(c)) {
    push(i, 'number');
    return i + n[0].length;
  }
  word.lastIndex = i;
  const w = word.exec(line);
  if (w) {
    const text = w[0];
    const next = line.slice(i + text.length).trimStart()[0];
    const type: TokenClass = formulaKeywords.has(text.toLowerCase()) ? 'keyword' : isBuiltin(text) && (next === '(' || text.toUpperCase() === text) ? 'predefined' : 'identifier';
    push(i, type);
    return i + text.length;
  }
  push(i, ',;'.includes(c) ? 'delimiter' : 'operator');
  return i + 1;
}

function closingQuote(line: string, start: number): number {
  let i = start + 1;
  while (i < line.length) {
    if (line[i] === '\\') i += 2;
    else if (line[i] === '"') return i + 1;
    else i++;
  }
  return line.length;
}
