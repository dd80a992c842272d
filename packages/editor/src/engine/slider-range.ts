/** The range and step of a constant's slider. */
export interface SliderRange {
  min: number;
  max: number;
  step: number;
  /** Whether the range was written in the model rather than guessed. */
  documented: boolean;
}

const num = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
/** Vensim's units range `[min, max]` or `[min, max, step]`; `?` leaves an end open. */
const bracket = new RegExp(String.raw`\[\s*(${num}|\?)\s*,\s*(${num}|\?)\s*(?:,\s*(${num})\s*)?\]`);
/** A doc comment's `range 0..2`, `range: 0 to 2`, `range 0-2`. */
const rangeWords = new RegExp(String.raw`\brange\s*:?\s*(${num})\s*(?:\.\.|to|–|-)\s*(${num})`, 'i');
/** A doc comment's `min 0 max 2` or `min: 0, max: 2`. */
const minMaxWords = new RegExp(String.raw`\bmin\s*[:=]?\s*(${num})\s*[,;]?\s*max\s*[:=]?\s*(${num})`, 'i');

/**
 * A slider's range: from a documented range in the units (`{people [0, 100, 5]}`, as Vensim writes it)
 * or the documentation (`range 0..2`, `min 0 max 2`), else a default around the current value:
 * zero to twice the value (mirrored for a negative value), zero to one for zero.
 */
export function sliderRange(value: number, units?: string, doc?: string): SliderRange {
  const documented = documentedRange(units, doc);
  const guess = guessedRange(value);
  if (documented) {
    const min = documented.min ?? Math.min(guess.min, value);
    const max = documented.max ?? Math.max(guess.max, value);
    if (min < max) {
      return { min, max, step: documented.step && documented.step > 0 ? documented.step : niceStep(max - min), documented: true };
    }
  }
  return { ...guess, documented: false };
}

function documentedRange(units?: string, doc?: string): { min?: number; max?: number; step?: number } | undefined {
  for (const text of [units, doc]) {
    if (!text) continue;
    const b = bracket.exec(text);
    if (b) {
      const out: { min?: number; max?: number; step?: number } = {};
      if (b[1] !== '?') out.min = Number(b[1]);
      if (b[2] !== '?') out.max = Number(b[2]);
      if (b[3] !== undefined) out.step = Number(b[3]);
      return out;
    }
  }
  if (doc) {
    const m = rangeWords.exec(doc) ?? minMaxWords.exec(doc);
    if (m) return { min: Number(m[1]), max: Number(m[2]) };
  }
  return undefined;
}

function guessedRange(value: number): Omit<SliderRange, 'documented'> {
  if (!Number.isFinite(value) || value === 0) return { min: 0, max: 1, step: 0.01 };
  const [min, max] = value > 0 ? [0, 2 * value] : [2 * value, 0];
  return { min, max, step: niceStep(max - min) };
}

/** About a hundredth of the span, rounded to 1, 2 or 5 times a power of ten. */
export function niceStep(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 0.01;
  const raw = span / 100;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const nice = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
  return nice * p;
}

/** Snap a slider value to its step, printed without binary noise (`0.30000000000000004` → `0.3`). */
export function snapToStep(value: number, range: SliderRange): number {
  const steps = Math.round((value - range.min) / range.step);
  const snapped = range.min + steps * range.step;
  const decimals = Math.max(0, -Math.floor(Math.log10(range.step)) + 1);
  return Number(Math.min(range.max, Math.max(range.min, snapped)).toFixed(Math.min(decimals, 12)));
}
