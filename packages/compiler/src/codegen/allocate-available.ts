import type { Expr } from '@sluice/ir';
import type { Node } from '../graph/nodes.js';
import type { ExpressionContext } from './expression.js';
import { unsupportedProfileType } from './priority-types.js';
import { lastSubscriptDimension, sliceAlong } from './slice.js';

/** Halvings of the clearing level: enough to pin it to the last bit of a double. */
const BISECTIONS = 200;

/**
 * Widths beyond a profile's priority at which its share is exactly 1 or 0 in doubles: the
 * normal's tail past 40 standard deviations, and the exponential's 0.5 e^-40, are below half an
 * ulp of 1, so the search interval holds the whole of every curve.
 */
const SPREAD = 40;

/** Vensim's priority curve types (`ptype`, the first element of a priority profile). */
export const PRIORITY_TYPE = { fixed: 0, rectangular: 1, triangular: 2, normal: 3, exponential: 4 } as const;

/**
 * erfc to about 4e-15 relative: for x < 0.8 through erf's series of positive terms
 * (e^-x² Σ 2^n x^(2n+1) / (2n+1)!!), which does not cancel; beyond, the continued fraction
 * e^-x² / √π / (x + ½/(x + 1/(x + 3/2/(x + …)))), evaluated from its 300th term back.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 0.8) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 100 && term > sum * 1e-17; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  if (x > 27) return 0;
  let t = x;
  for (let k = 300; k > 0; k--) t = x + k / 2 / t;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / t;
}

/**
 * The fraction of its request a requester with profile (type, priority, width) gets when the
 * allocation clears at level x: the complement of the cumulative distribution of the profile's
 * shape centred on the priority, so the curve falls from 1 to 0 as the level rises past it.
 * Rectangular and triangular spread over `width`, the normal's standard deviation is `width`,
 * the exponential is the two-sided (Laplace) one of scale `width`.
 */
export function priorityShare(type: number, x: number, priority: number, width: number): number {
  const u = x - priority;
  switch (type) {
    case PRIORITY_TYPE.rectangular:
      return Math.min(1, Math.max(0, 0.5 - u / width));
    case PRIORITY_TYPE.triangular: {
      if (u <= -width / 2) return 1;
      if (u >= width / 2) return 0;
      const below = (u + width / 2) / width;
      const above = (width / 2 - u) / width;
      return u < 0 ? 1 - 2 * below * below : 2 * above * above;
    }
    case PRIORITY_TYPE.normal:
      return 0.5 * erfc(u / (width * Math.SQRT2));
    case PRIORITY_TYPE.exponential:
      return u < 0 ? 1 - 0.5 * Math.exp(u / width) : 0.5 * Math.exp(-u / width);
    default:
      return NaN;
  }
}

/**
 * Vensim's ALLOCATE AVAILABLE for requester `i` of `n`. Requester k asks for request k (negative
 * counts as 0) with profile `v[profile + k * profileStride + j * fieldStride]`, j = 0..3: ptype,
 * ppriority, pwidth, pextra. When the supply covers every request each gets its request; else
 * one level x is found at which the requests times their shares add up to the supply (the total
 * falls as x rises, so bisection finds it without allocating).
 *
 * Fixed-quantity requesters (ptype 0) want their request at every level: they are served
 * first, in proportion to their requests if they alone want more than there is, and the rest
 * clears over the others. A requester's ptype outside 0-4 or a width that is not positive gives
 * NaN: a constant ptype outside 0-4 is refused when the model compiles (`priority-types.ts`),
 * so NaN is left for profiles computed during the run.
 */
export function allocateAvailable(
  v: Float64Array,
  request: number,
  requestStride: number,
  profile: number,
  profileStride: number,
  fieldStride: number,
  n: number,
  avail: number,
  i: number,
): number {
  const r = (k: number): number => Math.max(0, v[request + k * requestStride]!);
  const field = (k: number, j: number): number => v[profile + k * profileStride + j * fieldStride]!;
  if (Number.isNaN(avail)) return NaN;
  let total = 0;
  let fixed = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const q = r(k);
    if (Number.isNaN(q)) return NaN;
    total += q;
    if (q === 0) continue;
    const type = field(k, 0);
    if (type === PRIORITY_TYPE.fixed) {
      fixed += q;
      continue;
    }
    const width = field(k, 2);
    if (!(type >= PRIORITY_TYPE.rectangular && type <= PRIORITY_TYPE.exponential && Number.isInteger(type)) || !(width > 0)) return NaN;
    lo = Math.min(lo, field(k, 1) - SPREAD * width);
    hi = Math.max(hi, field(k, 1) + SPREAD * width);
  }
  if (avail >= total) return r(i);
  if (avail <= 0 || r(i) === 0) return 0;
  const own = field(i, 0);
  if (fixed >= avail) return own === PRIORITY_TYPE.fixed ? (r(i) * avail) / fixed : 0;
  if (own === PRIORITY_TYPE.fixed) return r(i);
  const rest = avail - fixed;
  const given = (x: number): number => {
    let s = 0;
    for (let k = 0; k < n; k++) {
      const q = r(k);
      if (q > 0 && field(k, 0) !== PRIORITY_TYPE.fixed) s += q * priorityShare(field(k, 0), x, field(k, 1), field(k, 2));
    }
    return s;
  };
  for (let b = 0; b < BISECTIONS && hi - lo > 0; b++) {
    const mid = (hi + lo) / 2;
    if (mid === hi || mid === lo) break;
    if (given(mid) > rest) lo = mid;
    else hi = mid;
  }
  return r(i) * priorityShare(own, (hi + lo) / 2, field(i, 1), field(i, 2));
}

/**
 * ALLOCATE AVAILABLE(request[..., d], pp[..., d, ptype], avail) in an equation that loops over d
 * (the request's last subscript): the helper reads the requests along d and each requester's
 * four profile numbers from the element `pp`'s last subscript names onward (Vensim writes the
 * first element of the profile range; the range's own name means the same).
 */
export function emitAllocateAvailable(args: Expr[], ctx: ExpressionContext, emit: (e: Expr, ctx: ExpressionContext) => string, fail: (message: string, at: Expr) => string): string {
  const [request, pp, avail] = args as [Expr, Expr, Expr];
  const along = lastSubscriptDimension(request, ctx);
  if (along < 0) return fail('the request of ALLOCATE AVAILABLE must end with a dimension of the equation (request[d])', request);
  const dim = ctx.dims[along]!;
  const req = sliceAlong(request, ctx, emit, along);
  if (!req) return fail(`the request of ALLOCATE AVAILABLE must be a variable subscripted by '${dim.name}'`, request);
  const profile = atFirstProfileElement(pp, ctx);
  const pri = profile ? sliceAlong(profile.arg, ctx, emit, along) : undefined;
  if (!profile || !pri) return fail(`the priority profile of ALLOCATE AVAILABLE must be a variable subscripted by '${dim.name}' and then a profile element (pp[${dim.name}, ptype])`, pp);
  const unsupported = unsupportedProfileType(profile.node, profile.start);
  if (unsupported) return fail(`ALLOCATE AVAILABLE: ${unsupported.message}`, unsupported.at);
  return `h.allocateAvailable(v, ${req.base}, ${req.stride}, ${pri.base}, ${pri.stride}, ${profile.fieldStride}, ${dim.elements.length}, ${emit(avail, ctx)}, ${ctx.index[along]})`;
}

/**
 * `pp` with its last subscript an element of the profile range (a range name becomes its first
 * element), and the stride between profile fields: the profile range must be the variable's last
 * dimension, with room for four fields from that element. Also the profile's node and the
 * position of ptype in its last dimension.
 */
function atFirstProfileElement(pp: Expr, ctx: ExpressionContext): { arg: Expr; fieldStride: number; node: Node; start: number } | undefined {
  if (pp.kind !== 'var' || !pp.subscripts?.length) return undefined;
  const r = ctx.resolution.get(pp);
  if (r?.kind !== 'node' || r.node.dims.length !== pp.subscripts.length) return undefined;
  const last = pp.subscripts.at(-1)!;
  const profileDim = r.node.dims.at(-1)!;
  if (last.kind !== 'index' || last.expr.kind !== 'var') return undefined;
  const name = last.expr.name;
  let start = profileDim.elements.indexOf(name);
  let arg: Expr = pp;
  if (start < 0 && (name === profileDim.ident || ctx.layout.dimension(name)?.elements[0] === profileDim.elements[0])) {
    start = 0;
    const first: Expr = { kind: 'var', name: profileDim.elements[0]!, display: profileDim.elements[0]! };
    arg = { ...pp, subscripts: [...pp.subscripts.slice(0, -1), { kind: 'index', expr: first }] };
    ctx.resolution.set(arg, r);
  }
  if (start < 0 || start + 4 > profileDim.elements.length) return undefined;
  return { arg, fieldStride: 1, node: r.node, start };
}
