import { DEFAULT_MAX_BYTES, fail, type Project, type Result } from '@sluice/ir';
import { parseSluice } from '@sluice/language';
import { importVensim, type ImportVensimOptions } from '@sluice/vensim';
import { importXmile } from '@sluice/xmile';
import type { ModelFormat } from './detect-format.js';
import { emptyModel } from './empty-model.js';

export interface ParseModelOptions {
  file?: string;
  /** Refuse a text of more than this many UTF-8 bytes, in every format. Default 50 MB. */
  maxBytes?: number;
  /** Vensim only: data files a `GET ... SUBSCRIPT` range may read while the model is read. */
  vensim?: Omit<ImportVensimOptions, 'file' | 'maxBytes'>;
}

/**
 * Parse model text of a known format into the IR: the one dispatch the CLI and the editor share.
 * A text over `maxBytes` is refused before it is read, and a model with no variables after.
 */
export function parseModel(text: string, format: ModelFormat, options: ParseModelOptions = {}): Result<Project> {
  // One limit for every format, each reader counting it with the IR's checkSize: the editor and
  // library callers have no file size to check.
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const parsed = read(text, format, options, maxBytes);
  const empty = parsed.ok ? emptyModel(parsed.value, options.file) : undefined;
  // Alone: an empty .mdl's warnings about its missing controls would only bury it.
  return empty ? fail([empty]) : parsed;
}

function read(text: string, format: ModelFormat, options: ParseModelOptions, maxBytes: number): Result<Project> {
  const file = options.file !== undefined ? { file: options.file } : {};
  switch (format) {
    case 'xmile':
      return importXmile(text, { ...file, maxBytes });
    case 'mdl':
      return importVensim(text, { ...options.vensim, ...file, maxBytes });
    case 'sluice':
      return parseSluice(text, { ...file, maxBytes });
  }
}
