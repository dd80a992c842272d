/** A position in a source file. Lines and columns are 1-based. */
export interface SourceLoc {
  file?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type Severity = 'error' | 'warning';

/**
 * A problem found in a model or its input. Errors are values: every stage returns
 * diagnostics rather than throwing, so a caller can show all of them at once.
 */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `syntax`, `unknown-variable`, `circular`. */
  code: string;
  message: string;
  loc?: SourceLoc;
  /** Display name of the variable the problem belongs to, when there is one. */
  variable?: string;
}

/** The outcome of a stage: a value and any warnings, or the errors that stopped it. */
export type Result<T> =
  | { ok: true; value: T; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export function ok<T>(value: T, warnings: Diagnostic[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T = never>(diagnostics: Diagnostic[]): Result<T> {
  return { ok: false, diagnostics };
}

export function error(code: string, message: string, loc?: SourceLoc, variable?: string): Diagnostic {
  const d: Diagnostic = { severity: 'error', code, message };
  if (loc) d.loc = loc;
  if (variable !== undefined) d.variable = variable;
  return d;
}

export function warning(code: string, message: string, loc?: SourceLoc, variable?: string): Diagnostic {
  return { ...error(code, message, loc, variable), severity: 'warning' };
}

/** `file:line:col: error: message`, the form compilers use and editors link. */
export function formatDiagnostic(d: Diagnostic, fallbackFile = '<input>'): string {
  const file = d.loc?.file ?? fallbackFile;
  const where = d.loc ? `${file}:${d.loc.line}:${d.loc.column}` : file;
  return `${where}: ${d.severity}: ${d.message}`;
}

/** Shift a location found inside an embedded text (an equation in an XML element) to file coordinates. */
export function offsetLoc(inner: SourceLoc, origin: SourceLoc): SourceLoc {
  const shift = (line: number, column: number): [number, number] =>
    line === 1 ? [origin.line, origin.column + column - 1] : [origin.line + line - 1, column];
  const [line, column] = shift(inner.line, inner.column);
  const out: SourceLoc = { line, column };
  const file = origin.file ?? inner.file;
  if (file !== undefined) out.file = file;
  if (inner.endLine !== undefined && inner.endColumn !== undefined) {
    const [endLine, endColumn] = shift(inner.endLine, inner.endColumn);
    out.endLine = endLine;
    out.endColumn = endColumn;
  }
  return out;
}
