/**
 * The raw text of the file with a line index, so any offset found while reading (an element, a
 * character inside an equation) becomes a file line and column.
 */
export { LineIndex as SourceText } from '@sluice/ir';

/**
 * Text taken from the file, decoded, with the file offset of every character, so a position
 * inside the decoded text (where an equation parser found an error) maps back to the file even
 * after `&gt;` became `>`.
 */
export interface MappedText {
  value: string;
  /** offsets[i] is the file offset of value[i]; one extra entry for the end. */
  offsets: number[];
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decode the five predefined XML entities and character references. Nothing else is expanded:
 * the file cannot declare entities (a DOCTYPE is refused before parsing), so an unknown `&x;` is
 * kept as written.
 */
export function decodeXmlText(raw: string, rawOffset: number): MappedText {
  let value = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i] as string;
    if (ch === '&') {
      const semi = raw.indexOf(';', i + 1);
      if (semi > i && semi - i <= 12) {
        const decoded = decodeEntity(raw.slice(i + 1, semi));
        if (decoded !== undefined) {
          for (const c of decoded) {
            value += c;
            offsets.push(rawOffset + i);
          }
          i = semi + 1;
          continue;
        }
      }
    }
    // XML parsers report a CRLF line end as LF; equations see the same.
    if (ch === '\r' && raw[i + 1] === '\n') {
      i++;
      continue;
    }
    value += ch;
    offsets.push(rawOffset + i);
    i++;
  }
  offsets.push(rawOffset + raw.length);
  return { value, offsets };
}

function decodeEntity(name: string): string | undefined {
  const named = NAMED_ENTITIES[name];
  if (named !== undefined) return named;
  let code: number | undefined;
  if (/^#x[0-9a-fA-F]+$/.test(name)) code = parseInt(name.slice(2), 16);
  else if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
  if (code === undefined || code > 0x10ffff) return undefined;
  return String.fromCodePoint(code);
}

/** Decode an attribute value (no positions needed: attributes are reported at their element). */
export function decodeXml(raw: string): string {
  return decodeXmlText(raw, 0).value;
}

/** Trim a mapped text, keeping the offsets of what is left. */
export function trimMapped(t: MappedText): MappedText {
  let start = 0;
  let end = t.value.length;
  while (start < end && /\s/.test(t.value[start] as string)) start++;
  while (end > start && /\s/.test(t.value[end - 1] as string)) end--;
  return { value: t.value.slice(start, end), offsets: t.offsets.slice(start, end + 1) };
}
