import type { Diagnostic } from '@sluice/ir';
import type { monaco as Monaco } from './setup.js';

/** Owner id of the editor's markers, so they replace each other and nothing else. */
const OWNER = 'sluice';

/**
 * Show diagnostics as markers at their exact line and column. A diagnostic with no end is marked
 * over the word at its start (or one character), one with no location on the first line.
 */
export function showDiagnostics(monaco: typeof Monaco, model: Monaco.editor.ITextModel, diagnostics: Diagnostic[], file: string): Monaco.editor.IMarkerData[] {
  const lastLine = model.getLineCount();
  const markers = diagnostics
    .filter((d) => !d.loc?.file || d.loc.file === file)
    .map((d): Monaco.editor.IMarkerData => {
      const line = Math.min(Math.max(1, d.loc?.line ?? 1), lastLine);
      const column = Math.max(1, d.loc?.column ?? 1);
      let endLine = d.loc?.endLine ?? line;
      let endColumn = d.loc?.endColumn ?? 0;
      if (endLine < line || (endLine === line && endColumn <= column)) {
        const word = model.getWordAtPosition({ lineNumber: line, column });
        endLine = line;
        endColumn = word && word.startColumn <= column ? word.endColumn : Math.min(column + 1, model.getLineMaxColumn(line));
        if (endColumn <= column) endColumn = model.getLineMaxColumn(line);
      }
      return {
        severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: d.message,
        code: d.code,
        source: 'sluice',
        startLineNumber: line,
        startColumn: column,
        endLineNumber: Math.min(endLine, lastLine),
        endColumn,
      };
    });
  monaco.editor.setModelMarkers(model, OWNER, markers);
  return markers;
}
