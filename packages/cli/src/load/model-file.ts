import { extname } from 'node:path';
import { error, fail, type Project, type Result } from '@sluice/ir';
import { parseSluice } from '@sluice/language';
import { importVensim } from '@sluice/vensim';
import { importXmile } from '@sluice/xmile';
import { DEFAULT_MAX_BYTES, readModelText } from './read-text.js';

export type ModelFormat = 'xmile' | 'mdl' | 'sluice';

export interface LoadOptions {
  maxBytes?: number;
  /** Force a format instead of judging by the file's extension. */
  format?: ModelFormat;
}

/** Which importer reads a file: by extension, else by a look at its first characters. */
export function detectFormat(path: string, text: string): ModelFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.xmile' || ext === '.stmx' || ext === '.itmx' || ext === '.xml') return 'xmile';
  if (ext === '.mdl') return 'mdl';
  if (ext === '.sluice') return 'sluice';
  const head = text.trimStart().slice(0, 200);
  if (head.startsWith('<')) return 'xmile';
  if (head.startsWith('{UTF-8}') || /~[^~]*~[^|]*\|/.test(text.slice(0, 4000))) return 'mdl';
  return undefined;
}

/** Parse model text of a known format into the IR. */
export function parseModelText(text: string, file: string, format: ModelFormat, maxBytes = DEFAULT_MAX_BYTES): Result<Project> {
  switch (format) {
    case 'xmile':
      return importXmile(text, { file, maxBytes });
    case 'mdl':
      return importVensim(text, { file, maxBytes });
    case 'sluice':
      return parseSluice(text, { file });
  }
}

/** Read and parse a model file of any supported format. */
export function loadModelFile(path: string, options: LoadOptions = {}): Result<Project> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const read = readModelText(path, maxBytes);
  if (!read.ok) return read;
  const format = options.format ?? detectFormat(path, read.value);
  if (!format) {
    return fail([
      error('unknown-format', `cannot tell the format of ${path}: expected .xmile, .stmx, .itmx, .mdl or .sluice`, {
        file: path,
        line: 1,
        column: 1,
      }),
    ]);
  }
  return parseModelText(read.value, path, format, maxBytes);
}
