import type { SourceLoc } from './diagnostics.js';

/**
 * Turns offsets into a file's text into 1-based lines and columns, counting line ends the way
 * editors do: LF, CRLF and a lone CR (old Mac files) each end a line. Every importer uses it, so
 * a location means the same place whichever format reported it.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    readonly file?: string,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  loc(offset: number, endOffset?: number): SourceLoc {
    const [line, column] = this.lineColumn(offset);
    const out: SourceLoc = { line, column };
    if (this.file !== undefined) out.file = this.file;
    if (endOffset !== undefined) {
      const [endLine, endColumn] = this.lineColumn(endOffset);
      out.endLine = endLine;
      out.endColumn = endColumn;
    }
    return out;
  }

  /** The offset of a 1-based line and column. */
  offsetOf(line: number, column: number): number {
    const start = this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1] ?? 0;
    return start + column - 1;
  }

  private lineColumn(offset: number): [number, number] {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - (this.lineStarts[lo] ?? 0) + 1];
  }
}
