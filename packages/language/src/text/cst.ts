import type { CstElement, CstNode, IToken } from 'chevrotain';
import { canonicalName, type SourceLoc } from '@sluice/ir';

/**
 * Reading the concrete syntax tree. After error recovery a node may lack any child, and a
 * token may have been inserted by the parser (no text, no position): every reader here
 * copes with both, so the builder never trusts the tree's shape.
 */

function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

/** The real (not recovery-inserted) tokens of a given type under a node. */
export function tokensOf(node: CstNode, tokenName: string): IToken[] {
  return (node.children[tokenName] ?? []).filter((e): e is IToken => isToken(e) && !e.isInsertedInRecovery);
}

export function tokenOf(node: CstNode, tokenName: string): IToken | undefined {
  return tokensOf(node, tokenName)[0];
}

export function nodesOf(node: CstNode, ruleName: string): CstNode[] {
  return (node.children[ruleName] ?? []).filter((e): e is CstNode => !isToken(e));
}

export function nodeOf(node: CstNode, ruleName: string): CstNode | undefined {
  return nodesOf(node, ruleName)[0];
}

/** A node's child nodes and tokens in source order (the CST groups them by name). */
export function childrenInOrder(node: CstNode): CstElement[] {
  const all = Object.values(node.children).flat();
  return all.sort((a, b) => startOffset(a) - startOffset(b));
}

function startOffset(e: CstElement): number {
  if (isToken(e)) return Number.isNaN(e.startOffset) ? Infinity : e.startOffset;
  const offset = e.location?.startOffset;
  return offset === undefined || Number.isNaN(offset) ? Infinity : offset;
}

/** The first real token under a node, in source order. */
export function firstToken(node: CstNode): IToken | undefined {
  let best: CstElement | undefined;
  let bestOffset = Infinity;
  for (const list of Object.values(node.children)) {
    for (const e of list) {
      const offset = startOffset(e);
      if (offset < bestOffset) {
        best = e;
        bestOffset = offset;
      }
    }
  }
  if (best === undefined) return undefined;
  return isToken(best) ? best : firstToken(best);
}

/** The one child of a node that holds a single alternative (`variableAttr`, `statement`). */
export function onlyChild(node: CstNode): CstElement | undefined {
  for (const list of Object.values(node.children)) if (list[0] !== undefined) return list[0];
  return undefined;
}

export function tokenLoc(tok: IToken, file: string | undefined): SourceLoc {
  const loc: SourceLoc = { line: tok.startLine ?? 1, column: tok.startColumn ?? 1 };
  if (tok.endLine !== undefined && tok.endColumn !== undefined && !Number.isNaN(tok.endLine)) {
    loc.endLine = tok.endLine;
    loc.endColumn = tok.endColumn + 1;
  }
  if (file !== undefined) loc.file = file;
  return loc;
}

/** The text of a quoted name or string: quotes removed, `\n`, `\r`, `\t` and `\x` escapes resolved. */
export function unquote(image: string): string {
  return image.slice(1, -1).replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c));
}

/**
 * The text of a quoted name. Only `\n`, `\"` and `\\` are escapes, as `canonicalName` reads
 * them in a formula's quoted names; any other backslash stays as written, so a name means the
 * same variable where it is declared and where a formula uses it.
 */
export function unquoteName(image: string): string {
  return image.slice(1, -1).replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c === '"' || c === '\\' ? c : `\\${c}`));
}

/** A name as written (display form) and its canonical form, with where it was written. */
export interface NameRef {
  display: string;
  ident: string;
  loc: SourceLoc;
}

/** Read a `name` node: an identifier, a quoted name or a keyword used as a name. */
export function readName(node: CstNode | undefined, file: string | undefined): NameRef | undefined {
  if (node === undefined) return undefined;
  const tok = tokenOf(node, 'Identifier') ?? tokenOf(node, 'Quoted') ?? firstToken(node);
  if (tok === undefined) return undefined;
  const display = tok.tokenType.name === 'Quoted' ? unquoteName(tok.image) : tok.image;
  return { display, ident: canonicalName(display), loc: tokenLoc(tok, file) };
}
