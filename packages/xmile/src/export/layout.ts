import { displayName, type Model, type Variable } from '@sluice/ir';
import type { XmlWriter } from './xml-writer.js';

const STOCK_GAP = 220;
const STOCK_Y = 150;
const FLOW_REACH = 110;
const AUX_GAP = 110;

/**
 * A plain stock-and-flow diagram for a model that came without one (from Vensim or the text
 * language): stocks in a row, each flow drawn from or to the first stock it touches, and
 * everything else in rows below. Enough for Stella to open the model and show every variable.
 */
export function writeGeneratedView(w: XmlWriter, model: Model): void {
  const viewName = (v: Variable): string => displayName(v.name).replace(/ /g, '_');
  const stocks = model.variables.filter((v) => v.kind === 'stock');
  const position = new Map<string, { x: number; y: number }>();
  stocks.forEach((s, i) => position.set(s.ident, { x: 200 + i * STOCK_GAP, y: STOCK_Y }));
  w.node('views', {}, () => {
    w.node('view', { type: 'stock_flow' }, () => {
      for (const s of stocks) {
        const p = position.get(s.ident) as { x: number; y: number };
        w.leaf('stock', { name: viewName(s), x: p.x, y: p.y });
      }
      let loose = 0;
      for (const f of model.variables) {
        if (f.kind !== 'flow') continue;
        const into = stocks.find((s) => s.kind === 'stock' && s.inflows.includes(f.ident));
        const outOf = stocks.find((s) => s.kind === 'stock' && s.outflows.includes(f.ident));
        const from = outOf ? position.get(outOf.ident) : undefined;
        const to = into ? position.get(into.ident) : undefined;
        let points: [number, number][];
        if (from && to) points = [[from.x + 22, from.y], [to.x - 22, to.y]];
        else if (from) points = [[from.x + 22, from.y], [from.x + 22 + FLOW_REACH, from.y]];
        else if (to) points = [[to.x - 22 - FLOW_REACH, to.y], [to.x - 22, to.y]];
        else {
          const y = STOCK_Y - 100 - 40 * loose++;
          points = [[100, y], [100 + FLOW_REACH, y]];
        }
        const [a, b] = points as [[number, number], [number, number]];
        w.node('flow', { name: viewName(f), x: (a[0] + b[0]) / 2, y: (a[1] + b[1]) / 2 }, () => {
          w.node('pts', {}, () => points.forEach(([x, y]) => w.leaf('pt', { x, y })));
        });
      }
      const others = model.variables.filter((v) => v.kind === 'aux' || v.kind === 'module');
      others.forEach((v, i) => {
        const x = 150 + (i % 6) * AUX_GAP;
        const y = STOCK_Y + 120 + Math.floor(i / 6) * 80;
        w.leaf(v.kind, { name: viewName(v), x, y });
      });
    });
  });
}
