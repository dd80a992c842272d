/**
 * Splits the text of a `.mdl` file into its parts: the `{UTF-8}` header, entries
 * `equation ~ units ~ comment |`, group headings (`****` lines), macro brackets and the sketch
 * that follows `\\\---///`. Only quotes matter here: a quoted name may hold `~` or `|`.
 */

/** A piece of the file with the offset where it starts. */
export interface Span {
  text: string;
  start: number;
}

export type Part =
  | { kind: 'entry'; equation: Span; units: Span; comment: Span; flags: Span[]; start: number }
  | { kind: 'group'; name: string; comment: string; start: number }
  | { kind: 'macro-start'; header: Span; start: number }
  | { kind: 'macro-end'; start: number };

export interface SplitFile {
  parts: Part[];
  /** Everything from the sketch marker on, unchanged. */
  sketch?: string;
  encoding?: string;
}

const SKETCH_MARKER = /^[ \t]*\\{2,3}---\/\/\//m;
const MACRO_START = /^:MACRO:/i;
const MACRO_END = /^:END[ _]+OF[ _]+MACRO:/i;

export function splitFile(text: string): SplitFile {
  const out: SplitFile = { parts: [] };
  let end = text.length;
  const sketch = SKETCH_MARKER.exec(text);
  if (sketch) {
    end = sketch.index;
    out.sketch = text.slice(sketch.index);
  }
  let pos = 0;
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  const header = /^\{([^}\r\n]*)\}/.exec(text.slice(pos, Math.min(end, pos + 100)));
  if (header) {
    out.encoding = header[1];
    pos += header[0].length;
  }
  while (pos < end) {
    pos = skipBlank(text, pos, end);
    if (pos >= end) break;
    const rest = text.slice(pos, Math.min(end, pos + 40));
    if (MACRO_START.test(rest)) {
      const close = macroHeaderEnd(text, pos, end);
      out.parts.push({ kind: 'macro-start', header: { text: text.slice(pos + ':MACRO:'.length, close), start: pos + ':MACRO:'.length }, start: pos });
      pos = close;
      continue;
    }
    const endMacro = MACRO_END.exec(rest);
    if (endMacro) {
      out.parts.push({ kind: 'macro-end', start: pos });
      pos += endMacro[0].length;
      continue;
    }
    if (text.startsWith('***', pos)) {
      const bar = text.indexOf('|', pos);
      const stop = bar < 0 || bar > end ? end : bar;
      out.parts.push({ ...groupHeading(text.slice(pos, stop)), start: pos });
      pos = stop + 1;
      continue;
    }
    const fields = entryFields(text, pos, end);
    out.parts.push({
      kind: 'entry',
      equation: fields[0] ?? { text: '', start: pos },
      units: fields[1] ?? { text: '', start: pos },
      comment: fields[2] ?? { text: '', start: pos },
      flags: fields.slice(3),
      start: pos,
    });
    pos = fields.end;
  }
  return out;
}

function skipBlank(text: string, pos: number, end: number): number {
  while (pos < end && /\s/.test(text.charAt(pos))) pos++;
  return pos;
}

/** The header of `:MACRO: NAME(a, b : c)` ends at its closing parenthesis (or the line). */
function macroHeaderEnd(text: string, pos: number, end: number): number {
  let depth = 0;
  for (let i = pos; i < end; i++) {
    const c = text.charAt(i);
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth <= 0) return i + 1;
    } else if ((c === '\n' || c === '\r') && depth === 0 && i > pos + ':MACRO:'.length + 1) return i;
  }
  return end;
}

/** `*****\n .Control\n*****~ comment |`: the name is the line starting with a dot. */
function groupHeading(body: string): { kind: 'group'; name: string; comment: string } {
  const tilde = body.indexOf('~');
  const head = tilde < 0 ? body : body.slice(0, tilde);
  const comment = tilde < 0 ? '' : body.slice(tilde + 1).trim();
  const name = head.replace(/\*/g, ' ').trim().replace(/^\./, '').trim();
  return { kind: 'group', name, comment };
}

/** Fields of one entry separated by `~`, up to the `|` that closes it (quotes respected). */
function entryFields(text: string, pos: number, end: number): Span[] & { end: number } {
  const fields: Span[] = [];
  let start = pos;
  let inQuote = false;
  let i = pos;
  for (; i < end; i++) {
    const c = text.charAt(i);
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
      continue;
    }
    // Quotes only delimit names in the equation; units and comments are free text.
    if (c === '"' && fields.length === 0) inQuote = true;
    else if (c === '~' || c === '|') {
      fields.push({ text: text.slice(start, i), start });
      start = i + 1;
      if (c === '|') break;
    }
  }
  if (i >= end) {
    if (start < end) fields.push({ text: text.slice(start, end), start });
    return Object.assign(fields, { end });
  }
  return Object.assign(fields, { end: i + 1 });
}
