import type { SourceLoc } from '@sluice/ir';

/**
 * Turns offsets into the whole `.mdl` text into 1-based lines and columns. Vensim files end
 * lines with CR, LF or CRLF depending on the platform that saved them; all three count.
 */
export class SourceMap {
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
    const [line, column] = this.position(offset);
    const out: SourceLoc = { line, column };
    if (this.file !== undefined) out.file = this.file;
    if (endOffset !== undefined) {
      const [endLine, endColumn] = this.position(endOffset);
      out.endLine = endLine;
      out.endColumn = endColumn;
    }
    return out;
  }

  private position(offset: number): [number, number] {
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
