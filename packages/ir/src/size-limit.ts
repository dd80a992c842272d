import { error, type Diagnostic } from './diagnostics.js';

/** Model texts larger than this (in UTF-8 bytes) are refused unless the caller raises the limit. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

// Chunks short enough that their UTF-8 (at most 3 bytes per UTF-16 unit) fits the scratch buffer.
const CHUNK = 16_384;
const encoder = new TextEncoder();
const scratch = new Uint8Array(CHUNK * 3);

/**
 * Whether `text` is more than `limit` bytes in UTF-8, the size it has as a file. Measured with
 * the platform's encoder a chunk at a time, so a large text is never copied whole.
 */
export function overByteLimit(text: string, limit: number): boolean {
  // Every UTF-16 unit is at least one byte and at most three.
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let pos = 0; pos < text.length; ) {
    let end = Math.min(pos + CHUNK, text.length);
    // Never split a surrogate pair: alone, each half would count as a replacement character.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    bytes += encoder.encodeInto(text.slice(pos, end), scratch).written;
    if (bytes > limit) return true;
    pos = end;
  }
  return false;
}

/** The refusal of a text over the limit, at the start of its file; undefined when it fits. */
export function checkSize(text: string, maxBytes: number, file: string | undefined): Diagnostic | undefined {
  const at = { line: 1, column: 1, ...(file !== undefined ? { file } : {}) };
  // NaN would compare false everywhere and let any text through.
  if (!(maxBytes >= 0)) return error('bad-option', `maxBytes must be a number of bytes, not ${maxBytes}`, at);
  if (!overByteLimit(text, maxBytes)) return undefined;
  return error('too-large', `the model is larger than the limit of ${maxBytes} bytes`, at);
}
