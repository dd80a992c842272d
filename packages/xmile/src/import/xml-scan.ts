/**
 * A position index of the raw XML: every element's start tag, content and end tag offsets, in
 * document order. fast-xml-parser gives no positions, so the tree it builds is matched, element
 * by element, against this index. The scan runs after validation, so it may assume well-formed
 * markup; comments, CDATA sections and processing instructions are skipped as the parser skips them.
 */
export interface ScannedElement {
  name: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  contentStart: number;
  /** Offset of the end tag's `<` (equal to contentStart for an empty `<x/>`). */
  contentEnd: number;
  /** Offset just after the element. */
  end: number;
}

/** Deeper nesting than this is refused: real files nest about a dozen levels, and a hostile one must not overflow the stack of the recursive tree builders. */
export const MAX_DEPTH = 500;

export interface ScanResult {
  elements: ScannedElement[];
  /** Offset of the first element nested deeper than MAX_DEPTH. */
  tooDeep?: number;
  /** Offset of a `<!DOCTYPE` or `<!ENTITY` declaration, if the file has one. */
  declaration?: { offset: number; keyword: string };
}

export function scanElements(text: string): ScanResult {
  const elements: ScannedElement[] = [];
  const open: ScannedElement[] = [];
  const result: ScanResult = { elements };
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    if (text.startsWith('<!--', i)) {
      i = skipPast(text, '-->', i + 4);
    } else if (text.startsWith('<![CDATA[', i)) {
      i = skipPast(text, ']]>', i + 9);
    } else if (text.startsWith('<?', i)) {
      i = skipPast(text, '?>', i + 2);
    } else if (text.startsWith('<!', i)) {
      const keyword = /^<!([A-Za-z]*)/.exec(text.slice(i, i + 12))?.[1] ?? '';
      if (result.declaration === undefined) result.declaration = { offset: i, keyword: keyword.toUpperCase() };
      i = skipPast(text, '>', i + 2);
    } else if (text[i + 1] === '/') {
      const gt = text.indexOf('>', i);
      const el = open.pop();
      if (el) {
        el.contentEnd = i;
        el.end = gt < 0 ? text.length : gt + 1;
      }
      i = gt < 0 ? text.length : gt + 1;
    } else {
      let j = i + 1;
      while (j < text.length && !endsName(text.charCodeAt(j))) j++;
      const name = text.slice(i + 1, j);
      let quote = 0;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === DQUOTE || c === SQUOTE) quote = c;
        else if (c === GT) break;
      }
      const selfClosing = text.charCodeAt(j - 1) === SLASH;
      const el: ScannedElement = { name, start: i, contentStart: j + 1, contentEnd: j + 1, end: j + 1 };
      elements.push(el);
      if (!selfClosing) open.push(el);
      if (open.length > MAX_DEPTH && result.tooDeep === undefined) result.tooDeep = i;
      i = j + 1;
    }
    i = text.indexOf('<', i);
  }
  return result;
}

const GT = 62;
const SLASH = 47;
const DQUOTE = 34;
const SQUOTE = 39;

/** Whitespace, `/` or `>` end an element name. */
function endsName(c: number): boolean {
  return c === GT || c === SLASH || c === 32 || c === 9 || c === 10 || c === 13;
}

function skipPast(text: string, marker: string, from: number): number {
  const k = text.indexOf(marker, from);
  return k < 0 ? text.length : k + marker.length;
}
