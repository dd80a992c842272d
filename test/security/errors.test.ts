// Every kind of bad input gets a clear message at a place (file:line:col), in each format where
// the mistake can be written, and never an exception. The expectations are the product's exact
// messages today; where a message is unclear or a place is missing, the test pins only what is
// right and says what is not (see the comments marked "not yet").
import { describe, expect, it } from 'vitest';
import { errorLines, travel, type Stage } from './pipeline.js';
import { cli, STACK_LINE, tempDir, writeIn } from './cli.js';

const xmile = (variables: string, specs = '<sim_specs><start>0</start><stop>4</stop><dt>1</dt></sim_specs>', dimensions = '') =>
  `<?xml version="1.0"?>\n<xmile version="1.0">\n${specs}\n${dimensions}<model><variables>\n${variables}\n</variables></model>\n</xmile>\n`;
const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const mdl = (body: string, control = CONTROL) => `{UTF-8}\n${body}\n${control}`;
const sluice = (body: string, sim = 'sim start 0 stop 4 dt 1') => `${sim}\n${body}\n`;

interface Case {
  what: string;
  file: string;
  text: string;
  /** The stage that refuses the model. */
  stage: Stage;
  errors: string[];
}

const cases: Case[] = [
  // Malformed or unexpected structure
  { what: 'malformed XML', file: 'malformed.xmile', stage: 'import', text: '<xmile version="1.0">\n<model><variables><aux name="a"><eqn>1</eqn></aux></model>\n</xmile>',
    errors: ["malformed.xmile:2:51: error: malformed XML: Expected closing tag 'variables' (opened in line 2, col 8) instead of closing tag 'model'."] },
  { what: 'an unknown element among the variables (an error)', file: 'unknown.xmile', stage: 'import', text: xmile('<aux name="a"><eqn>1</eqn></aux>\n<blob name="b"/>'),
    errors: ['unknown.xmile:6:1: error: <blob> is not a kind of variable (expected stock, flow, aux, gf or module)'] },
  { what: 'an unknown statement keyword', file: 'unknown.sluice', stage: 'import', text: sluice('variable a = 1'),
    errors: ["unknown.sluice:2:1: error: unexpected 'variable': expected an attribute of the declaration above or a new declaration (stock, flow, aux, const, ...)"] },
  // Missing equations
  { what: 'a missing <eqn>', file: 'noeqn.xmile', stage: 'import', text: xmile('<aux name="a"></aux>\n<aux name="b"><eqn>a</eqn></aux>'),
    errors: ['noeqn.xmile:5:1: error: aux "a" has no <eqn>'] },
  { what: 'a variable with no equation', file: 'noeqn.mdl', stage: 'import', text: mdl('a ~~|\nb = a ~~|'),
    errors: ['noeqn.mdl:2:1: error: a has no equation'] },
  // Syntax errors
  { what: 'a syntax error', file: 'syntax.xmile', stage: 'import', text: xmile('<aux name="a"><eqn>1 +* 2</eqn></aux>'),
    errors: ["syntax.xmile:5:23: error: unexpected '*'; expected a number, a name or '('"] },
  { what: 'a syntax error', file: 'syntax.mdl', stage: 'import', text: mdl('a = 1 +* 2 ~~|'),
    errors: ["syntax.mdl:2:8: error: unexpected '*'; expected a number, a name or '('"] },
  { what: 'a syntax error', file: 'syntax.sluice', stage: 'import', text: sluice('aux a = 1 +* 2'),
    errors: ["syntax.sluice:2:12: error: unexpected '*'; expected a number, a name or '('"] },
  // Unknown names
  { what: 'an unknown variable', file: 'unknownvar.xmile', stage: 'compile', text: xmile('<aux name="a"><eqn>b + 1</eqn></aux>'),
    errors: ["unknownvar.xmile:5:20: error: unknown variable 'b'"] },
  { what: 'an unknown variable', file: 'unknownvar.mdl', stage: 'compile', text: mdl('a = b + 1 ~~|'),
    errors: ["unknownvar.mdl:2:5: error: unknown variable 'b'"] },
  { what: 'an unknown variable', file: 'unknownvar.sluice', stage: 'compile', text: sluice('aux a = b + 1'),
    errors: ["unknownvar.sluice:2:9: error: unknown variable 'b'"] },
  { what: 'an unknown function', file: 'unknownfn.xmile', stage: 'compile', text: xmile('<aux name="a"><eqn>FROB(1)</eqn></aux>'),
    errors: ["unknownfn.xmile:5:20: error: unknown function 'FROB'"] },
  { what: 'an unknown function', file: 'unknownfn.mdl', stage: 'compile', text: mdl('a = FROB(1) ~~|'),
    errors: ["unknownfn.mdl:2:5: error: unknown function 'FROB'"] },
  { what: 'an unknown function', file: 'unknownfn.sluice', stage: 'compile', text: sluice('aux a = FROB(1)'),
    errors: ["unknownfn.sluice:2:9: error: unknown function 'FROB'"] },
  // Argument counts (Stella's MIN of one argument is the array reduction, so only ABS is wrong there)
  { what: 'a wrong argument count', file: 'arity.xmile', stage: 'compile', text: xmile('<aux name="a"><eqn>MIN(1)</eqn></aux>\n<aux name="b"><eqn>ABS(1, 2)</eqn></aux>'),
    errors: ['arity.xmile:6:20: error: ABS takes 1 argument, not 2'] },
  { what: 'a wrong argument count', file: 'arity.mdl', stage: 'compile', text: mdl('a = ABS(1, 2) ~~|\nb = LN(1, 2, 3) ~~|'),
    errors: ['arity.mdl:2:5: error: ABS takes 1 argument, not 2', 'arity.mdl:3:5: error: LN takes 1 argument, not 3'] },
  { what: 'MIN of one argument, which Vensim refuses', file: 'min1.mdl', stage: 'import', text: mdl('a = MIN(1) ~~|'),
    errors: ['min1.mdl:2:5: error: MIN takes 2 arguments in Vensim, not 1 (VMIN and VMAX take an array)'] },
  { what: 'a wrong argument count', file: 'arity.sluice', stage: 'compile', text: sluice('aux a = MIN(1)\naux b = ABS(1, 2)'),
    errors: ['arity.sluice:3:9: error: ABS takes 1 argument, not 2'] },
  // Subscripts out of range
  { what: 'subscripts out of range', file: 'subscript.xmile', stage: 'compile',
    text: xmile('<aux name="a"><dimensions><dim name="d"/></dimensions><eqn>1</eqn></aux>\n<aux name="b"><eqn>a[4]</eqn></aux>\n<aux name="c"><eqn>a[e]</eqn></aux>', undefined, '<dimensions><dim name="d" size="3"/></dimensions>'),
    errors: ["subscript.xmile:6:20: error: position 4 is outside dimension 'd' of 'a'", "subscript.xmile:7:20: error: 'e' is not an element of 'd' here ('a')"] },
  { what: 'a subscript out of range', file: 'subscript.mdl', stage: 'compile', text: mdl('d: (e1-e3) ~~|\na[d] = 1 ~~|\nb = a[e4] ~~|'),
    errors: ["subscript.mdl:4:5: error: 'e4' is not an element of 'd' here ('a')"] },
  { what: 'subscripts out of range', file: 'subscript.sluice', stage: 'compile', text: sluice('dimension d: e1, e2, e3\naux a[d] = 1\naux b = a[e4]\naux c = a[4]'),
    errors: ["subscript.sluice:4:9: error: 'e4' is not an element of 'd' here ('a')", "subscript.sluice:5:9: error: position 4 is outside dimension 'd' of 'a'"] },
  // Dimension mismatches
  { what: 'a dimension mismatch', file: 'dims.xmile', stage: 'compile',
    text: xmile('<aux name="a"><dimensions><dim name="d"/></dimensions><eqn>1</eqn></aux>\n<aux name="b"><dimensions><dim name="e"/></dimensions><eqn>a</eqn></aux>\n<aux name="c"><eqn>a</eqn></aux>', undefined, '<dimensions><dim name="d" size="3"/><dim name="e" size="2"/></dimensions>'),
    errors: ["dims.xmile:7:20: error: 'a' has dimension 'd', which 'c' does not have"] },
  { what: 'dimension mismatches', file: 'dims.mdl', stage: 'compile', text: mdl('d: e1, e2, e3 ~~|\nf: g1, g2 ~~|\na[d] = 1 ~~|\nb[f] = a[d] ~~|\nc = a[d] ~~|'),
    errors: ["dims.mdl:5:8: error: 'a' is a whole array here; use it inside SUM, MEAN, MIN or MAX", "dims.mdl:6:5: error: 'a' is a whole array here; use it inside SUM, MEAN, MIN or MAX"] },
  { what: 'dimension mismatches', file: 'dims.sluice', stage: 'compile', text: sluice('dimension d: e1, e2, e3\ndimension f: g1, g2\naux a[d] = 1\naux b[f] = a\naux c = a'),
    errors: ["dims.sluice:5:12: error: 'a' has dimension 'd', which 'b' does not have", "dims.sluice:6:9: error: 'a' has dimension 'd', which 'c' does not have"] },
  // Circular definitions name the loop in order
  { what: 'a circular definition', file: 'circular.xmile', stage: 'compile', text: xmile('<aux name="a"><eqn>b</eqn></aux>\n<aux name="b"><eqn>c * 2</eqn></aux>\n<aux name="c"><eqn>a + 1</eqn></aux>'),
    errors: ['circular.xmile:5:1: error: circular definition: a -> b -> c -> a'] },
  { what: 'a circular definition', file: 'circular.mdl', stage: 'compile', text: mdl('a = b ~~|\nb = c * 2 ~~|\nc = a + 1 ~~|'),
    errors: ['circular.mdl:2:1: error: circular definition: a -> b -> c -> a'] },
  { what: 'a circular definition', file: 'circular.sluice', stage: 'compile', text: sluice('aux a = b\naux b = c * 2\naux c = a + 1'),
    errors: ['circular.sluice:2:5: error: circular definition: a -> b -> c -> a'] },
  // ??? placeholders
  { what: 'a ??? placeholder', file: 'placeholder.xmile', stage: 'import', text: xmile('<aux name="a"><eqn>???</eqn></aux>'),
    errors: ['placeholder.xmile:5:20: error: the equation of "a" is the placeholder "???", left by the tool that wrote the file: give it a real equation'] },
  { what: 'a ??? placeholder', file: 'placeholder.mdl', stage: 'import', text: mdl('a = ??? ~~|'),
    errors: ['placeholder.mdl:2:5: error: the equation is unfinished (Vensim writes `???` for a missing part)'] },
  // Empty models
  { what: 'an empty file', file: 'empty.sluice', stage: 'import', text: '',
    errors: ["empty.sluice:1:1: error: the file needs a sim line, e.g. 'sim start 0 stop 100 dt 1'"] },
  { what: 'an empty file', file: 'empty.xmile', stage: 'import', text: '',
    errors: ['empty.xmile:1:1: error: malformed XML: the file is empty'] },
  { what: 'an empty file (not 100 steps of nothing on default controls)', file: 'empty.mdl', stage: 'import', text: '',
    errors: ['empty.mdl:1:1: error: the model has no variables: there is nothing to simulate'] },
  { what: 'a model with no variables', file: 'novars.xmile', stage: 'import', text: xmile(''),
    errors: ['novars.xmile:4:1: error: the model has no variables: there is nothing to simulate'] },
  { what: 'a file of only its {UTF-8} header', file: 'novars.mdl', stage: 'import', text: mdl('', ''),
    errors: ['novars.mdl:1:1: error: the model has no variables: there is nothing to simulate'] },
  { what: 'a model of a sim line only', file: 'novars.sluice', stage: 'import', text: sluice('# nothing yet'),
    errors: ['novars.sluice:1:1: error: the model has no variables: there is nothing to simulate'] },
  // Sim specs
  { what: 'a non-numeric start', file: 'nonnum.xmile', stage: 'import', text: xmile('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start>zero</start><stop>4</stop><dt>1</dt></sim_specs>'),
    errors: ['nonnum.xmile:3:19: error: start time must be a number, not "zero"'] },
  { what: 'a name as INITIAL TIME', file: 'nonnum.mdl', stage: 'compile', text: mdl('a = 1 ~~|', 'INITIAL TIME = zero ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n'),
    errors: ["nonnum.mdl:3:16: error: unknown variable 'zero'"] },
  { what: 'dt = 0', file: 'dt0.xmile', stage: 'import', text: xmile('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start>0</start><stop>4</stop><dt>0</dt></sim_specs>'),
    errors: ['dt0.xmile:3:42: error: dt must be greater than 0, not 0'] },
  { what: 'dt < 0', file: 'dtneg.xmile', stage: 'import', text: xmile('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start>0</start><stop>4</stop><dt>-1</dt></sim_specs>'),
    errors: ['dtneg.xmile:3:42: error: dt must be greater than 0, not -1'] },
  { what: 'dt = 0', file: 'dt0.sluice', stage: 'import', text: sluice('aux a = 1', 'sim start 0 stop 4 dt 0'),
    errors: ['dt0.sluice:1:23: error: dt must be a positive number, not 0'] },
  { what: 'stop before start', file: 'stop.xmile', stage: 'import', text: xmile('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start>10</start><stop>4</stop><dt>1</dt></sim_specs>'),
    errors: ['stop.xmile:3:29: error: stop time (4) is before start time (10)'] },
  { what: 'stop before start', file: 'stop.sluice', stage: 'import', text: sluice('aux a = 1', 'sim start 10 stop 4 dt 1'),
    errors: ['stop.sluice:1:1: error: stop (4) comes before start (10)'] },
  { what: 'FINAL TIME before INITIAL TIME', file: 'stop.mdl', stage: 'import', text: mdl('a = 1 ~~|', 'INITIAL TIME = 10 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n'),
    errors: ['stop.mdl:4:14: error: FINAL TIME 4 is before INITIAL TIME 10'] },
  { what: 'TIME STEP = 0', file: 'dt0.mdl', stage: 'import', text: mdl('a = 1 ~~|', 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 0 ~~|\nSAVEPER = 1 ~~|\n'),
    errors: ['dt0.mdl:5:13: error: TIME STEP must be a positive number, not 0'] },
  { what: 'TIME STEP < 0, and SAVEPER = TIME STEP not blamed twice', file: 'dtneg.mdl', stage: 'import', text: mdl('a = 1 ~~|', 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = -1 ~~|\nSAVEPER = TIME STEP ~~|\n'),
    errors: ['dtneg.mdl:5:13: error: TIME STEP must be a positive number, not -1'] },
  { what: 'dt < 0', file: 'dtneg.sluice', stage: 'import', text: sluice('aux a = 1', 'sim start 0 stop 4 dt -0.5'),
    errors: ['dtneg.sluice:1:23: error: dt must be a positive number, not -0.5'] },
  // Times too large for a number
  { what: 'an infinite stop time', file: 'inf.xmile', stage: 'import', text: xmile('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start>0</start><stop>1e400</stop><dt>1</dt></sim_specs>'),
    errors: ['inf.xmile:3:34: error: stop time must be a finite number, not Infinity'] },
  { what: 'an infinite FINAL TIME', file: 'inf.mdl', stage: 'import', text: mdl('a = 1 ~~|', 'INITIAL TIME = 0 ~~|\nFINAL TIME = 1e400 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n'),
    errors: ['inf.mdl:4:14: error: FINAL TIME must be a finite number, not Infinity'] },
  { what: 'an infinite stop time', file: 'inf.sluice', stage: 'import', text: sluice('aux a = 1', 'sim start 0 stop 1e400 dt 1'),
    errors: ['inf.sluice:1:18: error: stop 1e400 is not a finite number'] },
  // Save steps
  { what: 'a save interval of 0', file: 'save0.xmile', stage: 'import', text: xmile('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start>0</start><stop>4</stop><dt>1</dt><save_interval>0</save_interval></sim_specs>'),
    errors: ['save0.xmile:3:52: error: the save interval must be greater than 0, not 0'] },
  { what: 'SAVEPER = 0', file: 'save0.mdl', stage: 'import', text: mdl('a = 1 ~~|', 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 0 ~~|\n'),
    errors: ['save0.mdl:6:11: error: SAVEPER must be a positive number, not 0'] },
  { what: 'SAVEPER that is not a number', file: 'savenan.mdl', stage: 'import', text: mdl('a = 1 ~~|', 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 0 / 0 ~~|\n'),
    errors: ['savenan.mdl:6:11: error: SAVEPER must be a finite number, not NaN'] },
  { what: 'save_step < 0', file: 'save0.sluice', stage: 'import', text: sluice('aux a = 1', 'sim start 0 stop 4 dt 1 save_step -1'),
    errors: ['save0.sluice:1:35: error: save_step must be a positive number, not -1'] },
  // Runs too long: found when the run is planned, placed at the timing (XMILE <dt>, TIME STEP, the sim line)
  { what: 'a run of too many steps', file: 'long.xmile', stage: 'simulate', text: xmile('<aux name="a"><eqn>1</eqn></aux>', '<sim_specs><start>0</start><stop>1e12</stop><dt>0.001</dt></sim_specs>'),
    errors: ['long.xmile:3:45: error: the run would take 1000000000000000 steps (more than 10000000); use a larger dt'] },
  { what: 'a run of too many steps', file: 'long.mdl', stage: 'simulate', text: mdl('a = 1 ~~|', 'INITIAL TIME = 0 ~~|\nFINAL TIME = 1e12 ~~|\nTIME STEP = 0.001 ~~|\nSAVEPER = 1 ~~|\n'),
    errors: ['long.mdl:5:13: error: the run would take 1000000000000000 steps (more than 10000000); use a larger dt'] },
  { what: 'a run of too many steps', file: 'long.sluice', stage: 'simulate', text: sluice('aux a = 1', 'sim start 0 stop 1e12 dt 0.001'),
    errors: ['long.sluice:1:1: error: the run would take 1000000000000000 steps (more than 10000000); use a larger dt'] },
];

describe('bad input gets its exact message and place', () => {
  for (const c of cases) {
    it(`${c.file}: ${c.what}`, () => {
      const trip = travel(c.text, c.file);
      expect(errorLines(trip)).toEqual(c.errors);
      expect(trip.reached).toBe(c.stage);
    });
  }
});

describe('.sluice: placeholders, missing equations and sim values get one message at their place', () => {
  it('.sluice: ??? is named as the placeholder it is, at its place', () => {
    const trip = travel(sluice('aux a = ???'), 'placeholder.sluice');
    expect(trip.reached).toBe('import');
    expect(errorLines(trip)).toEqual(['placeholder.sluice:2:9: error: the placeholder "???" stands where the equation is missing: give it a real equation']);
  });

  it('.sluice: a variable with no equation says so once, not again as unknown where it is used', () => {
    const trip = travel(sluice('aux a\naux b = a'), 'noeqn.sluice');
    expect(trip.reached).toBe('compile');
    expect(errorLines(trip)).toEqual(["noeqn.sluice:2:5: error: 'a' has no equation"]);
  });

  it('.sluice: a sim setting that is not a finite number is refused at its value', () => {
    const word = travel(sluice('aux a = 1', 'sim start zero stop 4 dt 1'), 'nonnum.sluice');
    expect(word.reached).toBe('import');
    expect(errorLines(word)).toEqual(["nonnum.sluice:1:11: error: 'zero' is not a number: the sim line's start, stop, dt and save_step take finite numbers"]);
    const huge = travel(sluice('aux a = 1', 'sim start 0 stop 1e400 dt 1'), 'huge.sluice');
    expect(errorLines(huge)).toEqual(['huge.sluice:1:18: error: stop 1e400 is not a finite number']);
  });

});

describe('the CLI prints the same lines and exits 1, without a stack trace', () => {
  const dir = tempDir();
  for (const c of cases) {
    it(`sluice run ${c.file}`, async () => {
      const path = writeIn(dir, c.file, c.text);
      const r = await cli('run', path);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const errors = r.stderr.split('\n').filter((l) => l.includes(': error: ')).map((l) => l.replace(`${dir}/`, ''));
      expect(errors).toEqual(c.errors);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  }

  it('a missing file: exit 1 and a located message', async () => {
    const path = `${dir}/absent.xmile`;
    const r = await cli('run', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${path}:1:1: error: cannot read ${path}: no such file\n`);
  });

  it('a file of no known format: exit 1 and a located message', async () => {
    const path = writeIn(dir, 'notes.txt', 'hello');
    const r = await cli('run', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${path}:1:1: error: cannot tell the format of ${path}: expected .xmile, .stmx, .itmx, .mdl or .sluice\n`);
  });

  it('usage mistakes exit 2', async () => {
    const path = writeIn(dir, 'ok.sluice', 'sim start 0 stop 1 dt 1\naux a = 1\n');
    expect((await cli('run', path, '--dt', 'fast')).code).toBe(2);
    expect((await cli('run', path, '--method', 'magic')).code).toBe(2);
    expect((await cli('run')).code).toBe(2);
  });
});
