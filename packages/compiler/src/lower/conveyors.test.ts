import { describe, expect, it } from 'vitest';
import { runStella } from './stella-run.test.js';

/**
 * Stella conveyors, from inline XMILE to simulated numbers. Expectations are worked out by
 * hand from the belt rules (`codegen/conveyor-belts.ts`): material entering during a DT leaves
 * one transit time later; initial contents are spread evenly over the belt.
 */
const run = runStella;

const belt = (conveyor: string, initial = '0', outflows = '<outflow>out</outflow>') =>
  `<stock name="belt"><eqn>${initial}</eqn><inflow>in</inflow>${outflows}<conveyor>${conveyor}</conveyor></stock>`;

describe('conveyors', () => {
  it('deliver a constant inflow exactly one transit time later', () => {
    const of = run(`${belt('<len>3</len>')}<flow name="in"><eqn>10</eqn></flow><flow name="out"><eqn>0</eqn></flow>`);
    expect(of('out')).toEqual([0, 0, 0, 10, 10, 10, 10, 10, 10]);
    expect(of('belt')).toEqual([0, 10, 20, 30, 30, 30, 30, 30, 30]);
  });

  it('deliver with a DT smaller than one: transit 2 at DT 1/4 is 8 slats', () => {
    const of = run(`${belt('<len>2</len>')}<flow name="in"><eqn>IF TIME &lt; 1 THEN 4 ELSE 0</eqn></flow><flow name="out"><eqn>0</eqn></flow>`, '<start>0</start><stop>4</stop><dt>0.25</dt>');
    const out = of('out');
    // Four DTs of inflow (t = 0 .. 0.75) leave at t = 2 .. 2.75.
    expect(out.slice(0, 8).every((x) => x === 0)).toBe(true);
    expect(out.slice(8, 12)).toEqual([4, 4, 4, 4]);
    expect(out.slice(12).every((x) => x === 0)).toBe(true);
    expect(of('belt').at(-1)).toBe(0);
  });

  it('spread the initial contents evenly and release them over the first transit time', () => {
    const of = run(`${belt('<len>4</len>', '20')}<flow name="in"><eqn>0</eqn></flow><flow name="out"><eqn>0</eqn></flow>`);
    expect(of('out')).toEqual([5, 5, 5, 5, 0, 0, 0, 0, 0]);
    expect(of('belt')).toEqual([20, 15, 10, 5, 0, 0, 0, 0, 0]);
  });

  it('leak linearly: the leak fraction of what enters, spread evenly over the transit', () => {
    const of = run(
      `${belt('<len>4</len>', '0', '<outflow>out</outflow><outflow>loss</outflow>')}<flow name="in"><eqn>10</eqn></flow><flow name="out"><eqn>0</eqn></flow><flow name="loss"><eqn>0.2</eqn><leak/></flow>`,
    );
    // Each slat enters with 10 and loses 0.2 * 10 / 4 = 0.5 in each of its 4 DTs on the belt.
    expect(of('loss')).toEqual([0, 0.5, 1, 1.5, 2, 2, 2, 2, 2]);
    expect(of('out')).toEqual([0, 0, 0, 0, 8, 8, 8, 8, 8]);
    // Steady state: transit * inflow - (slats - 1) * leakage * DT / 2 = 40 - 3 * 2 / 2 = 37.
    expect(of('belt').at(-1)).toBeCloseTo(37, 12);
  });

  it('leak only in the leak zone (leak_start, leak_end), the same fraction in all', () => {
    const of = run(
      `${belt('<len>4</len>', '0', '<outflow>out</outflow><outflow>loss</outflow>')}<flow name="in"><eqn>10</eqn></flow><flow name="out"><eqn>0</eqn></flow><flow name="loss" leak_start="0.5" leak_end="1"><eqn>0.2</eqn><leak/></flow>`,
    );
    // The second half of the belt is 2 of its 4 slats: 0.2 * 10 / 2 = 1 in each; 8 leaves.
    expect(of('loss')).toEqual([0, 0, 0, 1, 2, 2, 2, 2, 2]);
    expect(of('out')).toEqual([0, 0, 0, 0, 8, 8, 8, 8, 8]);
  });

  it('leak exponentially: the fraction per time unit of what each slat holds, each DT', () => {
    const of = run(
      `${belt('<len>2</len>', '0', '<outflow>out</outflow><outflow>loss</outflow>').replace('<conveyor>', '<conveyor exponential_leak="true">')}<flow name="in"><eqn>IF TIME = 0 THEN 100 ELSE 0</eqn></flow><flow name="out"><eqn>0</eqn></flow><flow name="loss"><eqn>0.1</eqn><leak/></flow>`,
    );
    // 100 enters at the DT after time 0; it loses 10% in each of its two DTs: 10, then 9; 81 leaves.
    expect(of('loss').slice(0, 4)).toEqual([0, 10, 9, 0]);
    expect(of('out').slice(0, 4)).toEqual([0, 0, 81, 0]);
  });

  it('cut the inflow to the inflow limit and to the room under capacity', () => {
    const limited = run(`${belt('<len>2</len><in_limit>3</in_limit>')}<flow name="in"><eqn>10</eqn></flow><flow name="out"><eqn>0</eqn></flow>`);
    expect(limited('in')).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(limited('out')).toEqual([0, 0, 3, 3, 3, 3, 3, 3, 3]);
    const full = run(`${belt('<len>4</len><capacity>25</capacity>')}<flow name="in"><eqn>10</eqn></flow><flow name="out"><eqn>0</eqn></flow>`);
    // 10, 10, then only 5 fits; then what leaves each DT is replaced.
    expect(full('in').slice(0, 6)).toEqual([10, 10, 5, 0, 10, 10]);
    expect(full('belt').every((x) => x <= 25)).toBe(true);
  });

  it('stop entirely while arrested', () => {
    const of = run(`${belt('<len>2</len><arrest>TIME &gt;= 3 AND TIME &lt; 5</arrest>')}<flow name="in"><eqn>10</eqn></flow><flow name="out"><eqn>0</eqn></flow>`);
    expect(of('in')).toEqual([10, 10, 10, 0, 0, 10, 10, 10, 10]);
    expect(of('out')).toEqual([0, 0, 10, 0, 0, 10, 10, 10, 10]);
    expect(of('belt')).toEqual([0, 10, 20, 20, 20, 20, 20, 20, 20]);
  });

  it('chain: the outflow of one conveyor is the inflow of the next, and the delays add up', () => {
    const of = run(
      `<stock name="a"><eqn>0</eqn><inflow>in</inflow><outflow>mid</outflow><conveyor><len>2</len></conveyor></stock>` +
        `<stock name="b"><eqn>0</eqn><inflow>mid</inflow><outflow>out</outflow><conveyor><len>3</len></conveyor></stock>` +
        `<flow name="in"><eqn>IF TIME = 0 THEN 7 ELSE 0</eqn></flow><flow name="mid"><eqn>0</eqn></flow><flow name="out"><eqn>0</eqn></flow>`,
    );
    expect(of('mid')).toEqual([0, 0, 7, 0, 0, 0, 0, 0, 0]);
    expect(of('out')).toEqual([0, 0, 0, 0, 0, 7, 0, 0, 0]);
  });

  it('discrete: the initial contents leave as one package per time unit, in its last DT', () => {
    // isee, Equation tab, conveyor options: "the packages are stacked in the last DT of each
    // conveyor slat". Transit 2 at DT 1/4: two packages of 4, leaving in the DTs at 0.75 and 1.75.
    const of = run(
      `${belt('<len>2</len>', '8').replace('<conveyor>', '<conveyor discrete="true">')}<flow name="in"><eqn>0</eqn></flow><flow name="out"><eqn>0</eqn></flow>`,
      '<start>0</start><stop>3</stop><dt>0.25</dt>',
    );
    expect(of('out')).toEqual([0, 0, 0, 16, 0, 0, 0, 16, 0, 0, 0, 0, 0]);
    expect(of('belt')).toEqual([8, 8, 8, 8, 4, 4, 4, 4, 0, 0, 0, 0, 0]);
  });

  it('discrete: the inflow limit is an amount per time unit, all of which may enter in one DT', () => {
    // Limit 2 per time unit at DT 1/4: the first DT of each time unit takes 2 (a rate of 8).
    const of = run(
      `${belt('<len>1</len><in_limit>2</in_limit>').replace('<conveyor>', '<conveyor discrete="true">')}<flow name="in"><eqn>10</eqn></flow><flow name="out"><eqn>0</eqn></flow>`,
      '<start>0</start><stop>2.5</stop><dt>0.25</dt>',
    );
    expect(of('in')).toEqual([8, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0]);
    expect(of('out')).toEqual([0, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0]);
    // The same limit on a continuous conveyor is a rate: 2 every DT.
    const smooth = run(`${belt('<len>1</len><in_limit>2</in_limit>')}<flow name="in"><eqn>10</eqn></flow><flow name="out"><eqn>0</eqn></flow>`, '<start>0</start><stop>1</stop><dt>0.25</dt>');
    expect(smooth('in')).toEqual([2, 2, 2, 2, 2]);
  });

  it('arrayed: each element is its own belt, with its own transit time and inflow', () => {
    const text =
      `<stock name="belt"><dimensions><dim name="City"/></dimensions><eqn>0</eqn><inflow>in</inflow><outflow>out</outflow><conveyor><len>transit</len></conveyor></stock>` +
      `<aux name="transit"><dimensions><dim name="City"/></dimensions><element subscript="a"><eqn>1</eqn></element><element subscript="b"><eqn>3</eqn></element></aux>` +
      `<flow name="in"><dimensions><dim name="City"/></dimensions><element subscript="a"><eqn>10</eqn></element><element subscript="b"><eqn>20</eqn></element></flow>` +
      `<flow name="out"><dimensions><dim name="City"/></dimensions><eqn>0</eqn></flow>`;
    const of = run(text, '<start>0</start><stop>5</stop><dt>1</dt>', '<dimensions><dim name="City"><elem name="a"/><elem name="b"/></dim></dimensions>');
    expect(of('out[a]')).toEqual([0, 10, 10, 10, 10, 10]);
    expect(of('out[b]')).toEqual([0, 0, 0, 20, 20, 20]);
    expect(of('belt[a]')).toEqual([0, 10, 10, 10, 10, 10]);
    expect(of('belt[b]')).toEqual([0, 20, 40, 60, 60, 60]);
  });

  it('arrayed: apply-to-all flows and a leak per element', () => {
    const text =
      `<stock name="belt"><dimensions><dim name="City"/></dimensions><eqn>0</eqn><inflow>in</inflow><outflow>out</outflow><outflow>loss</outflow><conveyor><len>2</len></conveyor></stock>` +
      `<flow name="in"><dimensions><dim name="City"/></dimensions><eqn>IF TIME = 0 THEN 100 ELSE 0</eqn></flow>` +
      `<flow name="out"><dimensions><dim name="City"/></dimensions><eqn>0</eqn></flow>` +
      `<flow name="loss"><dimensions><dim name="City"/></dimensions><eqn>rate</eqn><leak/></flow>` +
      `<aux name="rate"><dimensions><dim name="City"/></dimensions><element subscript="a"><eqn>0.2</eqn></element><element subscript="b"><eqn>0.4</eqn></element></aux>`;
    const of = run(text, '<start>0</start><stop>4</stop><dt>1</dt>', '<dimensions><dim name="City"><elem name="a"/><elem name="b"/></dim></dimensions>');
    // Linear leak: fraction * 100 / 2 slats in each of the 2 DTs the batch rides.
    expect(of('loss[a]')).toEqual([0, 10, 10, 0, 0]);
    expect(of('loss[b]')).toEqual([0, 20, 20, 0, 0]);
    expect(of('out[a]')).toEqual([0, 0, 80, 0, 0]);
    expect(of('out[b]')).toEqual([0, 0, 60, 0, 0]);
  });
});

describe('conveyors from untrusted files', () => {
  it('cut an absurd transit time to the longest belt, and treat one that is not a number as one slat', async () => {
    const { createConveyorBelts, MAX_SLATS } = await import('../codegen/conveyor-belts.js');
    const belts = createConveyorBelts({ start: 0, dt: 1 });
    // 1e300 DTs: the belt is MAX_SLATS long, so 1 spread over it leaves at 1 / MAX_SLATS per DT.
    expect(belts.belt(0, 0, 1, 1e300, 0, 1, 0)).toBe(1 / MAX_SLATS);
    expect(belts.belt(1, 0, 6, NaN, 0, 1, 0)).toBe(6);
    expect(belts.belt(2, 0, 6, -5, 0, 1, 0)).toBe(6);
  });
});
