/**
 * Chevrotain lexes fast only when it knows, for every token, which characters can start it: it
 * then tries just those tokens at each character instead of every token in turn (about five
 * times faster on a long model). It works that out from plain regular expressions; a custom
 * matcher must say it with `start_chars_hint`. Both lexers construct with
 * `ensureOptimizations: true`, so a token that loses the hint fails at load, not silently slow.
 */

/** Chevrotain files characters above U+00FF in buckets of 255 code units; a step of 64 meets every bucket. */
const BUCKET_STEP = 64;

/**
 * The `start_chars_hint` of a name whose first character is any letter: the Latin-1 characters
 * `first` accepts, and a character in every bucket above (UTF-16 code units, so the high
 * surrogates that start a letter beyond the BMP are among them). Too many hints only cost a
 * failed try of the matcher, which still decides; one too few would lose names.
 */
export function nameStartHints(first: RegExp): number[] {
  const hints: number[] = [];
  for (let code = 0; code < 0x100; code++) if (first.test(String.fromCharCode(code))) hints.push(code);
  for (let code = 0x100; code <= 0xffff; code += BUCKET_STEP) hints.push(code);
  hints.push(0xffff);
  return hints;
}
