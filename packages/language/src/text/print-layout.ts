import type { Comments } from '@sluice/ir';

/**
 * Where the printer puts blank lines and `#` comments. The printer itself separates sections
 * (units, dimensions, the variables, loops and groups, each model and macro) and sets a
 * declaration with attribute lines apart; a blank line a modeller put anywhere else is kept
 * (once), as the leading `''` of the declaration's `before` comments.
 */

/** One printed declaration and the IR object that holds its comments. */
export interface Block {
  /** The declaration's lines, indented; a wrapped formula keeps its line breaks inside its line. */
  lines: string[];
  indent: string;
  holder?: { comments?: Comments };
  /** First of a section: a blank line before it whatever its comments say. */
  section?: boolean;
  /** A variable with attribute lines: stands apart from its neighbours. */
  apart?: boolean;
  /** A model's or macro's declarations, printed after `lines` and closed by `end`. */
  body?: Block[];
}

/** Whether the printer decides the blank line before block `i` by itself (none before the first). */
function printerDecides(blocks: Block[], i: number): boolean {
  const b = blocks[i]!;
  const prev = blocks[i - 1];
  return prev === undefined || b.section === true || b.apart === true || prev.apart === true;
}

function printerBlank(blocks: Block[], i: number): boolean {
  return i > 0 && printerDecides(blocks, i);
}

/** A comment as one line that reads back as that comment. */
function commentText(comment: string): string {
  const line = comment.replace(/[\r\n]+/g, ' ').trimEnd();
  return line.startsWith('#') ? line : `# ${line}`.trimEnd();
}

/** Comment lines at an indentation, `''` for a blank line (never two in a row, none at the ends). */
function commentLines(lines: readonly string[], indent: string): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.trim() === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    } else out.push(`${indent}${commentText(l)}`);
  }
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/** `before` comments: a blank after the last comment is kept, it parts them from the declaration. */
function beforeLines(before: readonly string[], indent: string): string[] {
  const lines = commentLines(before, indent);
  const last = before[before.length - 1];
  return lines.length > 0 && last !== undefined && last.trim() === '' ? [...lines, ''] : lines;
}

/** The comments before a container's `end` or at the end of the file, after a blank line when they say so. */
export function endLines(end: readonly string[] | undefined, indent: string): string[] {
  if (end === undefined) return [];
  const lines = commentLines(end, indent);
  return lines.length > 0 && end[0]?.trim() === '' ? ['', ...lines] : lines;
}

/** A declaration's lines with its trailing comment, and the comments written inside it. */
function declarationLines(b: Block): string[] {
  const c = b.holder?.comments;
  const trailing = c?.trailing === undefined || c.trailing.trim() === '' ? undefined : commentText(c.trailing);
  const [first = '', ...rest] = b.lines;
  const head = trailing === undefined ? first : `${first} ${trailing}`;
  const tall = rest.length > 0 || b.body !== undefined;
  // Inside a declaration of one line, comments can only go above it: there they read back as `before`.
  const inside = commentLines((c?.inside ?? []).filter((l) => l.trim() !== ''), tall ? `${b.indent}  ` : b.indent);
  const body = b.body === undefined ? [] : [...layout(b.body), ...endLines(b.holder?.comments?.end, `${b.indent}  `), `${b.indent}end`];
  return tall ? [head, ...inside, ...rest, ...body] : [...inside, head];
}

/** Blocks as lines: blank lines where the printer or the modeller put them, comments at their declarations. */
export function layout(blocks: Block[]): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const before = b.holder?.comments?.before ?? [];
    if (printerBlank(blocks, i) || (i > 0 && before[0]?.trim() === '')) out.push('');
    const leading = before.findIndex((l) => l.trim() !== '');
    if (leading >= 0) out.push(...beforeLines(before.slice(leading), b.indent));
    out.push(...declarationLines(b));
  });
  return out;
}

/**
 * Drops the blank lines the printer decides by itself from `before` comments, so a parsed
 * file's IR says only what the printer would not: printing and reading back then gives the
 * same IR, whatever the blank lines of the file were.
 */
export function settleBlocks(blocks: Block[]): void {
  blocks.forEach((b, i) => {
    if (b.body) settleBlocks(b.body);
    const holder = b.holder;
    const before = holder?.comments?.before;
    if (holder?.comments === undefined || before === undefined) return;
    if (printerDecides(blocks, i) && before[0]?.trim() === '') before.shift();
    if (before.length === 0) delete holder.comments.before;
    if (Object.keys(holder.comments).length === 0) delete holder.comments;
  });
}
