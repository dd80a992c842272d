import { error, fail, type Project, type Result } from '@sluice/ir';
import { parseSluice } from '@sluice/language';
import { importVensim } from '@sluice/vensim';
import { importXmile } from '@sluice/xmile';

/** The three kinds of model text the editor reads. */
export type ModelFormat = 'sluice' | 'xmile' | 'mdl';

/** Which reader a file needs: by its extension, else by a look at its first characters. */
export function formatOfFile(fileName: string, text: string): ModelFormat | undefined {
  const ext = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (ext === '.xmile' || ext === '.stmx' || ext === '.itmx' || ext === '.xml') return 'xmile';
  if (ext === '.mdl') return 'mdl';
  if (ext === '.sluice') return 'sluice';
  const head = text.trimStart().slice(0, 200);
  if (head.startsWith('<')) return 'xmile';
  if (head.startsWith('{UTF-8}') || /~[^~]*~[^|]*\|/.test(text.slice(0, 4000))) return 'mdl';
  return undefined;
}

/** Parse model text into the IR. The result carries diagnostics with line and column in `file`. */
export function readModel(text: string, format: ModelFormat, file: string): Result<Project> {
  try {
    switch (format) {
      case 'sluice':
        return parseSluice(text, { file });
      case 'xmile':
        return importXmile(text, { file });
      case 'mdl':
        return importVensim(text, { file });
    }
  } catch (e) {
    // A reader should never throw; if one does, the user still gets a message instead of a dead editor.
    return fail([error('internal', `the ${format} reader failed: ${e instanceof Error ? e.message : String(e)}`, { file, line: 1, column: 1 })]);
  }
}
