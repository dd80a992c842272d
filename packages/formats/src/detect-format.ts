/** The model text formats Sluice reads. */
export type ModelFormat = 'xmile' | 'mdl' | 'sluice';

const BY_EXTENSION: Record<string, ModelFormat> = {
  '.xmile': 'xmile',
  '.stmx': 'xmile',
  '.itmx': 'xmile',
  '.xml': 'xmile',
  '.mdl': 'mdl',
  '.sluice': 'sluice',
};

/**
 * Which reader a file needs: by its extension, else by a look at its first characters (an XML
 * tag, or Vensim's `{UTF-8}` header or `name = ... ~ units ~ comment |` entries).
 */
export function detectFormat(fileName: string, text: string): ModelFormat | undefined {
  const ext = /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  const known = BY_EXTENSION[ext];
  if (known) return known;
  const head = text.trimStart().slice(0, 200);
  if (head.startsWith('<')) return 'xmile';
  if (head.startsWith('{UTF-8}') || /~[^~]*~[^|]*\|/.test(text.slice(0, 4000))) return 'mdl';
  return undefined;
}
