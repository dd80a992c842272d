/**
 * Link scores over a run saved at every DT (Schoenberg, Davidsen & Eberlein 2020, with the
 * flow-to-stock correction of Schoenberg, Hayward & Eberlein 2023). Index 0 has no previous
 * step, so its score is NaN.
 */

/**
 * An instantaneous link x -> z: |Δx(z) / Δz| · sign(Δx(z) / Δx), where Δx(z) = partial(t) -
 * z(t - dt) and `partial` is z's equation with only x at its new value. 0 when z or x does not
 * change (the link is not active then).
 */
export function instantLinkScore(x: Float64Array, z: Float64Array, partial: Float64Array): Float64Array {
  const out = new Float64Array(z.length);
  out[0] = NaN;
  for (let t = 1; t < z.length; t++) {
    const dz = z[t]! - z[t - 1]!;
    const dx = x[t]! - x[t - 1]!;
    const dxz = partial[t]! - z[t - 1]!;
    out[t] = dz === 0 || dx === 0 ? 0 : Math.abs(dxz / dz) * Math.sign(dxz / dx);
  }
  return out;
}

/**
 * A flow into (direction +1) or out of (-1) a stock: |Δflow / Δnet flow| · direction. The
 * 2023 correction divides by the change in the stock's net flow rather than by the net flow
 * itself, so splitting or merging flows does not change the scores. Both changes are taken over
 * the same step as the instantaneous links, so a loop's links line up in time.
 */
export function flowToStockScore(flow: Float64Array, netFlow: Float64Array, direction: 1 | -1): Float64Array {
  const out = new Float64Array(flow.length);
  out[0] = NaN;
  for (let t = 1; t < flow.length; t++) {
    const dnet = netFlow[t]! - netFlow[t - 1]!;
    out[t] = dnet === 0 ? 0 : Math.abs((flow[t]! - flow[t - 1]!) / dnet) * direction;
  }
  return out;
}

/** The product of several score series, element by element. */
export function productOf(series: Float64Array[], length: number): Float64Array {
  const out = new Float64Array(length).fill(1);
  for (const s of series) for (let t = 0; t < length; t++) out[t] = out[t]! * s[t]!;
  return out;
}
