import { describe, expect, it } from 'vitest';
import { runStella } from './stella-run.test.js';

/**
 * Stella queues, from inline XMILE to simulated numbers. Expectations are worked out by hand
 * from isee's "Queue Computation" help page (`codegen/queues.ts`): each inflow's material of one
 * DT is a batch at the back, in inflow order; the initial value is one batch; outflows take from
 * the front in order; a conveyor downstream takes what its room allows, whole batches only if it
 * keeps batch integrity, one batch a DT if it accepts one at a time; an overflow takes what a
 * blocked outflow before it left behind.
 */
const run = (variables: string, stop = 5, dimensions = '') =>
  runStella(variables, `<start>0</start><stop>${stop}</stop><dt>1</dt>`, dimensions);

const flow = (name: string, eqn: string, extra = '') => `<flow name="${name}"><eqn>${eqn}</eqn>${extra}</flow>`;

/** Queue `q` (inflows a, b) feeding conveyor `c` (transit 2, capacity 4) through `load`. */
const toConveyor = (conveyorAttrs: string, more = '') =>
  `<stock name="q"><eqn>0</eqn><inflow>a</inflow><inflow>b</inflow><outflow>load</outflow>${more}<queue/></stock>` +
  `<stock name="c"><eqn>0</eqn><inflow>load</inflow><outflow>out</outflow><conveyor ${conveyorAttrs}><len>2</len><capacity>4</capacity></conveyor></stock>` +
  flow('a', '2') + flow('b', '3') + flow('load', '0') + flow('out', '0');

describe('queues', () => {
  it('release batches first in, first out; an outflow that asks for less splits the front batch', () => {
    const of = run(`<stock name="q"><eqn>0</eqn><inflow>arrive</inflow><outflow>serve</outflow><queue/></stock>${flow('arrive', 'IF TIME &lt; 2 THEN 5 ELSE 0')}${flow('serve', '3')}`);
    // Batches of 5 arrive in the DTs at 0 and 1; serving 3 a DT empties them by time 4.
    expect(of('serve')).toEqual([0, 3, 3, 3, 1, 0]);
    expect(of('q')).toEqual([0, 5, 7, 4, 1, 0]);
  });

  it('hold the initial value as one batch, released before what arrives later', () => {
    const of = run(`<stock name="q"><eqn>4</eqn><inflow>arrive</inflow><outflow>serve</outflow><queue/></stock>${flow('arrive', '1')}${flow('serve', '3')}`, 4);
    expect(of('serve')).toEqual([3, 2, 1, 1, 1]);
    expect(of('q')).toEqual([4, 2, 1, 1, 1]);
  });

  it('feed a conveyor whole batches only, as its room allows (batch integrity)', () => {
    const of = run(toConveyor('discrete="true" batch_integrity="true"'));
    // Batches 2 (a) and 3 (b) arrive each DT. Room 4 takes the 2 but not the 3; while the belt
    // holds material the 3 at the front does not fit; it goes once the belt has emptied.
    expect(of('load')).toEqual([0, 2, 0, 3, 0, 2]);
    expect(of('out')).toEqual([0, 0, 0, 2, 0, 3]);
    expect(of('q')).toEqual([0, 5, 8, 13, 15, 20]);
  });

  it('feed a conveyor a split batch when it allows it, or one batch a DT', () => {
    expect(run(toConveyor('discrete="true"'))('load').slice(0, 3)).toEqual([0, 4, 0]);
    expect(run(toConveyor('discrete="true" one_at_a_time="true"'))('load').slice(0, 2)).toEqual([0, 2]);
  });

  it('send what a blocked outflow leaves behind through an overflow', () => {
    const of = run(
      `<stock name="q"><eqn>0</eqn><inflow>a</inflow><outflow>load</outflow><outflow>balk</outflow><queue/></stock>` +
        `<stock name="c"><eqn>0</eqn><inflow>load</inflow><outflow>out</outflow><conveyor discrete="true"><len>2</len><capacity>4</capacity></conveyor></stock>` +
        flow('a', '5') + flow('load', '0') + flow('out', '0') + flow('balk', '0', '<overflow/>'),
    );
    // The conveyor takes 4 of each 5 when empty, nothing when it holds 4; the rest overflows.
    expect(of('load')).toEqual([0, 4, 0, 4, 0, 4]);
    expect(of('balk')).toEqual([0, 1, 5, 1, 5, 1]);
    expect(of('q')).toEqual([0, 5, 5, 5, 5, 5]);
  });

  it('run the flows a queue or conveyor drives when Stella wrote them without an equation', () => {
    const of = run(
      `<stock name="q"><eqn>0</eqn><inflow>a</inflow><outflow>load</outflow><queue/></stock>` +
        `<stock name="c"><eqn>0</eqn><inflow>load</inflow><outflow>out</outflow><conveyor discrete="true"><len>2</len></conveyor></stock>` +
        `${flow('a', '5')}<flow name="load"/><flow name="out"/>`,
      4,
    );
    // Nothing limits the conveyor: each batch leaves the queue the DT after it arrived.
    expect(of('load')).toEqual([0, 5, 5, 5, 5]);
    expect(of('out')).toEqual([0, 0, 0, 5, 5]);
    expect(of('c')).toEqual([0, 0, 5, 10, 10]);
  });

  it('refuse an arrayed queue with a clear message', () => {
    expect(() =>
      run(
        `<stock name="q"><dimensions><dim name="D"/></dimensions><eqn>0</eqn><inflow>a</inflow><queue/></stock><flow name="a"><dimensions><dim name="D"/></dimensions><eqn>1</eqn></flow>`,
        5,
        '<dimensions><dim name="D" size="2"/></dimensions>',
      ),
    ).toThrow("queue 'q': arrayed queues are not compiled yet");
  });
});
