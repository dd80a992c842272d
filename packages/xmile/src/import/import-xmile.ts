import { checkSize, DEFAULT_MAX_BYTES, error, fail, ok, type Project, type Result } from '@sluice/ir';
import { XMLValidator } from 'fast-xml-parser';
import { SLUICE_NS } from '../extension.js';
import { ImportContext } from './context.js';
import { readProject } from './project.js';
import { SourceText } from './source-text.js';
import { MAX_DEPTH, scanElements } from './xml-scan.js';
import { buildTree } from './xml-tree.js';

export interface ImportXmileOptions {
  /** File name used in diagnostics; its extension picks the source format. */
  file?: string;
  /** Refuse larger input (UTF-8 bytes). Default 50 MB. */
  maxBytes?: number;
}

/**
 * Read an XMILE document (`.xmile`, `.stmx`, `.itmx`) into the IR. The file is untrusted: it is
 * size-limited, a DOCTYPE (the door to entity expansion) is refused before any parsing, and
 * entities are never expanded beyond XML's five predefined ones.
 */
export function importXmile(text: string, options: ImportXmileOptions = {}): Result<Project> {
  try {
    return importChecked(text, options);
  } catch (e) {
    // Never a crash on bad input: whatever slipped through becomes a diagnostic.
    const message = e instanceof Error ? e.message : String(e);
    const loc = options.file !== undefined ? { file: options.file, line: 1, column: 1 } : { line: 1, column: 1 };
    return fail([error('internal-error', `the file could not be read: ${message}`, loc)]);
  }
}

function importChecked(text: string, options: ImportXmileOptions): Result<Project> {
  const file = options.file;
  const src = new SourceText(text, file);
  const at = (offset: number) => src.loc(offset);
  const tooLarge = checkSize(text, options.maxBytes ?? DEFAULT_MAX_BYTES, file);
  if (tooLarge) return fail([tooLarge]);
  const scan = scanElements(text);
  if (scan.declaration) {
    const { offset, keyword } = scan.declaration;
    const what = keyword === 'ENTITY' ? 'an <!ENTITY> declaration' : keyword === 'DOCTYPE' ? 'a <!DOCTYPE> declaration' : `a <!${keyword}> declaration`;
    return fail([error('doctype', `the file contains ${what}; XMILE files have none, and it is refused for safety`, at(offset))]);
  }
  if (scan.tooDeep !== undefined) {
    return fail([error('too-deep', `elements are nested more than ${MAX_DEPTH} deep; the file is refused`, at(scan.tooDeep))]);
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    // The validator leaves out a column (or line) for some errors; point at the line start then.
    const line = Number.isInteger(valid.err.line) && valid.err.line > 0 ? valid.err.line : 1;
    const column = Number.isInteger(valid.err.col) && valid.err.col > 0 ? valid.err.col : 1;
    const loc = { line, column, ...(file !== undefined ? { file } : {}) };
    return fail([error('malformed-xml', `malformed XML: ${validatorMessage(valid.err.msg, text)}`, loc)]);
  }
  const tree = buildTree(text, scan.elements);
  if (!tree) return fail([error('malformed-xml', 'malformed XML: the document could not be indexed', at(0))]);
  const root = tree[0];
  if (!root || tree.length !== 1 || root.local !== 'xmile') {
    const found = root ? `<${root.name}>` : 'no element';
    return fail([error('not-xmile', `not an XMILE file: expected a single <xmile> root element, found ${found}`, at(root?.start ?? 0))]);
  }
  const ctx = new ImportContext(src);
  ctx.sluicePrefix = extensionPrefix(root.attrs);
  const project = readProject(root, ctx, file);
  if (!project || ctx.hasErrors) return fail(ctx.diagnostics);
  return ok(project, ctx.diagnostics);
}

/** The prefix a file binds to Sluice's namespace on its root (`xmlns:sluice="…"`). */
function extensionPrefix(attrs: Record<string, string>): string | undefined {
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('xmlns:') && v.trim() === SLUICE_NS) return k.slice('xmlns:'.length);
  }
  return undefined;
}


/**
 * The validator's words, made readable where they are not: an empty file, and elements left
 * open at the end (reported as a JSON list of their names). Its message is also cut, so a
 * malformed file never echoes much of itself back.
 */
function validatorMessage(msg: string, text: string): string {
  if (text.trim() === '') return 'the file is empty';
  const open = /^Invalid '\[(.*)\]' found\.?$/s.exec(msg);
  if (open) {
    const names = [...open[1]!.matchAll(/"([^"]*)"/g)].map((m) => `<${m[1]}>`);
    if (names.length > 0) return `the file ends with ${names.join(', ')} still open`;
  }
  return msg.length > 200 ? `${msg.slice(0, 200)}…` : msg;
}
