/**
 * A y range that includes zero, with a little room beyond the data: bars and stacked areas are
 * read from zero, and a bar touching the frame hides its end.
 */
export function fromZero(min: number, max: number): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || (min >= 0 && max <= 0)) return [0, 1];
  const pad = (Math.max(max, 0) - Math.min(min, 0)) * 0.05 || 1;
  return [min < 0 ? min - pad : 0, max > 0 ? max + pad : 0];
}
