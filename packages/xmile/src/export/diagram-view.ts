import type { DiagramElement, DiagramPoint, DiagramView, Variable } from '@sluice/ir';
import type { RefName } from './variable.js';
import type { Attrs, XmlWriter } from './xml-writer.js';

/** Half the length of the pipe drawn for a variable that is a flow but was drawn without a valve. */
const LOOSE_PIPE = 30;

/**
 * `<views>` drawn from an imported diagram (a Vensim sketch): one `<view>` per page, each
 * object where the file put it. Every object is written as what its variable is in the model
 * being written (a Vensim rate that stayed an auxiliary is drawn as one, at its valve); clouds
 * are left to the reader, which draws one at a flow end without a stock; arrows whose ends were
 * not written are left out.
 */
export function writeDiagramViews(w: XmlWriter, views: DiagramView[], variables: Variable[], ref: RefName): void {
  const kindOf = new Map(variables.map((v) => [v.ident, v.kind]));
  w.node('views', {}, () => {
    for (const view of views) w.node('view', { type: 'stock_flow' }, () => writeView(w, view, kindOf, ref));
  });
}

/** An object a connector may start or end at. */
type Drawn = Exclude<DiagramElement, { kind: 'connector' | 'cloud' | 'comment' }>;

function writeView(w: XmlWriter, view: DiagramView, kindOf: Map<string, Variable['kind']>, ref: RefName): void {
  const ends = new Map<number, Drawn>();
  const round = (n: number): number => Math.round(n * 100) / 100;
  for (const e of view.elements) {
    if (e.kind === 'cloud' || e.kind === 'connector') continue;
    if (e.kind === 'comment') {
      w.leaf('text_box', { uid: e.uid, x: round(e.x), y: round(e.y), width: e.width, height: e.height }, e.text);
      continue;
    }
    const kind = kindOf.get(e.variable);
    if (kind === undefined) continue;
    const at: Attrs = { x: round(e.x), y: round(e.y) };
    const name = ref(e.variable);
    if (e.kind === 'alias') {
      w.node('alias', { uid: e.uid, ...at }, () => w.leaf('of', {}, name));
    } else if (kind === 'flow') {
      const points = e.kind === 'flow' ? e.points : [{ x: e.x - LOOSE_PIPE, y: e.y }, { x: e.x + LOOSE_PIPE, y: e.y }];
      w.node('flow', { name, ...at }, () => {
        w.node('pts', {}, () => points.forEach((p) => w.leaf('pt', { x: round(p.x), y: round(p.y) })));
      });
    } else if (kind === 'stock' && e.kind === 'stock') {
      w.leaf('stock', { name, ...at, width: e.width, height: e.height });
    } else {
      w.leaf(kind, { name, ...at });
    }
    ends.set(e.uid, e);
  }
  for (const e of view.elements) {
    if (e.kind !== 'connector') continue;
    const from = ends.get(e.from);
    const to = ends.get(e.to);
    if (!from || !to) continue;
    w.node('connector', { uid: e.uid, angle: takeoffAngle(from, to, e.via), polarity: e.polarity }, () => {
      for (const [tag, x] of [['from', from], ['to', to]] as const) {
        // An alias is named by its uid: its variable's name would mean the original.
        if (x.kind === 'alias') w.node(tag, {}, () => w.leaf('alias', { uid: x.uid }));
        else w.leaf(tag, {}, ref(x.variable));
      }
    });
  }
}

/**
 * The direction (degrees counterclockwise from east, as XMILE measures on a y-down page) in
 * which an arrow leaves `from` for `to`: along the circular arc through `via` when it bends.
 */
export function takeoffAngle(from: DiagramPoint, to: DiagramPoint, via?: DiagramPoint): number {
  let dx = to.x - from.x;
  let dy = to.y - from.y;
  const centre = via ? circumcentre(from, via, to) : undefined;
  if (via && centre) {
    // The tangent at `from` is square to the radius, turned to run towards `via`.
    dx = centre.y - from.y;
    dy = from.x - centre.x;
    if (dx * (via.x - from.x) + dy * (via.y - from.y) < 0) {
      dx = -dx;
      dy = -dy;
    }
  }
  const degrees = (Math.atan2(-dy, dx) * 180) / Math.PI;
  return Math.round(((degrees + 360) % 360) * 100) / 100;
}

/** The centre of the circle through three points, or undefined when they are (nearly) on a line. */
function circumcentre(a: DiagramPoint, b: DiagramPoint, c: DiagramPoint): DiagramPoint | undefined {
  const d = 2 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y));
  const span = Math.hypot(c.x - a.x, c.y - a.y);
  // Twice the triangle's area over its base is the bend's height: under a pixel is straight.
  if (Math.abs(d) / 2 <= span || span === 0) return undefined;
  const a2 = a.x * a.x + a.y * a.y;
  const b2 = b.x * b.x + b.y * b.y;
  const c2 = c.x * c.x + c.y * c.y;
  return {
    x: (a2 * (b.y - c.y) + b2 * (c.y - a.y) + c2 * (a.y - b.y)) / d,
    y: (a2 * (c.x - b.x) + b2 * (a.x - c.x) + c2 * (b.x - a.x)) / d,
  };
}
