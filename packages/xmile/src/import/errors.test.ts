import { formatDiagnostic } from '@sluice/ir';
import { describe, expect, it } from 'vitest';
import { importXmile } from '../index.js';

/** `file:line:col: severity: message` for every diagnostic of a refused file. */
function errorsOf(text: string, maxBytes?: number): string[] {
  const r = importXmile(text, maxBytes === undefined ? { file: 'bad.xmile' } : { file: 'bad.xmile', maxBytes });
  if (r.ok) throw new Error('expected the file to be refused');
  return r.diagnostics.map((d) => formatDiagnostic(d));
}

function warningsOf(text: string): string[] {
  const r = importXmile(text, { file: 'w.xmile' });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return r.warnings.map((d) => formatDiagnostic(d));
}

const SPECS = '<sim_specs><start>0</start><stop>10</stop></sim_specs>';
const model = (vars: string, specs = SPECS) => `<xmile>\n${specs}\n<model><variables>\n${vars}\n</variables></model>\n</xmile>`;

describe('unsafe or unreadable input', () => {
  it('refuses malformed XML at the parser position', () => {
    expect(errorsOf('<xmile>\n  <model>\n  </modle>\n</xmile>')).toEqual([
      "bad.xmile:3:3: error: malformed XML: Expected closing tag 'model' (opened in line 2, col 3) instead of closing tag 'modle'.",
    ]);
  });

  it('says a file is empty, or which elements it leaves open, in words', () => {
    expect(errorsOf('')).toEqual(['bad.xmile:1:1: error: malformed XML: the file is empty']);
    expect(errorsOf('<xmile><sim_specs>')).toEqual(['bad.xmile:1:1: error: malformed XML: the file ends with <xmile>, <sim_specs> still open']);
  });

  it('refuses a billion-laughs DOCTYPE before parsing, quickly', () => {
    const lol = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const text = `<?xml version="1.0"?>\n<!DOCTYPE xmile [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n<xmile>&lol10;</xmile>`;
    const t0 = Date.now();
    expect(errorsOf(text)).toEqual(['bad.xmile:2:1: error: the file contains a <!DOCTYPE> declaration; XMILE files have none, and it is refused for safety']);
    expect(Date.now() - t0).toBeLessThan(200);
  });

  it('refuses a file over the size limit', () => {
    expect(errorsOf(model('<aux name="a"><eqn>1</eqn></aux>'), 20)).toEqual(['bad.xmile:1:1: error: the model is larger than the limit of 20 bytes']);
  });

  it('refuses a document that is not XMILE', () => {
    expect(errorsOf('<?xml version="1.0"?>\n<svg></svg>')).toEqual(['bad.xmile:2:1: error: not an XMILE file: expected a single <xmile> root element, found <svg>']);
  });
});

describe('sim specs', () => {
  it('refuses dt <= 0 at the <dt> element', () => {
    expect(errorsOf(model('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start>0</start><stop>10</stop><dt>0</dt></sim_specs>'))).toEqual([
      'bad.xmile:2:43: error: dt must be greater than 0, not 0',
    ]);
  });

  it('refuses a stop time before the start time', () => {
    expect(errorsOf(model('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start>10</start><stop>5</stop></sim_specs>'))).toEqual([
      'bad.xmile:2:29: error: stop time (5) is before start time (10)',
    ]);
  });

  it('refuses a non-numeric start at its text', () => {
    expect(errorsOf(model('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start> soon</start><stop>5</stop></sim_specs>'))).toEqual([
      'bad.xmile:2:20: error: start time must be a number, not "soon"',
    ]);
  });

  it('refuses an unknown integration method rather than running Euler', () => {
    expect(errorsOf(model('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs method="Heun"><start>0</start><stop>5</stop></sim_specs>'))).toEqual([
      'bad.xmile:2:1: error: unknown integration method "Heun" (expected Euler, RK2 or RK4)',
    ]);
    expect(errorsOf(model('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs method="RK45"><start>0</start><stop>5</stop></sim_specs>'))).toEqual([
      'bad.xmile:2:1: error: integration method "RK45" is not supported (use Euler, RK2 or RK4)',
    ]);
  });

  it('refuses a file without sim specs', () => {
    expect(errorsOf('<xmile><model><variables><aux name="a"><eqn>1</eqn></aux></variables></model></xmile>')).toEqual([
      'bad.xmile:1:1: error: the file has no <sim_specs>',
    ]);
  });
});

describe('equations', () => {
  it('reports a syntax error at its line and column in the file', () => {
    const errors = errorsOf(model('<aux name="a">\n  <eqn>1 +\n     * 2</eqn>\n</aux>'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bad\.xmile:6:6: error: /);
  });

  it('counts columns in the file even after an entity', () => {
    const errors = errorsOf(model('<aux name="a"><eqn>IF b &gt; 1 THEN ) ELSE 0</eqn></aux>'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bad\.xmile:4:37: error: unexpected '\)'/);
  });

  it('refuses a missing <eqn> on an aux with code missing-equation', () => {
    const r = importXmile(model('<aux name="Growth Rate"><units>1/year</units></aux>'), { file: 'bad.xmile' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics.map((d) => [d.code, formatDiagnostic(d), d.variable])).toEqual([
        ['missing-equation', 'bad.xmile:4:1: error: aux "Growth Rate" has no <eqn>', 'Growth Rate'],
      ]);
    }
  });

  it('refuses an empty equation on a flow', () => {
    expect(errorsOf(model('<flow name="f"><eqn>  </eqn></flow>'))).toEqual(['bad.xmile:4:16: error: flow "f" has an empty equation']);
  });

  it('refuses the ??? placeholder at its position', () => {
    expect(errorsOf(model('<aux name="Rate A"><eqn> ??? </eqn></aux>'))).toEqual([
      'bad.xmile:4:26: error: the equation of "Rate A" is the placeholder "???", left by the tool that wrote the file: give it a real equation',
    ]);
  });

  it('refuses an unknown kind of variable', () => {
    expect(errorsOf(model('<converter name="c"><eqn>1</eqn></converter>'))).toEqual([
      'bad.xmile:4:1: error: <converter> is not a kind of variable (expected stock, flow, aux, gf or module)',
    ]);
  });

  it('refuses a variable defined twice', () => {
    expect(errorsOf(model('<aux name="Room Temp"><eqn>1</eqn></aux>\n<aux name="room_temp"><eqn>2</eqn></aux>'))).toEqual([
      'bad.xmile:5:1: error: "room_temp" is defined twice in the main model (first on line 4)',
    ]);
  });

  it('refuses a blank port equation that an instance leaves unconnected', () => {
    const text = `<xmile>${SPECS}<model><variables><module name="m"/></variables></model>\n<model name="m"><variables>\n<aux name="p"><eqn/></aux></variables></model></xmile>`;
    expect(errorsOf(text)).toEqual(['bad.xmile:3:15: error: aux "p" has an empty equation']);
  });

  it('refuses a module of a model the file does not have', () => {
    expect(errorsOf(model('<module name="ghost"/>'))).toEqual([
      'bad.xmile:4:1: error: module "ghost" in the main model instantiates "ghost", which is not a model of this file',
    ]);
  });
});

describe('graphical functions', () => {
  it('refuses x and y point lists of different lengths', () => {
    expect(errorsOf(model('<aux name="g"><eqn>Time</eqn><gf><xpts>1,2,3</xpts><ypts>1,2</ypts></gf></aux>'))).toEqual([
      'bad.xmile:4:34: error: graphical function has 3 x points but 2 y points',
    ]);
  });

  it('refuses a non-numeric point', () => {
    expect(errorsOf(model('<aux name="g"><eqn>Time</eqn><gf><xscale min="0" max="1"/><ypts>1,x</ypts></gf></aux>'))).toEqual([
      'bad.xmile:4:67: error: graphical function point "x" is not a number',
    ]);
  });
});

describe('warnings', () => {
  it('warns about an element inside a variable that it does not understand', () => {
    expect(warningsOf(model('<aux name="a"><eqn>1</eqn><smooth>3</smooth></aux>'))).toEqual([
      'w.xmile:4:27: warning: <smooth> in aux "a" is not understood and was ignored; results may differ from the tool that wrote the file',
    ]);
  });

  it('keeps display-only markup quietly', () => {
    expect(warningsOf(model('<aux name="a"><eqn>1</eqn><range min="0" max="1"/><isee:summing/></aux>'))).toEqual([]);
  });
});

describe('hostile structure', () => {
  it('refuses elements nested thousands deep without overflowing the stack', () => {
    const text = '<xmile>\n' + '<a>'.repeat(100_000) + '</a>'.repeat(100_000) + '</xmile>';
    expect(errorsOf(text)).toEqual(['bad.xmile:2:1498: error: elements are nested more than 500 deep; the file is refused']);
  });

  it('refuses a scalar with element equations but no dimensions', () => {
    expect(errorsOf(model('<aux name="a"><element subscript="x"><eqn>1</eqn></element></aux>'))).toEqual([
      'bad.xmile:4:15: error: "a" has <element> equations but no <dimensions>',
    ]);
  });
});

describe('things that would change results', () => {
  it('refuses data imported from an external file', () => {
    const text = `<xmile>${SPECS}\n<data><import resource="inputs.xlsx"/></data><model><variables><aux name="a"><eqn>1</eqn></aux></variables></model></xmile>`;
    expect(errorsOf(text)).toEqual(['bad.xmile:2:1: error: <data><import> (values read from an external file during the run) is not supported']);
  });

  it('refuses a module whose model lives in another file', () => {
    const text = `<xmile>${SPECS}<model><variables>\n<module name="m" resource="other.stmx"/></variables></model></xmile>`;
    expect(errorsOf(text)).toEqual([
      'bad.xmile:2:1: error: module "m" instantiates a model from another file ("other.stmx"), which is not read',
      'bad.xmile:2:1: error: module "m" in the main model instantiates "m", which is not a model of this file',
    ]);
  });
});

describe('arrays', () => {
  const dims = `<sim_specs><start>0</start><stop>10</stop></sim_specs><dimensions><dim name="City"><elem name="Boston"/><elem name="Paris"/></dim></dimensions>`;
  it('refuses a dimension the file does not define', () => {
    expect(errorsOf(model('<aux name="a"><dimensions><dim name="Town"/></dimensions><eqn>1</eqn></aux>', dims))).toEqual([
      'bad.xmile:4:1: error: "a" is arrayed by "Town", which is not among the file\'s <dimensions>',
    ]);
  });

  it('refuses a constant list of the wrong length', () => {
    expect(errorsOf(model('<aux name="a"><dimensions><dim name="City"/></dimensions><eqn>1, 2, 3</eqn></aux>', dims))).toEqual([
      'bad.xmile:4:1: error: "a" lists 3 values for 2 elements',
    ]);
  });

  it('refuses two equations on a scalar', () => {
    expect(errorsOf(model('<aux name="a"><eqn>1</eqn><eqn>2</eqn></aux>', dims))).toEqual([
      'bad.xmile:4:27: error: "a" has 2 <eqn> elements; a scalar has one',
    ]);
  });

  it('refuses an element subscript that is not an element of its dimension', () => {
    expect(errorsOf(model('<aux name="a"><dimensions><dim name="City"/></dimensions><element subscript="Boston"><eqn>1</eqn></element><element subscript="Rome"><eqn>2</eqn></element></aux>', dims))).toEqual([
      'bad.xmile:4:1: error: element [Rome] of "a": "Rome" is not an element of "City"',
    ]);
  });
});
