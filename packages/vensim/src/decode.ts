/**
 * The text of a `.mdl` file from its bytes. Vensim writes `{UTF-8}` at the top of files saved
 * as UTF-8; older files carry no header and are Windows-1252 (Latin-1 plus `€` and friends in
 * 0x80-0x9F). Bytes that are not valid UTF-8 are read as Windows-1252 whatever the header says,
 * so no byte is ever lost. Decoded here rather than by `TextDecoder('windows-1252')`, which some
 * Node builds read as plain Latin-1.
 */
export function decodeMdl(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    let out = '';
    for (let i = start; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      out += b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? String.fromCharCode(b)) : String.fromCharCode(b);
    }
    return out;
  }
}

/** Windows-1252 characters for bytes 0x80-0x9F (undefined bytes keep their Latin-1 code). */
const CP1252_HIGH = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
];
