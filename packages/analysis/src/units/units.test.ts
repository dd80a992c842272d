import { describe, expect, it } from 'vitest';
import { parseSluice } from '@sluice/language';
import { checkUnits } from './check-units.js';
import { formatUnit, parseUnit } from './unit.js';

const text = (s: string) => {
  const r = parseUnit(s);
  return r.ok ? formatUnit(r.unit) : `error: ${r.message}`;
};

describe('reading units', () => {
  it('reads products, quotients, powers, parentheses and names with spaces', () => {
    expect(text('children/month')).toBe('children/month');
    expect(text('1/month')).toBe('1/month');
    expect(text('£/week')).toBe('£/week');
    expect(text('people*people/(person*Day)')).toBe('people^2/(day*person)');
    expect(text('Degrees Fahrenheit/Minute')).toBe('degrees_fahrenheit/minute');
    expect(text('m^2')).toBe('m^2');
    expect(text('dmnl')).toBe('dmnl');
    expect(text('')).toBe('dmnl');
    expect(text('case-equivalents/FTE')).toBe('case-equivalents/fte');
    expect(text('a/(b')).toBe('error: expected \')\' in "a/(b"');
  });
});

function findings(model: string): string[] {
  const r = parseSluice(model);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return checkUnits(r.value).map((f) => `${f.loc?.line ?? '?'}: ${f.message}`);
}

describe('checking units', () => {
  it('accepts a consistent model, with aliases and plurals', () => {
    expect(
      findings(
        'sim start 0 stop 5 dt 1 units months\nunit person\n  alias people\nstock p = 100\n  outflow deaths\n  units people\nflow deaths = p / lifetime\n  units persons/month\nconst lifetime = 70\n  units month\n',
      ),
    ).toEqual([]);
  });

  it('reports an equation whose units differ from the declared ones', () => {
    expect(findings('sim start 0 stop 5 dt 1\naux a = b * c\n  units GBP\nconst b = 1\n  units GBP/week\nconst c = 2\n  units month\n')).toEqual([
      '2: the equation of a has units gbp*month/week but a is declared in gbp',
    ]);
  });

  it('reports adding different units, and flows that do not match their stock per time unit', () => {
    expect(
      findings(
        'sim start 0 stop 5 dt 1 units month\nstock s = 1\n  inflow f\n  units children\nflow f = s + k\n  units children/month\nconst k = 1\n  units children/month\n',
      ),
    ).toEqual(["5: '+' mixes children and children/month"]);
  });

  it('treats a declared unit, its aliases and the built-in spellings as one unit', () => {
    expect(
      findings(
        'sim start 0 stop 10 dt 1 units months\nunit months\n  alias month\nstock s = 0\n  inflow f\n  units widgets\nflow f = 1\n  units widgets/month\n',
      ),
    ).toEqual([]);
  });
});

