import type { Dialect, Expr } from '@sluice/ir';
import { add, bin, call, div, mul, num, sub } from '../expr-build.js';
import type { SubModel } from '../sub-model.js';

/**
 * TREND: the average fractional growth rate of the input. A first-order smooth of the input
 * (the "average") starts at input/(1 + initial trend * averaging time), so the trend starts at
 * the initial trend, and the trend is (input - average)/(averaging time * average).
 *
 * Vensim writes it ZIDZ(input - average, averaging time * ABS(average)): zero rather than a
 * division by zero, and the sign of the gap kept when the average is negative. Stella (and the
 * XMILE standard) divide by the average itself.
 */
export function trend(b: SubModel, dialect: Dialect, input: Expr, time: Expr, initialTrend: Expr): Expr {
  const average = averageOf(b, input, time, initialTrend);
  const gap = sub(input, average);
  const expr = dialect === 'vensim'
    ? call('ZIDZ', [gap, mul(time, call('ABS', [average]))])
    : div(gap, mul(time, average));
  return b.auxOf('trend', expr);
}

/**
 * FORCST (Stella) and FORECAST (Vensim): the input extrapolated `horizon` ahead along its
 * trend, input * (1 + trend * horizon). Vensim's FORECAST has no initial-trend argument (its
 * average starts at the input) and divides with ZIDZ by the average without ABS, as its
 * reference gives it.
 */
export function forecast(b: SubModel, dialect: Dialect, input: Expr, time: Expr, horizon: Expr, initialTrend: Expr): Expr {
  const average = averageOf(b, input, time, initialTrend);
  const gap = sub(input, average);
  const growth = dialect === 'vensim' ? call('ZIDZ', [gap, mul(time, average)]) : div(gap, mul(time, average));
  const trendRef = b.auxOf('trend', growth);
  return b.auxOf('forecast', mul(input, add(num(1), mul(trendRef, horizon))));
}

function averageOf(b: SubModel, input: Expr, time: Expr, initialTrend: Expr): Expr {
  const initial = initialTrend.kind === 'number' && initialTrend.value === 0
    ? input
    : div(input, add(num(1), mul(initialTrend, time)));
  b.flow('change', div(sub(input, b.ref('average')), time));
  return b.stock('average', initial, ['change'], []);
}

/**
 * Vensim's NPV(stream, discount rate, initial value, factor), as its reference defines it:
 * a discount factor that starts at 1 and decays at rate/(1 + rate*TIME STEP), an accumulation
 * of stream*factor, and the result (accumulation + stream*TIME STEP*discount factor)*factor.
 */
export function npv(b: SubModel, stream: Expr, rate: Expr, initial: Expr, factor: Expr, timeStep: Expr): Expr {
  const df = b.ref('discount_factor');
  b.flow('discounting', div(mul(df, rate), add(num(1), mul(rate, timeStep))));
  b.stock('discount_factor', num(1), [], ['discounting']);
  b.flow('accrual', mul(stream, df));
  const accumulated = b.stock('accumulated', initial, ['accrual'], []);
  return b.auxOf('npv', mul(bin('+', accumulated, mul(mul(stream, timeStep), df)), factor));
}
