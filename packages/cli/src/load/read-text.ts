import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_MAX_BYTES } from '@sluice/formats';
import { error, fail, ok, type Result } from '@sluice/ir';

// Model files larger than this are refused unless the caller raises the limit: the same
// default parseModel applies to a text from the editor or a library caller.
export { DEFAULT_MAX_BYTES };

/**
 * Read a text file as a model tool wrote it: UTF-8 when it is valid UTF-8 (a BOM dropped),
 * otherwise Latin-1, which older Vensim versions write.
 */
export function readModelText(path: string, maxBytes = DEFAULT_MAX_BYTES): Result<string> {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return fail([error('not-a-file', `${path} is not a file`, { file: path, line: 1, column: 1 })]);
    size = stat.size;
  } catch {
    return fail([error('file-not-found', `cannot read ${path}: no such file`, { file: path, line: 1, column: 1 })]);
  }
  if (size > maxBytes) {
    return fail([
      error('file-too-large', `${path} is ${size} bytes, over the limit of ${maxBytes} bytes (raise it with --max-bytes)`, {
        file: path,
        line: 1,
        column: 1,
      }),
    ]);
  }
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    text = new TextDecoder('latin1').decode(new Uint8Array(bytes));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return ok(text);
}
