import { detectFormat, parseModel, type ModelFormat } from '@sluice/formats';
import { error, fail, type Project, type Result } from '@sluice/ir';
import { DEFAULT_MAX_BYTES, readModelText } from './read-text.js';

export { detectFormat, type ModelFormat };

export interface LoadOptions {
  maxBytes?: number;
  /** Force a format instead of judging by the file's extension. */
  format?: ModelFormat;
}

/** Parse model text of a known format into the IR. */
export function parseModelText(text: string, file: string, format: ModelFormat, maxBytes = DEFAULT_MAX_BYTES): Result<Project> {
  return parseModel(text, format, { file, maxBytes });
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
