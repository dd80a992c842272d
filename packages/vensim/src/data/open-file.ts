import { decodeMdl } from '../decode.js';
import { dataFilePath } from './data-path.js';
import { readDelimited, readSpreadsheet, separatorOf, type Workbook } from './workbook.js';

/** What reading a file gave: its bytes, or why not. */
export type ReadOutcome =
  | { ok: true; bytes: Uint8Array }
  /** `outside`: the path is beneath the model's folder as written but a link leads out of it. */
  | { ok: false; reason: 'missing' | 'not-a-file' | 'too-large' | 'outside'; size?: number };

export interface DataFileAccess {
  /** The model file's folder: data files are named relative to it. */
  modelDir: string;
  /** Reads a file; must not read more than `maxBytes` (report `too-large` instead). */
  readFile: (path: string, maxBytes: number) => ReadOutcome;
  /** Files the user named explicitly, which may lie outside the model's folder. */
  allowOutside?: readonly string[];
  /** Refuse data files larger than this (default 64 MiB, as for model files). */
  maxBytes?: number;
}

export const DEFAULT_DATA_MAX_BYTES = 64 * 1024 * 1024;

const TEXT_EXTENSIONS = new Set(['csv', 'tab', 'txt', 'dat', 'prn']);

/** Opens each data file once per run, whichever equations name it and whichever separator they give. */
export class DataFiles {
  private readonly bytes = new Map<string, ReadOutcome>();
  private readonly books = new Map<string, { ok: true; value: Workbook } | { ok: false; message: string }>();

  constructor(private readonly access: DataFileAccess) {}

  /** The workbook a GET function names: a spreadsheet, or a text file split by the sheet argument as separator. */
  open(name: string, sheetArgument: string): { ok: true; value: Workbook } | { ok: false; message: string } {
    const checked = dataFilePath(name, this.access.modelDir, this.access.allowOutside);
    if (!checked.ok) return { ok: false, message: checked.reason };
    const ext = (/\.([^./\\]+)$/.exec(name.trim())?.[1] ?? '').toLowerCase();
    const text = TEXT_EXTENSIONS.has(ext);
    const separator = text ? (separatorOf(sheetArgument) ?? (ext === 'tab' ? '\t' : ',')) : '';
    const key = `${checked.path}\u0000${separator}`;
    const known = this.books.get(key);
    if (known) return known;
    const book = this.read(name, checked.path, text, separator);
    this.books.set(key, book);
    return book;
  }

  private read(name: string, path: string, text: boolean, separator: string): { ok: true; value: Workbook } | { ok: false; message: string } {
    const max = this.access.maxBytes ?? DEFAULT_DATA_MAX_BYTES;
    let got = this.bytes.get(path);
    if (!got) {
      got = this.access.readFile(path, max);
      this.bytes.set(path, got);
    }
    if (!got.ok) {
      if (got.reason === 'too-large') return { ok: false, message: `data file '${name}' is ${got.size ?? 'over'} bytes, over the limit of ${max} bytes` };
      if (got.reason === 'outside') return { ok: false, message: `data file '${name}' leads outside the model's folder through a link; name it on the command line (--data) to read it` };
      return { ok: false, message: got.reason === 'missing' ? `data file '${name}' not found` : `data file '${name}' is not a file` };
    }
    try {
      return { ok: true, value: text ? readDelimited(decodeMdl(got.bytes), separator) : readSpreadsheet(got.bytes) };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { ok: false, message: `cannot read data file '${name}' as ${text ? 'delimited text' : 'a spreadsheet'}: ${why}` };
    }
  }
}
