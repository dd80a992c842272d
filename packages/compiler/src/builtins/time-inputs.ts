import type { BuiltinSpec } from './types.js';

/** The clock, and test inputs that switch on at given times. */
export const TIME_INPUT_BUILTINS: BuiltinSpec[] = [
  {
    name: 'TIME',
    family: 'time-input',
    params: [],
    summary: 'The current simulation time.',
    dialects: ['xmile', 'vensim'],
    bare: true,
    timeVarying: true,
    emit: (_args, ctx) => ctx.time,
  },
  {
    name: 'DT',
    aliases: ['TIME_STEP'],
    family: 'time-input',
    params: [],
    summary: 'The integration time step.',
    dialects: ['xmile', 'vensim'],
    bare: true,
    emit: (_args, ctx) => ctx.dt,
  },
  {
    name: 'STARTTIME',
    aliases: ['INITIAL_TIME'],
    family: 'time-input',
    params: [],
    summary: 'The time the run starts.',
    dialects: ['xmile', 'vensim'],
    bare: true,
    emit: (_args, ctx) => ctx.start,
  },
  {
    name: 'STOPTIME',
    aliases: ['FINAL_TIME'],
    family: 'time-input',
    params: [],
    summary: 'The time the run ends.',
    dialects: ['xmile', 'vensim'],
    bare: true,
    emit: (_args, ctx) => ctx.stop,
  },
  {
    name: 'PULSE',
    family: 'time-input',
    params: [{ name: 'a' }, { name: 'b', optional: true }, { name: 'c', optional: true }],
    summary:
      'XMILE/Stella PULSE(volume, first, interval): volume/DT for one step at `first` (default: the start time) and every `interval` after it (none when interval is 0 or absent), so the volume is delivered in one step. Vensim PULSE(start, width): 1 from start for width (one DT when width is 0), else 0.',
    dialects: ['xmile', 'vensim'],
    differences:
      'The two tools give the name different arguments and meaning; Sluice follows the project dialect. Vensim compares times with half a DT of slack, as Vensim does.',
    timeVarying: true,
    emit: (args, ctx) =>
      ctx.dialect === 'vensim'
        ? `h.pulseVensim(${ctx.time}, ${ctx.dt}, ${args[0]}, ${args[1] ?? '0'})`
        : `h.pulse(${ctx.time}, ${ctx.dt}, ${args[0]}, ${args[1] ?? ctx.start}, ${args[2] ?? '0'})`,
  },
  {
    name: 'STEP',
    family: 'time-input',
    params: [{ name: 'height' }, { name: 'time' }],
    summary: '0 before `time`, then `height`.',
    dialects: ['xmile', 'vensim'],
    differences:
      'Stella switches at the first step at or after `time`; Vensim when TIME + DT/2 > `time`. They differ only when `time` is not a multiple of DT.',
    timeVarying: true,
    emit: ([height, at], ctx) =>
      ctx.dialect === 'vensim'
        ? `((${ctx.time}) + (${ctx.dt}) / 2 > (${at}) ? (${height}) : 0)`
        : `h.step(${ctx.time}, ${ctx.dt}, ${height}, ${at})`,
  },
  {
    name: 'RAMP',
    family: 'time-input',
    params: [{ name: 'slope' }, { name: 'start', optional: true }, { name: 'end', optional: true }],
    summary:
      '0 until `start` (default: the start time), then rising by `slope` per time unit; constant after `end` when given.',
    dialects: ['xmile', 'vensim'],
    differences: 'Vensim requires `end`; Stella has no `end`. Sluice accepts both forms in both dialects.',
    timeVarying: true,
    emit: ([slope, start, end], ctx) =>
      `h.ramp(${ctx.time}, ${slope}, ${start ?? ctx.start}, ${end ?? '(1 / 0)'})`,
  },
];
