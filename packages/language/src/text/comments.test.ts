import { describe, expect, it } from 'vitest';
import { printSluice } from './index.js';
import { parseOrThrow as parse, withoutLocs } from './testing.js';

/** Printed once, the text is stable: printing what it reads back as gives it again, and the same IR. */
function expectStable(printed: string): void {
  const again = parse(printed);
  expect(printSluice(again)).toBe(printed);
  expect(withoutLocs(parse(printSluice(again)))).toEqual(withoutLocs(again));
}

const file = `# A model of a team.
#
# Two paragraphs of notes.

title Team # the title
  doc "Staff and work"
sim start 0 stop 10 dt 1 method euler # months
# every unit
unit people
  alias person # singular

dimension Region: North, # the busy one
  South

# Section: staff
# ---------------

stock Staff = 10 # in post
  # hiring is below
  inflow hiring
  units people # head count

flow hiring = 1
const a = 1   # first group
const b = 2

# second group
const c = 3


const d = 4
aux Effect = Staff
  graph: (0, 1), # low
    (1, 2)     # high
loop R1: Staff -> hiring # a loop
model Sub # the sub-model
  doc "inside"
  # before y
  aux y = 1

  # last words of Sub
end # closed
# after everything
`;

describe('# comments', () => {
  it('stay where they were written: before, at the end of the line, inside, at the end', () => {
    expect(printSluice(parse(file))).toBe(`# A model of a team.
#
# Two paragraphs of notes.

title Team # the title
  doc "Staff and work"

sim start 0 stop 10 dt 1 method euler # months

# every unit
unit people
  # singular
  alias person

dimension Region: North, South # the busy one

# Section: staff
# ---------------

stock Staff = 10 # in post
  # hiring is below
  # head count
  inflow hiring
  units people

flow hiring = 1
const a = 1 # first group
const b = 2

# second group
const c = 3

const d = 4

aux Effect = Staff
  # low
  # high
  graph continuous: (0, 1), (1, 2)

loop R1: Staff -> hiring # a loop

model Sub # the sub-model
  doc "inside"
  # before y
  const y = 1

  # last words of Sub
  # closed
end
# after everything
`);
  });

  it('read into the IR with the declaration they belong to', () => {
    const p = parse(file);
    const [staff, hiring, a, , c, d] = p.models[0]!.variables;
    expect(p.models[0]!.comments).toEqual({
      before: ['# A model of a team.', '#', '# Two paragraphs of notes.', ''],
      trailing: '# the title',
      end: ['# after everything'],
    });
    expect(p.simSpecs.comments).toEqual({ trailing: '# months' });
    expect(p.units[0]!.comments).toEqual({ before: ['# every unit'], inside: ['# singular'] });
    expect(p.dimensions[0]!.comments).toEqual({ trailing: '# the busy one' });
    expect(staff!.comments).toEqual({ before: ['# Section: staff', '# ---------------', ''], trailing: '# in post', inside: ['# hiring is below', '# head count'] });
    expect(hiring!.comments).toBeUndefined();
    expect(a!.comments).toEqual({ trailing: '# first group' });
    // The blank line above `c` is the modeller's; two blank lines count as one.
    expect(c!.comments).toEqual({ before: ['', '# second group'] });
    expect(d!.comments).toEqual({ before: [''] });
    expect(p.models[0]!.loops![0]!.comments).toEqual({ trailing: '# a loop' });
    expect(p.models[1]!.comments).toEqual({ trailing: '# the sub-model', end: ['', '# last words of Sub', '# closed'] });
    expect(p.models[1]!.variables[0]!.comments).toEqual({ before: ['# before y'] });
  });

  it('print stably, giving the same IR back', () => {
    expectStable(printSluice(parse(file)));
  });

  it('keep no blank line the printer writes by itself, so reading back gives the same IR', () => {
    // Blank lines around a declaration with attribute lines are the printer's own: nothing to remember.
    const p = parse('sim start 0 stop 1 dt 1\n\nconst a = 1\n\naux b = a\n  units x\n\nconst c = 2\nconst e = 3\n');
    expect(p.models[0]!.variables.map((v) => v.comments)).toEqual([undefined, undefined, undefined, undefined]);
    expect(withoutLocs(parse(printSluice(p)))).toEqual(withoutLocs(p));
  });

  it('never join a formula or units text: a # always starts a comment that reads back as one', () => {
    const p = parse('sim start 0 stop 1 dt 1\naux b = 1 + 2 # plus {not a formula comment}\n  units people # per year\n');
    const printed = printSluice(p);
    expect(printed).toContain('aux b = 1 + 2 # plus {not a formula comment}\n  # per year\n  units people\n');
    expect(parse(printed).models[0]!.variables[0]!.equation!.text).toBe('1 + 2');
    expectStable(printed);
  });

  it('are written as comment lines whatever an IR holds', () => {
    const p = parse('sim start 0 stop 1 dt 1\nconst a = 1\n');
    p.models[0]!.variables[0]!.comments = { before: ['no hash', 'two\nlines', '', '', '#ok'], trailing: 'tail\rend' };
    const printed = printSluice(p);
    expect(printed).toBe('sim start 0 stop 1 dt 1 method euler\n\n# no hash\n# two lines\n\n#ok\nconst a = 1 # tail end\n');
    expectStable(printed);
  });

  it('stay with a module and its connections', () => {
    const printed = printSluice(parse('sim start 0 stop 1 dt 1\nconst k = 1\n# the team\nmodule team: Team # one instance\n  connect size <- k # its size\nmodel Team\n  aux size = 0\n    access input\nend\n'));
    expect(printed).toContain('const k = 1\n\n# the team\nmodule team: Team # one instance\n  # its size\n  connect size <- k\n');
    expectStable(printed);
  });

  it('are kept in a file with Windows line ends', () => {
    const p = parse('# top\r\nsim start 0 stop 1 dt 1\r\n\r\n# a\r\nconst a = 1 # one\r\n');
    expect(p.simSpecs.comments).toEqual({ before: ['# top'] });
    expect(p.models[0]!.variables[0]!.comments).toEqual({ before: ['# a'], trailing: '# one' });
  });
});
