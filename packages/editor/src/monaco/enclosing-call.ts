/**
 * The function call the end of `text` (the text before the cursor) is inside, and which argument
 * (0-based) the cursor is at: what signature help shows.
 */
export function enclosingCall(text: string): { name: string; argument: number } | undefined {
  let depth = 0;
  let argument = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth === 0) {
        if (c === '[') return undefined;
        const name = /([\p{L}_$][\p{L}\p{N}_$]*)\s*$/u.exec(text.slice(0, i))?.[1];
        return name ? { name, argument } : undefined;
      }
      depth--;
    } else if (c === ',' && depth === 0) argument++;
    // A line that starts in column 1 starts a statement: the call cannot be further back.
    else if (c === '\n' && /^\S/.test(text.slice(i + 1))) return undefined;
  }
  return undefined;
}
