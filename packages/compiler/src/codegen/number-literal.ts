/**
 * A number as JS source that reads back as exactly the same value. Numbers come from parsed
 * values, never from model text, so nothing a model says can reach generated code this way.
 */
export function numberLiteral(x: number): string {
  if (Number.isNaN(x)) return '(0 / 0)';
  if (x === Infinity) return '(1 / 0)';
  if (x === -Infinity) return '(-1 / 0)';
  if (Object.is(x, -0)) return '(-0)';
  // String(x) is the shortest text that round-trips (ECMAScript Number::toString).
  return x < 0 ? `(${String(x)})` : String(x);
}
