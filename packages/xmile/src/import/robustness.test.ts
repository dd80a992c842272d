import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importXmile } from '../index.js';

const TEACUP = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<sim_specs method="Euler"><start>0</start><stop>30</stop><dt>0.125</dt></sim_specs>
<model><variables>
<stock name="teacup temperature"><eqn>180</eqn><outflow>heat_loss</outflow></stock>
<flow name="heat loss"><eqn>(teacup_temperature - room) / 10</eqn></flow>
<aux name="room"><eqn>70</eqn><gf><xscale min="0" max="1"/><ypts>1,2</ypts></gf></aux>
</variables></model>
</xmile>`;

describe('any input gives a result, never an exception', () => {
  it('survives random edits of a valid file, with every diagnostic located', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TEACUP.length }), fc.integer({ min: 0, max: 20 }), fc.string({ maxLength: 12 }), (at, cut, insert) => {
        const text = TEACUP.slice(0, at) + insert + TEACUP.slice(at + cut);
        const r = importXmile(text, { file: 't.xmile' });
        const diagnostics = r.ok ? r.warnings : r.diagnostics;
        for (const d of diagnostics) {
          expect(d.loc?.file).toBe('t.xmile');
          expect(d.loc?.line).toBeGreaterThanOrEqual(1);
          expect(d.loc?.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads an equation in CDATA and a file that starts with a byte order mark', () => {
    const r = importXmile('\uFEFF' + TEACUP.replace('<eqn>70</eqn>', '<eqn><![CDATA[IF 1 < 2 THEN 70 ELSE 0]]></eqn>'));
    expect(r.ok).toBe(true);
    const room = r.ok ? r.value.models[0]?.variables.find((v) => v.ident === 'room') : undefined;
    expect(room?.equation?.text).toBe('IF 1 < 2 THEN 70 ELSE 0');
    expect(room?.equation?.expr?.kind).toBe('if');
  });
});
