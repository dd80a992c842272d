import type { IRecognitionException, IToken } from 'chevrotain';
import type { SourceLoc } from '@sluice/ir';
import { tokenLoc, unclosedParenthesis } from './parser.js';

/**
 * Turn chevrotain's exceptions into one sentence a modeller understands, pointing at the
 * offending token (or just past the last one when the equation stops too early).
 */

const tokenWords: Record<string, string> = {
  RParen: "')'",
  RBracket: "']'",
  LParen: "'('",
  LBracket: "'['",
  Comma: "','",
  Colon: "':'",
  Then: 'THEN',
  Else: 'ELSE',
};

export function describeToken(tok: IToken): string {
  if (isEnd(tok)) return 'the end of the equation';
  const image = tok.image.length > 40 ? `${tok.image.slice(0, 37)}...` : tok.image;
  return `'${image.replace(/\s+/g, ' ')}'`;
}

function isEnd(tok: IToken): boolean {
  return tok.tokenType.name === 'EOF' || Number.isNaN(tok.startOffset);
}

/** The position just after a token: where something missing should have been. */
function after(tok: IToken): SourceLoc {
  const line = tok.endLine ?? tok.startLine ?? 1;
  const column = (tok.endColumn ?? tok.startColumn ?? 0) + 1;
  return { line, column, endLine: line, endColumn: column };
}

/** The position after the last character of `text`. */
export function endOfText(text: string): SourceLoc {
  const lines = text.split(/\r\n?|\n/);
  const line = lines.length;
  const column = (lines[lines.length - 1]?.length ?? 0) + 1;
  return { line, column, endLine: line, endColumn: column };
}

function isValueToken(tok: IToken | undefined): boolean {
  const name = tok?.tokenType.name;
  return name === 'Name' || name === 'QuotedName' || name === 'NumberLiteral';
}

/**
 * `toFile` maps a location in the equation to the file, for messages that name another place.
 */
export function syntaxMessage(
  e: IRecognitionException,
  text: string,
  tokens: IToken[],
  toFile: (loc: SourceLoc) => SourceLoc,
): { message: string; loc: SourceLoc } {
  const tok = e.token;
  // Chevrotain gives the previous token for some errors only; find it ourselves for the rest.
  const position = tokens.indexOf(tok);
  const previous: IToken | undefined =
    (e as { previousToken?: IToken }).previousToken ?? (position > 0 ? tokens[position - 1] : undefined);
  const where = (): SourceLoc => (isEnd(tok) ? (previous && !isEnd(previous) ? after(previous) : endOfText(text)) : tokenLoc(tok));
  const found = isEnd(tok) ? 'but the equation ends here' : `but found ${describeToken(tok)}`;

  switch (e.name) {
    case 'MismatchedTokenException': {
      // Our grammar gives every closing token its own message (ERR_MSG); keep a fallback.
      let expected = e.message.startsWith('expected') ? e.message : `expected ${expectedFromDefault(e.message)}`;
      if (expected === unclosedParenthesis) {
        const open = unmatchedOpening(tokens, position < 0 ? tokens.length : position);
        if (open !== undefined) {
          const at = toFile(tokenLoc(open));
          expected += ` at line ${at.line}, column ${at.column}`;
        }
      }
      return { message: `${expected}, ${found}${spaceHint(previous, tok)}`, loc: where() };
    }
    case 'NotAllInputParsedException': {
      const name = tok.tokenType.name;
      let message = `unexpected ${describeToken(tok)} after a complete expression`;
      if (name === 'RParen') message = "unexpected ')' without a matching '('";
      else if (name === 'RBracket') message = "unexpected ']' without a matching '['";
      else if (name === 'Then' || name === 'Else') message = `unexpected ${tok.image.toUpperCase()} without IF`;
      else if (name === 'Comma') message = "unexpected ',': a list of values needs a function call around it";
      else if (isValueToken(tok) && isValueToken(previous)) {
        message = `unexpected ${describeToken(tok)}: is an operator missing?${spaceHint(previous, tok)}`;
      }
      return { message, loc: where() };
    }
    default: {
      if (isEnd(tok)) {
        const afterWhat = previous && !isEnd(previous) ? ` after ${describeToken(previous)}` : '';
        return { message: `expected a value${afterWhat}, but the equation ends here`, loc: where() };
      }
      if (previous?.tokenType.name === 'Dot') {
        return { message: `expected a name after '.', but found ${describeToken(tok)}`, loc: where() };
      }
      return { message: `unexpected ${describeToken(tok)}; expected a number, a name or '('`, loc: where() };
    }
  }
}

/** The last '(' before `end` that no ')' closes. */
function unmatchedOpening(tokens: IToken[], end: number): IToken | undefined {
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const name = tokens[i]!.tokenType.name;
    if (name === 'RParen') depth++;
    else if (name === 'LParen') {
      if (depth === 0) return tokens[i];
      depth--;
    }
  }
  return undefined;
}

/** Two names in a row are most often one name with a space that should have been quoted. */
function spaceHint(previous: IToken | undefined, tok: IToken): string {
  if (previous?.tokenType.name !== 'Name' || tok.tokenType.name !== 'Name') return '';
  return ` (a name with spaces must be quoted, like "${previous.image} ${tok.image}")`;
}

function expectedFromDefault(message: string): string {
  const m = /-->\s*(\w+)\s*<--/.exec(message);
  const name = m?.[1];
  return name !== undefined ? (tokenWords[name] ?? name) : 'something else';
}

export function lexingMessage(text: string, offset: number): string {
  const ch = text.charAt(offset);
  if (ch === '{') return "the comment started by '{' is never closed with '}'";
  if (ch === '"') return 'the quoted name is never closed with \'"\'';
  if (ch === '}') return "unexpected '}' without a matching '{'";
  // Stella and Vensim write `???` where an equation is missing; say so, as their importers do.
  if (text.startsWith('???', offset)) return 'the placeholder "???" stands where the equation is missing: give it a real equation';
  if (ch === '&') return "unexpected character '&': write AND for a logical and";
  if (ch === '|') return "unexpected character '|': write OR for a logical or";
  if (ch === '!') return "unexpected character '!': write NOT for a logical not, or <> for 'not equal'";
  const code = text.codePointAt(offset) ?? 0;
  const shown = code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : String.fromCodePoint(code);
  return `unexpected character '${shown}'`;
}
