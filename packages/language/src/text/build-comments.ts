import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Comments } from '@sluice/ir';
import { onlyChild } from './cst.js';

/**
 * Which declaration each `#` comment belongs to, decided by position alone (see "Comments" in
 * grammar/sluice.md): a comment at the end of a declaration's first line is its `trailing`
 * one; a comment on its own line belongs to the declaration that starts on the next line
 * holding any code (`before`), or to the `end` that follows (`end`); any other comment is
 * inside a declaration (`inside`). Blank lines between the previous code and a declaration are
 * kept in `before` as `''`, at most one in a row.
 */

/** A declaration, or the header of a model or macro, and what was written at it. */
interface Owner {
  first: IToken;
  /** The last line of the declaration's first line of code (a wrapped formula ends further down). */
  headEnd: number;
  before: IToken[];
  trailing?: IToken;
  inside: IToken[];
}

/** A model's or macro's `end`, or the end of the file, and the comments just above it. */
interface Ending {
  comments: IToken[];
}

export interface CommentBook {
  /** The comments written at the declaration this node is (a variable, a model, ...). */
  at(node: CstNode): Comments | undefined;
}

const containers = new Set(['modelDecl', 'macroDecl']);
/** Children of a model or macro that are not its header: its declarations and its `end`. */
const bodyParts = new Set(['statement', 'stray', 'Kw_end']);

function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

function isReal(t: IToken): boolean {
  return !t.isInsertedInRecovery && !Number.isNaN(t.startOffset);
}

function tokensUnder(node: CstNode, out: IToken[], skip?: Set<string>): IToken[] {
  for (const [key, list] of Object.entries(node.children)) {
    if (skip?.has(key)) continue;
    for (const e of list) {
      if (isToken(e)) {
        if (isReal(e)) out.push(e);
      } else tokensUnder(e, out);
    }
  }
  return out;
}

/** What a token is part of: a declaration (by its node), or the `end` of a container. */
type Role = { owner: Owner; node: CstNode } | { ending: Ending };

class Collector {
  readonly roles = new Map<number, Role>();
  readonly owners = new Map<CstNode, Owner>();
  readonly endings = new Map<CstNode, Ending>();

  /** Every declaration of a file, model or macro body, and the bodies of the models and macros among them. */
  body(node: CstNode): void {
    for (const s of node.children.statement ?? []) {
      if (isToken(s)) continue;
      const decl = declarationOf(s);
      if (decl === undefined) continue;
      if (containers.has(decl.name)) {
        this.own(decl, tokensUnder(decl, [], bodyParts));
        const end = (decl.children.Kw_end ?? []).find((e): e is IToken => isToken(e) && isReal(e));
        const ending: Ending = { comments: [] };
        this.endings.set(decl, ending);
        if (end) this.roles.set(end.startOffset, { ending });
        this.body(decl);
      } else {
        this.own(decl, tokensUnder(decl, []));
      }
    }
  }

  private own(node: CstNode, tokens: IToken[]): void {
    if (tokens.length === 0) return;
    tokens.sort((a, b) => a.startOffset - b.startOffset);
    const first = tokens[0]!;
    let headEnd = first.endLine ?? first.startLine ?? 1;
    for (const t of tokens) if (t.startLine === first.startLine) headEnd = Math.max(headEnd, t.endLine ?? headEnd);
    const owner: Owner = { first, headEnd, before: [], inside: [] };
    this.owners.set(node, owner);
    for (const t of tokens) this.roles.set(t.startOffset, { owner, node });
  }
}

function declarationOf(statement: CstNode): CstNode | undefined {
  let node: CstElement | undefined = onlyChild(statement);
  if (node !== undefined && !isToken(node) && node.name === 'modelStatement') node = onlyChild(node);
  return node === undefined || isToken(node) ? undefined : node;
}

/** The comments of a parsed file, by declaration. `tokens` are the lexer's tokens (comments aside), in order. */
export function collectComments(file: CstNode, tokens: IToken[], comments: IToken[]): CommentBook {
  const c = new Collector();
  c.body(file);
  const fileEnd: Ending = { comments: [] };
  c.endings.set(file, fileEnd);
  /** The last line of code before each comment that opens an `end`'s list. */
  const codeBefore = new Map<IToken, number>();
  let k = 0;
  for (const comment of comments) {
    while (k < tokens.length && tokens[k]!.startOffset < comment.startOffset) k++;
    const prev = tokens[k - 1];
    const next = tokens[k];
    codeBefore.set(comment, prev?.endLine ?? 0);
    if (prev !== undefined && prev.endLine === comment.startLine) {
      const role = c.roles.get(prev.startOffset);
      if (role === undefined) fileEnd.comments.push(comment);
      else if ('ending' in role) role.ending.comments.push(comment);
      else if (role.owner.trailing === undefined && (comment.startLine ?? 0) <= role.owner.headEnd) role.owner.trailing = comment;
      else role.owner.inside.push(comment);
      continue;
    }
    const role = next === undefined ? undefined : c.roles.get(next.startOffset);
    if (role === undefined) fileEnd.comments.push(comment);
    else if ('ending' in role) role.ending.comments.push(comment);
    else if (role.owner.first === next) role.owner.before.push(comment);
    else role.owner.inside.push(comment);
  }
  /** The last line of the code before a token (0 for the file's first): found by bisection, tokens are in order. */
  const lineBefore = (t: IToken): number => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.startOffset < t.startOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? (tokens[lo - 1]!.endLine ?? 0) : 0;
  };
  return {
    at(node: CstNode): Comments | undefined {
      const out: Comments = {};
      const owner = c.owners.get(node);
      if (owner) {
        const before = linesOf(owner.before, lineBefore(owner.first), owner.first.startLine);
        if (before.length > 0) out.before = before;
        if (owner.trailing) out.trailing = text(owner.trailing);
        if (owner.inside.length > 0) out.inside = owner.inside.map(text);
      }
      const ending = c.endings.get(node);
      if (ending && ending.comments.length > 0) out.end = linesOf(ending.comments, codeBefore.get(ending.comments[0]!) ?? 0, undefined);
      return Object.keys(out).length > 0 ? out : undefined;
    },
  };
}

function text(comment: IToken): string {
  return comment.image.trimEnd();
}

/**
 * Comment lines with `''` for each run of blank lines: after the code on line `from` (0 at the
 * start of the file, where blank lines mean nothing), and before the code on line `to`.
 */
function linesOf(comments: IToken[], from: number, to: number | undefined): string[] {
  const out: string[] = [];
  let line = from;
  for (const c of comments) {
    const at = c.startLine ?? line + 1;
    if (line > 0 && at > line + 1) out.push('');
    out.push(text(c));
    line = at;
  }
  if (to !== undefined && line > 0 && to > line + 1) out.push('');
  return out;
}
