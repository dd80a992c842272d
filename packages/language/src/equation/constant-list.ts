/**
 * Stella writes the values of a non-apply-to-all array as one equation, a list of numbers:
 * `1, 2, 3` for one dimension, rows ended by `;` for two (`0.1,0.2; 0.4,0.5;`). This is not an
 * expression, so it is read here rather than by `parseEquation`.
 *
 * Returns the rows of numbers (one row for a plain list), or `null` when the text is not such a
 * list (it holds no `,` or `;`, or anything but signed numbers, blanks and comments).
 */
export function parseConstantList(text: string): number[][] | null {
  const body = text.replace(/\{[^}]*\}/g, ' ');
  if (!/[,;]/.test(body)) return null;
  const rows = body.split(';');
  // A final `;` ends the last row rather than starting an empty one.
  if (rows.length > 1 && rows[rows.length - 1]!.trim() === '') rows.pop();
  const out: number[][] = [];
  for (const row of rows) {
    const values: number[] = [];
    for (const cell of row.split(',')) {
      const m = /^\s*([-+]?)\s*((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*$/.exec(cell);
      if (m === null) return null;
      const value = Number(m[2]);
      values.push(m[1] === '-' ? -value : value);
    }
    out.push(values);
  }
  return out;
}
