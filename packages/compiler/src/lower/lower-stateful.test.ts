import { describe, expect, it } from 'vitest';
import { lowerStatefulBuiltins } from './lower-stateful.js';
import { loweredArity, loweredNames } from './stateful/builtins.js';
import { findBuiltin } from '../builtins/registry.js';
import { aux, describeAll, project } from './fixtures.test.js';
import type { Project } from '@sluice/ir';

function lowered(p: Project): string[] {
  const r = lowerStatefulBuiltins(p);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return describeAll(r.value);
}

describe('stateful builtins, XMILE dialect', () => {
  it('SMTH1 becomes one stock adjusting toward the input, starting at the input', () => {
    expect(lowered(project([aux('x', '10'), aux('s', 'SMTH1(x, 5)')]))).toEqual([
      'aux x = 10',
      'aux s = "#smth1_1.stock"',
      'flow #smth1_1.flow = (x - "#smth1_1.stock") / 5',
      'stock #smth1_1.stock = x in [#smth1_1.flow] out []',
    ]);
  });

  it('SMTH1 with an initial value starts the stock there', () => {
    expect(lowered(project([aux('s', 'SMTH1(x, t, 3)')])).at(-1)).toBe('stock #smth1_1.stock = 3 in [#smth1_1.flow] out []');
  });

  it('SMTH3 cascades three stocks, each over a third of the time', () => {
    expect(lowered(project([aux('s', 'SMTH3(x, 6)')]))).toEqual([
      'aux s = "#smth3_1.stock3"',
      'flow #smth3_1.flow1 = (x - "#smth3_1.stock1") / 2',
      'stock #smth3_1.stock1 = x in [#smth3_1.flow1] out []',
      'flow #smth3_1.flow2 = ("#smth3_1.stock1" - "#smth3_1.stock2") / 2',
      'stock #smth3_1.stock2 = x in [#smth3_1.flow2] out []',
      'flow #smth3_1.flow3 = ("#smth3_1.stock2" - "#smth3_1.stock3") / 2',
      'stock #smth3_1.stock3 = x in [#smth3_1.flow3] out []',
    ]);
  });

  it('DELAY1 holds input times delay and releases stock/delay', () => {
    expect(lowered(project([aux('d', 'DELAY1(x, t)')]))).toEqual([
      'aux d = "#delay1_1.outflow"',
      'flow #delay1_1.inflow = x',
      'flow #delay1_1.outflow = "#delay1_1.stock" / t',
      'stock #delay1_1.stock = x * t in [#delay1_1.inflow] out [#delay1_1.outflow]',
    ]);
  });

  it('DELAY3 with an initial value fills each of three stages with initial * delay/3', () => {
    const out = lowered(project([aux('d', 'DELAY3(x, t, 4)')]));
    expect(out[0]).toBe('aux d = "#delay3_1.outflow3"');
    expect(out.filter((l) => l.startsWith('stock'))).toEqual([
      'stock #delay3_1.stock1 = 4 * (t / 3) in [#delay3_1.inflow] out [#delay3_1.outflow1]',
      'stock #delay3_1.stock2 = 4 * (t / 3) in [#delay3_1.outflow1] out [#delay3_1.outflow2]',
      'stock #delay3_1.stock3 = 4 * (t / 3) in [#delay3_1.outflow2] out [#delay3_1.outflow3]',
    ]);
    expect(out).toContain('flow #delay3_1.outflow3 = "#delay3_1.stock3" / (t / 3)');
  });

  it('DELAYN and SMTHN take their order from a constant, read at the start', () => {
    const out = lowered(project([aux('n', '1 + 1'), aux('d', 'DELAYN(x, 4, n)'), aux('s', 'SMTHN(x, 4, n, 0)')]));
    expect(out.filter((l) => l.startsWith('stock'))).toEqual([
      'stock #delayn_1.stock1 = x * 2 in [#delayn_1.inflow] out [#delayn_1.outflow1]',
      'stock #delayn_1.stock2 = x * 2 in [#delayn_1.outflow1] out [#delayn_1.outflow2]',
      'stock #smthn_1.stock1 = 0 in [#smthn_1.flow1] out []',
      'stock #smthn_1.stock2 = 0 in [#smthn_1.flow2] out []',
    ]);
  });

  it('TREND averages the input, starting from the initial trend, and divides the gap by time * average', () => {
    expect(lowered(project([aux('g', 'TREND(x, 4, 0.1)')]))).toEqual([
      'aux g = "#trend_1.trend"',
      'flow #trend_1.change = (x - "#trend_1.average") / 4',
      'stock #trend_1.average = x / (1 + 0.1 * 4) in [#trend_1.change] out []',
      'aux #trend_1.trend = (x - "#trend_1.average") / (4 * "#trend_1.average")',
    ]);
  });

  it('FORCST extrapolates the input along its trend over the horizon', () => {
    const out = lowered(project([aux('f', 'FORCST(x, 4, 10)')]));
    expect(out[0]).toBe('aux f = "#forcst_1.forecast"');
    expect(out).toContain('stock #forcst_1.average = x in [#forcst_1.change] out []');
    expect(out).toContain('aux #forcst_1.forecast = x * (1 + "#forcst_1.trend" * 10)');
  });

  it('lowers a call nested in an expression and an expression as argument, the latter through an aux', () => {
    expect(lowered(project([aux('y', '1 + SMTH1(a * b, 2) * 3')]))).toEqual([
      'aux y = 1 + "#smth1_1.stock" * 3',
      'aux #smth1_1.input = a * b',
      'flow #smth1_1.flow = ("#smth1_1.input" - "#smth1_1.stock") / 2',
      'stock #smth1_1.stock = "#smth1_1.input" in [#smth1_1.flow] out []',
    ]);
  });

  it('lowers a call inside an argument of another, innermost first', () => {
    const out = lowered(project([aux('y', 'SMTH1(DELAY1(x, 2), 3)')]));
    expect(out[0]).toBe('aux y = "#smth1_1.stock"');
    expect(out).toContain('flow #smth1_1.flow = ("#delay1_1.outflow" - "#smth1_1.stock") / 3');
    expect(out).toContain('stock #smth1_1.stock = "#delay1_1.outflow" in [#smth1_1.flow] out []');
  });

  it('numbers calls of each function in order of appearance', () => {
    const out = lowered(project([aux('a', 'SMTH1(x, 1)'), aux('b', 'SMTH1(x, 2) + DELAY1(x, 3)')]));
    expect(out.slice(0, 2)).toEqual(['aux a = "#smth1_1.stock"', 'aux b = "#smth1_2.stock" + "#delay1_1.outflow"']);
  });

  it('gives the hidden variables of a call in an arrayed equation the same dimensions', () => {
    expect(lowered(project([aux('s', 'SMTH1(x[Region], 5)', ['Region'])]))).toEqual([
      'aux s[Region] = "#smth1_1.stock"[Region]',
      'flow #smth1_1.flow[Region] = (x[Region] - "#smth1_1.stock"[Region]) / 5',
      'stock #smth1_1.stock[Region] = x[Region] in [#smth1_1.flow] out []',
    ]);
  });

  it('makes scalar hidden variables for a call in one element\'s equation, pinning the dimension to it', () => {
    const p = project([
      {
        kind: 'aux',
        name: 's',
        ident: 's',
        dimensions: ['Region'],
        elements: [
          { subscripts: ['north'], equation: { text: '', expr: aux('_', 'SMTH1(x[Region], 5)').equation!.expr } },
          { subscripts: ['south'], equation: { text: '', expr: aux('_', '0').equation!.expr } },
        ],
      },
    ]);
    const r = lowerStatefulBuiltins(p);
    if (!r.ok) throw new Error('lowering failed');
    const vars = r.value.models[0]!.variables;
    expect(describeAll(r.value).slice(1)).toEqual([
      'flow #smth1_1.flow = (x[north] - "#smth1_1.stock") / 5',
      'stock #smth1_1.stock = x[north] in [#smth1_1.flow] out []',
    ]);
    const s = vars[0]!;
    expect(s.elements?.[0]?.equation.expr).toMatchObject({ kind: 'var', name: '#smth1_1.stock' });
    expect(vars.slice(1).every((v) => v.hidden === true && v.ident.startsWith('#'))).toBe(true);
  });
});

describe('stateful builtins, Vensim dialect', () => {
  const vensim = (vars: ReturnType<typeof aux>[]) => project(vars, { dialect: 'vensim' });

  it('SMOOTH integrates a net rate, as Vensim\'s INTEG does', () => {
    expect(lowered(vensim([aux('s', 'SMOOTH(x, 5)')]))).toEqual([
      'aux s = "#smooth_1.stock"',
      'aux #smooth_1.flow = (x - "#smooth_1.stock") / 5',
      'stock #smooth_1.stock = x net "#smooth_1.flow"',
    ]);
  });

  it('SMOOTHI, SMOOTH3I and DELAY1I take their initial value as third argument', () => {
    const out = lowered(vensim([aux('a', 'SMOOTHI(x, 5, 2)'), aux('b', 'SMOOTH3I(x, 6, 7)'), aux('c', 'DELAY1I(x, 5, 2)')]));
    expect(out).toContain('stock #smoothi_1.stock = 2 net "#smoothi_1.flow"');
    expect(out).toContain('stock #smooth3i_1.stock3 = 7 net "#smooth3i_1.flow3"');
    expect(out).toContain('stock #delay1i_1.stock = 2 * 5 net "#delay1i_1.inflow" - "#delay1i_1.outflow"');
  });

  it('DELAY N reads its order at the initial time, even from a variable that steps later', () => {
    const out = lowered(vensim([aux('order', '2 + STEP(1, 10)'), aux('d', 'DELAY_N(x, 4, 6, order)')]));
    expect(out.filter((l) => l.startsWith('stock'))).toEqual([
      'stock #delay_n_1.stock1 = 6 * 2 net "#delay_n_1.inflow" - "#delay_n_1.outflow1"',
      'stock #delay_n_1.stock2 = 6 * 2 net "#delay_n_1.outflow1" - "#delay_n_1.outflow2"',
    ]);
  });

  it('DELAY N passes a change of delay time down its stages one step at a time', () => {
    const out = lowered(vensim([aux('d', 'DELAY_N(x, lag, 0, 3)')]));
    expect(out).toEqual([
      'aux d = "#delay_n_1.outflow3"',
      'aux #delay_n_1.time2 = PREVIOUS(lag)',
      'aux #delay_n_1.time3 = PREVIOUS("#delay_n_1.time2")',
      'aux #delay_n_1.inflow = x',
      'aux #delay_n_1.outflow1 = "#delay_n_1.stock1" / (lag / 3)',
      'stock #delay_n_1.stock1 = 0 * (lag / 3) net "#delay_n_1.inflow" - "#delay_n_1.outflow1"',
      'aux #delay_n_1.outflow2 = "#delay_n_1.stock2" / ("#delay_n_1.time2" / 3)',
      'stock #delay_n_1.stock2 = 0 * (lag / 3) net "#delay_n_1.outflow1" - "#delay_n_1.outflow2"',
      'aux #delay_n_1.outflow3 = "#delay_n_1.stock3" / ("#delay_n_1.time3" / 3)',
      'stock #delay_n_1.stock3 = 0 * (lag / 3) net "#delay_n_1.outflow2" - "#delay_n_1.outflow3"',
    ]);
  });

  it('TREND divides by the absolute average through ZIDZ', () => {
    expect(lowered(vensim([aux('g', 'TREND(x, 4, 0)')]))).toContain(
      'aux #trend_1.trend = ZIDZ(x - "#trend_1.average", 4 * ABS("#trend_1.average"))',
    );
  });

  it('FORECAST starts its average at the input', () => {
    const out = lowered(vensim([aux('f', 'FORECAST(x, 4, 10)')]));
    expect(out).toContain('stock #forecast_1.average = x net "#forecast_1.change"');
    expect(out).toContain('aux #forecast_1.trend = ZIDZ(x - "#forecast_1.average", 4 * "#forecast_1.average")');
  });

  it('NPV discounts the stream with a decaying factor and reports the accumulation times factor', () => {
    expect(lowered(vensim([aux('v', 'NPV(cash, 0.1, 0, 1)')]))).toEqual([
      'aux v = "#npv_1.npv"',
      'aux #npv_1.discounting = "#npv_1.discount_factor" * 0.1 / (1 + 0.1 * DT)',
      'stock #npv_1.discount_factor = 1 net -"#npv_1.discounting"',
      'aux #npv_1.accrual = cash * "#npv_1.discount_factor"',
      'stock #npv_1.accumulated = 0 net "#npv_1.accrual"',
      'aux #npv_1.npv = "#npv_1.accumulated" + cash * DT * "#npv_1.discount_factor"',
    ]);
  });
});

describe('stateful builtins: errors', () => {
  it('reports a wrong argument count naming the function and the counts it takes', () => {
    const p = project([aux('s', 'SMTH1(x)')]);
    p.models[0]!.variables[0]!.loc = { file: 'm.xmile', line: 7, column: 3 };
    const r = lowerStatefulBuiltins(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'argument-count', message: 'SMTH1 takes 2 or 3 arguments, not 1', variable: 's' });
    expect(r.diagnostics[0]!.loc).toMatchObject({ line: 1, column: 1 });
  });

  it('refuses an order that is not known at the start', () => {
    const r = lowerStatefulBuiltins(project([aux('d', 'DELAYN(x, 4, TIME * 0 + x)')]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('non-constant-order');
  });

  it('refuses an order so large it would only exhaust memory', () => {
    const r = lowerStatefulBuiltins(project([aux('d', 'DELAYN(x, 4, 1e9)')]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('bad-order');
  });

  it('refuses an order below one', () => {
    const r = lowerStatefulBuiltins(project([aux('d', 'SMTHN(x, 4, 0)')]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: 'bad-order', message: 'SMTHN: the order of a delay or smooth must be from 1 to 1000, not 0' });
  });
});

describe('stateful builtins in the builtin table', () => {
  it('has an entry, marked lowered, for every name lowering handles, with the counts its form allows', () => {
    for (const dialect of ['xmile', 'vensim'] as const) {
      for (const name of loweredNames(dialect)) {
        const spec = findBuiltin(name);
        expect(spec?.lowered, `${dialect}:${name}`).toBe(true);
      }
    }
    expect(loweredArity('SMTHN', 'xmile')).toEqual([3, 4]);
    expect(loweredArity('DELAY1', 'xmile')).toEqual([2, 3]);
    expect(loweredArity('DELAY1', 'vensim')).toEqual([2]);
    expect(loweredArity('TREND', 'vensim')).toEqual([3]);
    expect(loweredArity('DELAY_N', 'vensim')).toEqual([4]);
  });

  it('refuses a call with a count the table does not allow, naming the counts', () => {
    const r = lowerStatefulBuiltins(project([aux('d', 'SMTH1(x)')]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]?.message).toBe('SMTH1 takes 2 or 3 arguments, not 1');
  });
});
