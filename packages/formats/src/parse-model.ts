import type { Project, Result } from '@sluice/ir';
import { parseSluice } from '@sluice/language';
import { importVensim, type ImportVensimOptions } from '@sluice/vensim';
import { importXmile } from '@sluice/xmile';
import type { ModelFormat } from './detect-format.js';

export interface ParseModelOptions {
  file?: string;
  maxBytes?: number;
  /** Vensim only: data files a `GET ... SUBSCRIPT` range may read while the model is read. */
  vensim?: Omit<ImportVensimOptions, 'file' | 'maxBytes'>;
}

/** Parse model text of a known format into the IR: the one dispatch the CLI and the editor share. */
export function parseModel(text: string, format: ModelFormat, options: ParseModelOptions = {}): Result<Project> {
  const file = options.file !== undefined ? { file: options.file } : {};
  const maxBytes = options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {};
  switch (format) {
    case 'xmile':
      return importXmile(text, { ...file, ...maxBytes });
    case 'mdl':
      return importVensim(text, { ...options.vensim, ...file, ...maxBytes });
    case 'sluice':
      return parseSluice(text, file);
  }
}
