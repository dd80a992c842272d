import { describe, expect, it } from 'vitest';
import type { Model, ModuleInstance, Project, Variable } from '@sluice/ir';
import { flattenModules } from './flatten-modules.js';
import { aux, describe1, flow, project, stock } from './fixtures.test.js';

function instance(name: string, model: string, connections: [from: string, to: string][] = []): ModuleInstance {
  return { kind: 'module', name, ident: name.toLowerCase(), model, connections: connections.map(([from, to]) => ({ from, to })) };
}

function model(name: string, variables: Variable[]): Model {
  return { name, ident: name.toLowerCase(), variables };
}

function flat(p: Project): Variable[] {
  const r = flattenModules(p);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  expect(r.value.models).toHaveLength(1);
  return r.value.models[0]!.variables;
}

const population = model('Population', [
  stock('Pop', '100', ['births']),
  flow('births', 'pop * rate'),
  { ...aux('rate', '0.1'), access: 'input' },
]);

describe('flattening modules', () => {
  it('copies the instantiated model with instance-qualified idents and display names', () => {
    const vars = flat(project([instance('Town', 'population'), aux('growth', 'town.births')], { models: [population] }));
    expect(vars.map(describe1)).toEqual([
      'stock town.pop = 100 in [town.births] out []',
      'flow town.births = Town.pop * Town.rate',
      'aux town.rate = 0.1',
      'aux growth = town.births',
    ]);
    expect(vars.map((v) => v.name)).toEqual(['Town.Pop', 'Town.births', 'Town.rate', 'growth']);
  });

  it('makes a connected port an aux equal to the outside variable', () => {
    const vars = flat(project([instance('Town', 'population', [['local_rate', 'rate']]), aux('local rate', '0.2')], { models: [population] }));
    expect(vars.map(describe1)).toContain('aux town.rate = local_rate');
  });

  it('gives two instances of one model independent copies, each fed by its own connection', () => {
    const vars = flat(
      project([instance('A', 'population', [['ra', 'rate']]), instance('B', 'population', [['rb', 'rate']]), aux('ra', '1'), aux('rb', '2')], {
        models: [population],
      }),
    );
    expect(vars.map((v) => v.ident)).toEqual(['a.pop', 'a.births', 'a.rate', 'b.pop', 'b.births', 'b.rate', 'ra', 'rb']);
    expect(vars.map(describe1)).toContain('aux a.rate = ra');
    expect(vars.map(describe1)).toContain('aux b.rate = rb');
  });

  it('connects one module\'s output to another\'s port, whatever kind the port was', () => {
    // As in the hares and lynxes sample: the hares model holds a stand-in stock for lynxes.
    const hares = model('hares', [stock('lynxes', '0'), aux('kills', 'lynxes * 2')]);
    const lynxes = model('lynxes', [stock('lynxes', '1250')]);
    const vars = flat(project([instance('hares', 'hares', [['lynxes.lynxes', 'lynxes']]), instance('lynxes', 'lynxes')], { models: [hares, lynxes] }));
    expect(vars.map(describe1)).toEqual(['aux hares.lynxes = lynxes.lynxes', 'aux hares.kills = hares.lynxes * 2', 'stock lynxes.lynxes = 1250']);
  });

  it('follows a connection that carries a module output out to a parent variable', () => {
    const vars = flat(project([instance('Town', 'population', [['town.births', 'newborns']]), aux('newborns', '0')], { models: [population] }));
    expect(vars.map(describe1)).toContain('aux newborns = town.births');
  });

  it('feeds a module output back into one of its own ports', () => {
    const vars = flat(project([instance('Town', 'population', [['town.births', 'rate']])], { models: [population] }));
    expect(vars.map(describe1)).toContain('aux town.rate = town.births');
  });

  it('flattens modules within modules, prefixing every level', () => {
    const inner = model('Inner', [{ ...aux('x', '0'), access: 'input' }, aux('y', 'x * 2')]);
    const outer = model('Outer', [aux('v', '5'), instance('Core', 'inner', [['v', 'x']]), aux('w', 'core.y + 1')]);
    const vars = flat(project([instance('Top', 'outer'), aux('z', 'top.core.y')], { models: [outer, inner] }));
    expect(vars.map(describe1)).toEqual([
      'aux top.v = 5',
      'aux top.core.x = Top.v',
      'aux top.core.y = Top.Core.x * 2',
      'aux top.w = Top.core.y + 1',
      'aux z = top.core.y',
    ]);
  });

  it('leaves dimension and element names inside brackets alone', () => {
    const p = project([instance('M', 'arr')], { models: [model('arr', [aux('region', '1'), aux('a', 'b[region] + region', ['Region'])])] });
    p.dimensions = [{ name: 'Region', ident: 'region', elements: ['north', 'south'] }];
    expect(flat(p).map(describe1)).toContain('aux m.a[Region] = b[region] + M.region');
  });

  it('reports a module of a model the project lacks, at the module', () => {
    const m = { ...instance('Ghost', 'nowhere'), loc: { file: 'x.xmile', line: 4, column: 5 } };
    const r = flattenModules(project([m]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]).toMatchObject({ code: 'unknown-model', loc: { line: 4, column: 5 }, variable: 'Ghost' });
      expect(r.diagnostics[0]!.message).toBe('module Ghost instantiates model nowhere, which the project does not define');
    }
  });

  it('refuses modules that nest into too many instances', () => {
    // Each model holds two instances of the next: 2^20 instances if nothing stopped it.
    const models = Array.from({ length: 20 }, (_, i) =>
      model(`L${i}`, i === 19 ? [aux('x', '1')] : [instance('A', `l${i + 1}`), instance('B', `l${i + 1}`)]),
    );
    const r = flattenModules(project([instance('Top', 'l0')], { models }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toEqual(['too-large']);
  });

  it('refuses a model that contains itself', () => {
    const loop = model('Loop', [instance('Again', 'loop')]);
    const r = flattenModules(project([instance('L', 'loop')], { models: [loop] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('module-cycle');
  });

  it('reports a connection to a port the model does not have', () => {
    const r = flattenModules(project([instance('T', 'population', [['x', 'nope']])], { models: [population] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('unknown-port');
  });

  it('drops the sub-models, leaving a project without modules as it was', () => {
    const r = flattenModules(project([aux('a', '1')], { models: [population] }));
    expect(r.ok && r.value.models.length).toBe(1);
    expect(r.ok && r.value.models[0]!.variables.map(describe1)).toEqual(['aux a = 1']);
  });
});
