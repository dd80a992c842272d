import { describe, expect, it } from 'vitest';
import { parseSluice } from '@sluice/language';
import { loopDominance, type LoopDominance } from './loop-dominance.js';
import { dominanceCsv, formatDominance } from './format.js';

// One stock drained at a rate that grows with it (B, named) and filled in proportion (R, unnamed).
const model = `
sim start 0 stop 2 dt 1 method euler
stock s = 128
  inflow gain
  outflow loss
flow gain = 0.25 * s
flow loss = 0.75 * s
loop B1 "Drain": s -> loss
`;

function run(): LoopDominance {
  const p = parseSluice(model);
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  const r = loopDominance(p.value, { variable: 's' });
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value;
}

describe('dominance reports', () => {
  // s: 128, 64, 32; gain 32, 16, 8; loss 96, 48, 24; net -64, -32, -16.
  // gain -> s: |-16 / 32| = 0.5; loss -> s: -|-48 / 32| = -1.5 (and the same at the next
  // step); s -> each flow 1; relative 0.5 / 2 = 0.25 and -1.5 / 2 = -0.75.
  it('prints the loops, the dominant loop per period and relative scores at chosen times', () => {
    expect(formatDominance(run(), { at: [2] })).toBe(
      [
        'L1 (R): s -> gain -> s',
        'B1 (B): s -> loss -> s',
        '',
        'dominant loop:',
        '           1 to 2          B1 (B)',
        '',
        'relative loop scores:',
        '      time      L1      B1',
        '         2   0.250  -0.750',
        '',
      ].join('\n'),
    );
  });

  it('writes the full series as CSV with the dominant loop of each time', () => {
    expect(dominanceCsv(run())).toBe('time,L1,B1,dominant\n0,NaN,NaN,\n1,0.25,-0.75,B1\n2,0.25,-0.75,B1\n');
  });
});
