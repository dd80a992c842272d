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

/**
 * Every loop's score: the product of its links' series. Loops enumerated from the same stock
 * share long runs of leading links, so loops are taken in the order of their link sequences
 * and each keeps the partial products it shares with the one before: the work is the number of
 * links not shared, not the sum of all loop lengths (a large model has thousands of loops).
 */
export function loopScores(loops: string[][], linkScore: (key: string) => Float64Array, length: number): Float64Array[] {
  const order = loops.map((_, i) => i).sort((a, b) => compareSequences(loops[a]!, loops[b]!));
  const out: Float64Array[] = new Array<Float64Array>(loops.length);
  const prefix: Float64Array[] = [];
  let previous: string[] = [];
  for (const i of order) {
    const keys = loops[i]!;
    let shared = 0;
    while (shared < keys.length && shared < previous.length && keys[shared] === previous[shared]) shared++;
    for (let k = shared; k < keys.length; k++) {
      const s = linkScore(keys[k]!);
      const before = k === 0 ? undefined : prefix[k - 1]!;
      const p = prefix[k] ?? (prefix[k] = new Float64Array(length));
      if (before) for (let t = 0; t < length; t++) p[t] = before[t]! * s[t]!;
      else p.set(s);
    }
    out[i] = prefix[keys.length - 1]!.slice();
    previous = keys;
  }
  return out;
}

function compareSequences(a: string[], b: string[]): number {
  for (let k = 0; k < a.length && k < b.length; k++) if (a[k] !== b[k]) return a[k]! < b[k]! ? -1 : 1;
  return a.length - b.length;
}
