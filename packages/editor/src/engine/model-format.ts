import { error, fail, type Project, type Result } from '@sluice/ir';
import { detectFormat, parseModel, type ModelFormat } from '@sluice/formats';

export { type ModelFormat };

/** Which reader a file needs: by its extension, else by a look at its first characters. */
export const formatOfFile = detectFormat;

/** Parse model text into the IR. The result carries diagnostics with line and column in `file`. */
export function readModel(text: string, format: ModelFormat, file: string): Result<Project> {
  try {
    return parseModel(text, format, { file });
  } catch (e) {
    // A reader should never throw; if one does, the user still gets a message instead of a dead editor.
    return fail([error('internal', `the ${format} reader failed: ${e instanceof Error ? e.message : String(e)}`, { file, line: 1, column: 1 })]);
  }
}
