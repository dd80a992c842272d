import { DISTRIBUTION } from '../codegen/distributions.js';
import type { BuiltinParam, BuiltinSpec } from './types.js';

const NO_MIN = '(-1 / 0)';
const NO_MAX = '(1 / 0)';

/** `h.draw(...)`: distribution `kind` with up to three parameters, then shift, stretch and truncation. */
const draw = (kind: number, [a = '0', b = '0', c = '0']: string[], min = NO_MIN, max = NO_MAX, shift = '0', stretch = '1'): string =>
  `h.draw(${kind}, ${a}, ${b}, ${c}, ${shift}, ${stretch}, ${min}, ${max})`;

/** Stella's trailing optional arguments: a seed (see the family note), then truncation bounds. */
const seedMinMax: BuiltinParam[] = [
  { name: 'seed', optional: true },
  { name: 'min', optional: true },
  { name: 'max', optional: true },
];

const SEED_NOTE = "Stella seeds each call from its own seed argument; Sluice draws every call from the run's one seeded stream.";
const TRUNCATION = 'With min and max, values outside [min, max] are redrawn (at most 10000 times, then clamped).';

/** An XMILE/Stella distribution with `n` parameters, then the optional seed, min and max. */
function xmile(name: string, kind: number, params: string[], summary: string, differences?: string): BuiltinSpec {
  return {
    name,
    family: 'random',
    params: [...params.map((p) => ({ name: p })), ...seedMinMax],
    summary: `${summary} ${TRUNCATION}`,
    dialects: ['xmile'],
    differences: differences ? `${differences} ${SEED_NOTE}` : SEED_NOTE,
    timeVarying: true,
    emit: (args) => draw(kind, args.slice(0, params.length), args[params.length + 1], args[params.length + 2]),
  };
}

/**
 * Random draws. Each call gives a new draw every time it is evaluated (every step, and every
 * Runge-Kutta stage). The stream comes from the run's seed (`simulate(..., { seed })`), so a
 * run repeats exactly; a seed argument in the equation is accepted and ignored.
 */
export const RANDOM_BUILTINS: BuiltinSpec[] = [
  {
    name: 'RANDOM',
    aliases: ['UNIFORM'],
    family: 'random',
    params: [{ name: 'min' }, { name: 'max' }, { name: 'seed', optional: true }],
    summary: 'A number drawn uniformly from [min, max).',
    dialects: ['xmile'],
    differences: SEED_NOTE,
    timeVarying: true,
    emit: ([min, max]) => `h.uniform(${min}, ${max})`,
  },
  xmile('NORMAL', DISTRIBUTION.normal, ['mean', 'sd'], 'A number drawn from a normal distribution.'),
  xmile(
    'LOGNORMAL',
    DISTRIBUTION.lognormal,
    ['mean', 'sd'],
    'A number drawn from a log-normal distribution whose own mean and standard deviation are `mean` and `sd` (its logarithm has variance ln(1 + sd²/mean²)).',
  ),
  xmile('EXPRND', DISTRIBUTION.exponential, ['mean'], 'A number drawn from an exponential distribution with the given mean.'),
  xmile('POISSON', DISTRIBUTION.poisson, ['mean'], 'A whole number drawn from a Poisson distribution with the given mean (above a mean of 1e6, a rounded normal approximation).'),
  xmile('BINOMIAL', DISTRIBUTION.binomial, ['n', 'p'], 'The number of successes in n (rounded) trials of probability p.'),
  xmile('GAMMA', DISTRIBUTION.gamma, ['shape', 'scale'], 'A number drawn from a gamma distribution (mean shape * scale).'),
  xmile('BETA', DISTRIBUTION.beta, ['alpha', 'beta'], 'A number in [0, 1] drawn from a beta distribution (mean alpha / (alpha + beta)).'),
  xmile('WEIBULL', DISTRIBUTION.weibull, ['shape', 'scale'], 'A number drawn from a Weibull distribution: scale * (-ln U)^(1/shape).'),
  xmile('TRIANGULAR', DISTRIBUTION.triangular, ['lower', 'mode', 'upper'], 'A number drawn from the triangular distribution from lower to upper peaking at mode.'),
  {
    name: 'RANDOM_0_1',
    family: 'random',
    params: [],
    summary: 'Vensim: a number drawn uniformly from [0, 1).',
    dialects: ['vensim'],
    timeVarying: true,
    emit: () => 'h.uniform(0, 1)',
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
    summary: 'Vensim: a number drawn from a normal distribution truncated to [min, max] (values outside are redrawn).',
    dialects: ['vensim'],
    differences: 'Vensim truncates by redrawing (RANDOM NORMAL(0, 1000, 0, 1, 0) has the half-normal mean 0.798), as Sluice does.',
    timeVarying: true,
    emit: ([min, max, mean, sd]) => draw(DISTRIBUTION.normal, [mean!, sd!], min, max),
  },
  {
    name: 'RANDOM_EXPONENTIAL',
    family: 'random',
    params: [{ name: 'min' }, { name: 'max' }, { name: 'shift' }, { name: 'stretch' }, { name: 'seed' }],
    summary: 'Vensim: shift + stretch * X, X exponential with mean 1, truncated to [min, max] (values outside are redrawn).',
    dialects: ['vensim'],
    timeVarying: true,
    emit: ([min, max, shift, stretch]) => draw(DISTRIBUTION.exponential, ['1'], min, max, shift, stretch),
  },
  {
    name: 'RANDOM_POISSON',
    family: 'random',
    params: [{ name: 'min' }, { name: 'max' }, { name: 'mean' }, { name: 'stretch' }, { name: 'shift' }, { name: 'seed' }],
    summary: 'Vensim: shift + stretch * X, X Poisson with the given mean, truncated to [min, max] (values outside are redrawn).',
    dialects: ['vensim'],
    timeVarying: true,
    emit: ([min, max, mean, stretch, shift]) => draw(DISTRIBUTION.poisson, [mean!], min, max, shift, stretch),
  },
];
