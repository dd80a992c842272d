import type { IRecognitionException, IToken } from 'chevrotain';
import { checkSize, DEFAULT_MAX_BYTES, error, fail, ok, type Diagnostic, type Project, type Result, type SourceLoc } from '@sluice/ir';
import { sluiceLexer } from './tokens.js';
import { sluiceParser } from './parser.js';
import { buildProject } from './build.js';
import { tokenLoc } from './cst.js';
import { collectComments } from './build-comments.js';
import { settleBlankLines } from './print.js';
import type { BuildContext } from './context.js';

export interface ParseSluiceOptions {
  /** File name put into every location and diagnostic. */
  file?: string;
  /** Refuse a text of more than this many UTF-8 bytes (default 50 MB, as every format). */
  maxBytes?: number;
}

/**
 * Parse a `.sluice` text into a project (dialect `xmile`, format `sluice`). Every error in the
 * file is reported, each once, with its line and column; formulas' errors too.
 */
export function parseSluice(text: string, options: ParseSluiceOptions = {}): Result<Project> {
  const tooLarge = checkSize(text, options.maxBytes ?? DEFAULT_MAX_BYTES, options.file);
  if (tooLarge) return fail([tooLarge]);
  const ctx: BuildContext = { file: options.file, diagnostics: [] };
  const lexed = sluiceLexer.tokenize(text);
  for (const e of lexed.errors) {
    const found = text.slice(e.offset, e.offset + Math.min(e.length, 1));
    const loc: SourceLoc = { line: e.line ?? 1, column: e.column ?? 1 };
    if (options.file !== undefined) loc.file = options.file;
    const message = found === '"' ? 'this quoted text does not end on its line' : `unexpected character '${found}'`;
    ctx.diagnostics.push(error('syntax', message, loc));
  }
  sluiceParser.input = lexed.tokens;
  const cst = sluiceParser.file();
  for (const e of sluiceParser.errors) ctx.diagnostics.push(error('syntax', e.message, errorLoc(e, lexed.tokens, options.file)));
  ctx.comments = collectComments(cst, lexed.tokens, lexed.groups.comments ?? []);
  const project = buildProject(cst, ctx);
  settleBlankLines(project);

  const errors = onePerLine(ctx.diagnostics.filter((d) => d.severity === 'error'));
  const warnings = ctx.diagnostics.filter((d) => d.severity !== 'error');
  return errors.length > 0 ? fail([...errors, ...warnings]) : ok(project, warnings);
}

/** Where a syntax error is: at the offending token, or just after the last one at the end of the file. */
function errorLoc(e: IRecognitionException, tokens: IToken[], file: string | undefined): SourceLoc {
  const tok = e.token;
  if (tok.tokenType.name !== 'EOF' && !Number.isNaN(tok.startOffset)) return tokenLoc(tok, file);
  const last = tokens[tokens.length - 1];
  if (last === undefined) return file === undefined ? { line: 1, column: 1 } : { file, line: 1, column: 1 };
  const loc: SourceLoc = { line: last.endLine ?? 1, column: (last.endColumn ?? 0) + 1 };
  if (file !== undefined) loc.file = file;
  return loc;
}

/**
 * One mistake, one message: a mistake often upsets the rest of its line (a stray token, then
 * a formula that no longer belongs anywhere), so only the first error of each line is kept.
 */
function onePerLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort((a, b) => (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.column ?? 0) - (b.loc?.column ?? 0));
  const lines = new Set<number>();
  return sorted.filter((d) => {
    const line = d.loc?.line;
    if (line === undefined) return true;
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  });
}
