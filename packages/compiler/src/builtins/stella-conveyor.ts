import type { BuiltinSpec } from './types.js';

/**
 * The calls lowering writes for a conveyor (`lower/conveyors.ts`): the belt itself lives in
 * the run's helpers (`codegen/conveyor-belts.ts`), and these read and feed it. The first
 * argument is the conveyor's number, the second (after it) the leak's or inflow's.
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
    ['conveyor', 'initial', 'transit_time', 'arrest', 'has_outflow', 'leak_specs'],
    'The rate at which material leaves the end of the conveyor this DT (advancing the belt when a new DT begins).',
    ([k, initial, transit, arrest, hasOut, specs], ctx) => `h.conveyors.belt(${k}, ${ctx.time}, ${initial}, ${transit}, ${arrest}, ${hasOut}, ${specs})`,
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
];
