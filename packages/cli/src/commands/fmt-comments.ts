import type { SourceLoc } from '@sluice/ir';

/**
 * The `#` comments of a Sluice text file, with where each starts: text after `#` outside
 * quoted names and strings and outside a formula's `{...}` comment.
 */
export function hashComments(text: string, file: string): { text: string; loc: SourceLoc }[] {
  const out: { text: string; loc: SourceLoc }[] = [];
  let inQuote = false;
  let braces = 0;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (inQuote) {
        if (c === '\\') j++;
        else if (c === '"') inQuote = false;
      } else if (c === '"' && braces === 0) inQuote = true;
      else if (c === '{') braces++;
      else if (c === '}' && braces > 0) braces--;
      else if (c === '#' && braces === 0) {
        out.push({ text: line.slice(j + 1).trim(), loc: { file, line: i + 1, column: j + 1 } });
        break;
      }
    }
  });
  return out;
}

/** The first comment of `before` that `after` no longer holds, if any. */
export function firstLostComment(before: string, after: string, file: string): { text: string; loc: SourceLoc } | undefined {
  const kept = new Map<string, number>();
  for (const c of hashComments(after, file)) kept.set(c.text, (kept.get(c.text) ?? 0) + 1);
  for (const c of hashComments(before, file)) {
    const n = kept.get(c.text) ?? 0;
    if (n === 0) return c;
    kept.set(c.text, n - 1);
  }
  return undefined;
}
