import type { BuiltinSpec } from './types.js';

/**
 * Random draws. Each call gives a new draw every time it is evaluated (every step, and every
 * Runge-Kutta stage). The stream comes from the run's seed (`simulate(..., { seed })`), so a
 * run repeats exactly; a seed argument in the equation is accepted and ignored.
 */
export const RANDOM_BUILTINS: BuiltinSpec[] = [
  {
    name: 'RANDOM',
    family: 'random',
    params: [{ name: 'min' }, { name: 'max' }, { name: 'seed', optional: true }],
    summary: 'A number drawn uniformly from [min, max).',
    dialects: ['xmile'],
    differences: "Stella seeds each call from its own seed argument; Sluice draws every call from the run's one seeded stream.",
    timeVarying: true,
    emit: ([min, max]) => `h.uniform(${min}, ${max})`,
  },
  {
    name: 'NORMAL',
    family: 'random',
    params: [{ name: 'mean' }, { name: 'sd' }, { name: 'seed', optional: true }, { name: 'min', optional: true }, { name: 'max', optional: true }],
    summary: 'A number drawn from a normal distribution; with min and max, clamped to [min, max].',
    dialects: ['xmile'],
    differences: 'Stella redraws values outside [min, max]; Sluice clamps them.',
    timeVarying: true,
    emit: ([mean, sd, _seed, min, max]) => `h.normal(${mean}, ${sd}, ${min ?? '(-1 / 0)'}, ${max ?? '(1 / 0)'})`,
  },
  {
    name: 'RANDOM_UNIFORM',
    family: 'random',
    params: [{ name: 'min' }, { name: 'max' }, { name: 'seed' }],
    summary: 'Vensim: a number drawn uniformly from [min, max).',
    dialects: ['vensim'],
    differences: "Vensim's stream differs from Sluice's: compare moments, not values.",
    timeVarying: true,
    emit: ([min, max]) => `h.uniform(${min}, ${max})`,
  },
  {
    name: 'RANDOM_NORMAL',
    family: 'random',
    params: [{ name: 'min' }, { name: 'max' }, { name: 'mean' }, { name: 'sd' }, { name: 'seed' }],
    summary: 'Vensim: a number drawn from a normal distribution, clamped to [min, max].',
    dialects: ['vensim'],
    differences: 'Vensim truncates by clamping, as Sluice does.',
    timeVarying: true,
    emit: ([min, max, mean, sd]) => `h.normal(${mean}, ${sd}, ${min}, ${max})`,
  },
];
