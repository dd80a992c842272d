import type { LoopDominance, LoopScoreSeries } from './loop-dominance.js';

/** A loop's label: its declared name, or `L<n>` as `sluice loops` numbers it. */
export const loopLabel = (l: LoopScoreSeries): string => l.loop.name ?? `L${l.number}`;

/** The saved row nearest each time (times outside the run go to its ends). */
function rowsAt(times: Float64Array, at: number[]): number[] {
  return at.map((t) => {
    let best = 0;
    for (let i = 1; i < times.length; i++) if (Math.abs(times[i]! - t) < Math.abs(times[best]! - t)) best = i;
    return best;
  });
}

const fixed = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : String(x));

/**
 * The loops worth a column: every loop that dominates at some time, then the others by their
 * mean |relative score|, up to `top` (more when more loops dominate); in `sluice loops` order.
 */
function shownLoops(d: LoopDominance, top: number): number[] {
  const dominating = new Set(d.dominant.map((p) => p.loop));
  const weight = d.loops.map((l) => {
    let sum = 0;
    for (const x of l.relativeScore) if (Number.isFinite(x)) sum += Math.abs(x);
    return sum;
  });
  const ranked = d.loops
    .map((_, i) => i)
    .sort((a, b) => Number(dominating.has(b)) - Number(dominating.has(a)) || weight[b]! - weight[a]!);
  return ranked.slice(0, Math.max(top, dominating.size)).sort((a, b) => a - b);
}

/**
 * A compact report: the loops with their polarity, who dominates in each period, and the
 * relative scores at some times (`at`; by default eleven evenly spaced times after the start,
 * since the first saved time has no score). Only the `top` loops that explain most get a
 * column (default 8, or all the loops that ever dominate); the CSV has them all.
 */
export function formatDominance(d: LoopDominance, options: { at?: number[]; top?: number } = {}): string {
  const lines: string[] = [];
  const shown = shownLoops(d, options.top ?? 8);
  const labels = d.loops.map(loopLabel);
  const width = Math.max(8, ...shown.map((i) => labels[i]!.length + 1));
  for (const i of shown) {
    const l = d.loops[i]!;
    lines.push(`${labels[i]!} (${l.loop.polarity}): ${[...l.loop.variables, l.loop.variables[0]].join(' -> ')}`);
  }
  if (shown.length < d.loops.length) lines.push(`... and ${d.loops.length - shown.length} more loops that explain less (--format csv lists every loop)`);
  lines.push('', 'dominant loop:');
  for (const p of d.dominant) {
    const l = d.loops[p.loop]!;
    lines.push(`  ${String(p.from).padStart(10)} to ${String(p.to).padEnd(10)} ${loopLabel(l)} (${l.loop.polarity})`);
  }
  if (d.dominant.length === 0) lines.push('  none (no loop is active)');
  const n = d.times.length;
  const times = options.at ?? (n < 2 ? [] : Array.from({ length: 11 }, (_, k) => d.times[1]! + ((d.times[n - 1]! - d.times[1]!) * k) / 10));
  lines.push('', 'relative loop scores:', ['time'.padStart(10), ...shown.map((i) => labels[i]!.padStart(width))].join(''));
  for (const row of rowsAt(d.times, times)) {
    lines.push([String(d.times[row]).padStart(10), ...shown.map((i) => fixed(d.loops[i]!.relativeScore[row]!).padStart(width))].join(''));
  }
  return lines.join('\n') + '\n';
}

const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The full series as CSV: time, then each loop's relative score, then the dominant loop. */
export function dominanceCsv(d: LoopDominance): string {
  const labels = d.loops.map((l) => csvField(loopLabel(l)));
  const lines = [['time', ...labels, 'dominant'].join(',')];
  let period = 0;
  for (let t = 0; t < d.times.length; t++) {
    const time = d.times[t]!;
    while (period < d.dominant.length && d.dominant[period]!.to < time) period++;
    const p = d.dominant[period];
    const dominant = p && p.from <= time ? labels[p.loop]! : '';
    lines.push([String(time), ...d.loops.map((l) => String(l.relativeScore[t])), dominant].join(','));
  }
  return lines.join('\n') + '\n';
}
