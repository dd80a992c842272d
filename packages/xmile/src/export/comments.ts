import type { Comments } from '@sluice/ir';
import { SLUICE_PREFIX } from '../extension.js';
import type { XmlWriter } from './xml-writer.js';

/**
 * A declaration's `#` comments from the Sluice text language, as `<sluice:comment at>`
 * elements in the element that writes the declaration: XMILE has no comments of its own
 * (`<doc>` is documentation), and the importer reads these back (see import/extensions.ts).
 * A blank line is an empty element.
 */
export function writeComments(w: XmlWriter, comments: Comments | undefined): void {
  if (comments === undefined) return;
  const tag = `${SLUICE_PREFIX}:comment`;
  const write = (at: string, text: string): void => (text === '' ? w.leaf(tag, { at }) : w.leaf(tag, { at }, text));
  for (const line of comments.before ?? []) write('before', line);
  if (comments.trailing !== undefined) write('trailing', comments.trailing);
  for (const line of comments.inside ?? []) write('inside', line);
  for (const line of comments.end ?? []) write('end', line);
}
