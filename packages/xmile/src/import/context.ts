import { error, warning, type Diagnostic, type SourceLoc } from '@sluice/ir';
import type { SourceText } from './source-text.js';
import type { XNode } from './xml-tree.js';

/** What every reader shares: the file text (for positions) and the diagnostics found so far. */
export class ImportContext {
  readonly diagnostics: Diagnostic[] = [];

  /** The prefix the file binds to Sluice's extension namespace, if it binds one. */
  sluicePrefix: string | undefined;

  constructor(readonly src: SourceText) {}

  /** Whether an element is one of Sluice's extensions (`<sluice:...>`). */
  isSluice(node: XNode): boolean {
    return this.sluicePrefix !== undefined && node.prefix === this.sluicePrefix;
  }

  /** The Sluice extension children of an element with this local name. */
  sluiceChildren(node: XNode, local: string): XNode[] {
    return node.children.filter((c) => c.local === local && this.isSluice(c));
  }

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
