import { describe, expect, it } from 'vitest';
import type { Stock } from '@sluice/ir';
import { exportXmile, importXmile } from '../index.js';

const model = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><vendor>isee systems</vendor><product>Stella</product></header>
<sim_specs method="Euler"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>
<model><variables>
<stock name="q"><eqn>0</eqn><inflow>a</inflow><outflow>load</outflow><outflow>balk</outflow><non_negative/><queue/></stock>
<stock name="c"><eqn>0</eqn><inflow>load</inflow><outflow>out</outflow><conveyor discrete="true" batch_integrity="true" one_at_a_time="true"><len>2</len><capacity>4</capacity></conveyor></stock>
<flow name="a"><eqn>5</eqn></flow><flow name="load"/><flow name="out"/><flow name="balk"><overflow/></flow>
</variables></model></xmile>`;

const stocks = (text: string): Map<string, Stock> => {
  const p = importXmile(text, { file: 'q.stmx' });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
  return new Map(p.value.models[0]!.variables.filter((v): v is Stock => v.kind === 'stock').map((s) => [s.ident, s]));
};

describe('queues and conveyors in XMILE', () => {
  it('read how a conveyor takes from a queue, and flows the queue and the belt drive with no <eqn>', () => {
    const s = stocks(model);
    expect(s.get('q')?.queue).toBe(true);
    expect(s.get('c')?.conveyor).toMatchObject({ discrete: true, batchIntegrity: true, oneAtATime: true });
  });

  it("warn that a conveyor's <sample> is not compiled", () => {
    const p = importXmile(model.replace('<len>2</len>', '<len>2</len><sample>TIME = 0</sample>'), { file: 'q.stmx' });
    expect(p.ok && p.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('<sample> of conveyor "c" is ignored'));
  });

  it('write them back: the queue as a queue only, the conveyor with its flags, the overflow marked', () => {
    const p = importXmile(model, { file: 'q.stmx' });
    if (!p.ok) throw new Error('import');
    const out = exportXmile(p.value);
    expect(out).toContain('<conveyor discrete="true" batch_integrity="true" one_at_a_time="true">');
    expect(out).toContain('<overflow/>');
    // XMILE: a stock is a queue, a conveyor or non-negative, never two of them.
    const queue = out.slice(out.indexOf('<stock name="q"'), out.indexOf('</stock>', out.indexOf('<stock name="q"')));
    expect(queue).toContain('<queue/>');
    expect(queue).not.toContain('non_negative');
    const again = stocks(out);
    expect(again.get('q')?.queue).toBe(true);
    expect(again.get('c')?.conveyor).toMatchObject({ discrete: true, batchIntegrity: true, oneAtATime: true });
  });
});
