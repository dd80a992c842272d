import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Project } from '@sluice/ir';
import { parseSluice, printSluice } from '@sluice/language';
import { exportXmile } from './export-xmile.js';
import { importXmile } from '../import/import-xmile.js';

const text = `# About the model.

title Notes # the title
sim start 0 stop 4 dt 1 method euler # months

# people
unit person

dimension Region: North, South # two

# The stock, "quoted" & <marked>.
stock Staff[Region] = 10 # in post
  # head count
  inflow hiring
  units person

flow hiring[Region] = 1
const a = 1

const b = 2 # after a blank line

loop R1: Staff -> hiring # a loop
group G: a, b # a group

model Sub # sub
  aux y = 1
  # end of Sub
end

macro TWICE(x) = x * 2 # doubles
  # the macro's last words
end
# the end
`;

function fromText(source: string): Project {
  const r = parseSluice(source, { file: 'notes.sluice' });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return r.value;
}

function fromXmile(xml: string): Project {
  const r = importXmile(xml, { file: 'notes.xmile' });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return r.value;
}

describe('# comments in XMILE', () => {
  it('are written as <sluice:comment> in the element of their declaration', () => {
    const xml = exportXmile(fromText(text));
    expect(xml).toContain('<sluice:comment at="trailing"># months</sluice:comment>\n\t</sim_specs>');
    expect(xml).toMatch(/<stock name="Staff">[\s\S]*<sluice:comment at="before"># The stock, "quoted" &amp; &lt;marked&gt;.<\/sluice:comment>\s*<sluice:comment at="trailing"># in post<\/sluice:comment>\s*<sluice:comment at="inside"># head count<\/sluice:comment>\s*<\/stock>/);
    // A blank line the modeller left is an empty comment.
    expect(xml).toMatch(/<aux name="b">[\s\S]*<sluice:comment at="before"\/>\s*<sluice:comment at="trailing"># after a blank line<\/sluice:comment>/);
    expect(xml).toMatch(/<sluice:loop name="R1">[\s\S]*<sluice:comment at="trailing"># a loop<\/sluice:comment>/);
    expect(xml).toMatch(/<group name="G">[\s\S]*<sluice:comment at="trailing"># a group<\/sluice:comment>/);
  });

  it('come back from XMILE, so text → XMILE → text keeps them', () => {
    const project = fromText(text);
    const back = fromXmile(exportXmile(project));
    expect(printSluice(back)).toBe(printSluice(project));
    expect(back.models[0]!.comments).toEqual(project.models[0]!.comments);
    expect(back.models[1]!.comments).toEqual({ trailing: '# sub', end: ['# end of Sub'] });
    expect(back.macros[0]!.comments).toEqual({ trailing: '# doubles', end: ['# the macro\'s last words'] });
    expect(back.units[0]!.comments).toEqual({ before: ['# people'] });
    expect(back.dimensions[0]!.comments).toEqual({ trailing: '# two' });
    expect(back.simSpecs.comments).toEqual({ trailing: '# months' });
  });

  it('are written once through XMILE → IR → XMILE', () => {
    const xml = exportXmile(fromText(text));
    expect(exportXmile(fromXmile(xml))).toBe(xml);
  });

  it('skip a comment that names no place, with a warning', () => {
    const xml = exportXmile(fromText('sim start 0 stop 1 dt 1\nconst a = 1 # note\n')).replace('at="trailing"', 'at="beside"');
    const r = importXmile(xml, { file: 'm.xmile' });
    if (!r.ok) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    expect(r.value.models[0]!.variables[0]!.comments).toBeUndefined();
    expect(r.warnings.map((d) => [d.code, d.severity])).toContainEqual(['bad-comment', 'warning']);
  });
});
