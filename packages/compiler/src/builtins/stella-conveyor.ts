import type { BuiltinSpec } from './types.js';

/**
 * The calls lowering writes for a conveyor (`lower/conveyors.ts`) and a queue (`lower/queues.ts`):
 * the belts and queues themselves live in the run's helpers (`codegen/conveyor-belts.ts`,
 * `codegen/queues.ts`), and these read and feed them. The first argument is the conveyor's or
 * queue's number (an arrayed conveyor's elements have consecutive numbers), the second the
 * leak's, inflow's or outflow's.
 */
const internal = (name: string, params: string[], summary: string, emit: BuiltinSpec['emit']): BuiltinSpec => ({
  name,
  family: 'memory',
  params: params.map((p) => ({ name: p })),
  summary,
  dialects: ['xmile'],
  internal: true,
  timeVarying: true,
  emit,
});

export const CONVEYOR_BUILTINS: BuiltinSpec[] = [
  internal(
    '#CONVEYOR',
    ['conveyor', 'initial', 'transit_time', 'arrest', 'has_outflow', 'leak_specs', 'discrete'],
    'The rate at which material leaves the end of the conveyor this DT (advancing the belt when a new DT begins).',
    ([k, initial, transit, arrest, hasOut, specs, discrete], ctx) =>
      `h.conveyors.belt(${k}, ${ctx.time}, ${initial}, ${transit}, ${arrest}, ${hasOut}, ${specs}, ${discrete})`,
  ),
  internal(
    '#CONVEYOR_LEAK_SPEC',
    ['conveyor', 'leak', 'fraction', 'zone_start', 'zone_end', 'linear'],
    'Records a leak of the conveyor for this DT; its value is 0.',
    ([k, j, f, s, e, lin]) => `h.conveyors.leakSpec(${k}, ${j}, ${f}, ${s}, ${e}, ${lin})`,
  ),
  internal(
    '#CONVEYOR_LEAK',
    ['conveyor', 'leak', 'belt'],
    'What a leak of the conveyor takes this DT, as a rate.',
    ([k, j, belt]) => `h.conveyors.leak(${k}, ${j}, ${belt})`,
  ),
  internal(
    '#CONVEYOR_INFLOW',
    ['conveyor', 'inflow', 'value', 'limit', 'capacity', 'belt'],
    'An inflow of the conveyor, cut to its inflow limit and to the room under its capacity.',
    ([k, j, value, limit, cap, belt]) => `h.conveyors.inflow(${k}, ${j}, ${value}, ${limit}, ${cap}, ${belt})`,
  ),
  internal(
    '#CONVEYOR_ROOM',
    ['conveyor', 'inflow', 'limit', 'capacity', 'belt'],
    'The most an inflow of the conveyor could bring in this DT, as a rate: what a queue upstream may release to it.',
    ([k, j, limit, cap, belt]) => `h.conveyors.room(${k}, ${j}, ${limit}, ${cap}, ${belt})`,
  ),
  internal(
    '#QUEUE',
    ['queue', 'initial'],
    'What the queue holds this DT (committing the DT before when a new DT begins).',
    ([k, initial], ctx) => `h.queues.queue(${k}, ${ctx.time}, ${initial})`,
  ),
  internal(
    '#QUEUE_OUTFLOW',
    ['queue', 'outflow', 'want', 'room', 'whole_batches', 'one_batch', 'overflow', 'before'],
    'An outflow of the queue: from the front, up to what it wants and what the room downstream allows.',
    ([k, j, want, room, whole, one, overflow, before]) => `h.queues.outflow(${k}, ${j}, ${want}, ${room}, ${whole}, ${one}, ${overflow}, ${before})`,
  ),
  internal(
    '#QUEUE_INFLOW',
    ['queue', 'inflow', 'value', 'queue_now'],
    'An inflow of the queue: its material this DT joins the back of the queue as one batch.',
    ([k, j, value, now]) => `h.queues.inflow(${k}, ${j}, ${value}, ${now})`,
  ),
];
