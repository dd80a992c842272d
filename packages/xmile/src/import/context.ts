import { error, warning, type Diagnostic, type SourceLoc } from '@sluice/ir';
import type { SourceText } from './source-text.js';
import type { XNode } from './xml-tree.js';

/** What every reader shares: the file text (for positions) and the diagnostics found so far. */
export class ImportContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly src: SourceText) {}

  /** Where an element starts (its `<`), or an offset. */
  locOf(at: XNode | number): SourceLoc {
    return this.src.loc(typeof at === 'number' ? at : at.start);
  }

  error(code: string, message: string, at: XNode | number, variable?: string): void {
    this.diagnostics.push(error(code, message, this.locOf(at), variable));
  }

  warn(code: string, message: string, at: XNode | number, variable?: string): void {
    this.diagnostics.push(warning(code, message, this.locOf(at), variable));
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}
