import { parseSluice } from '@sluice/language';
import type { Project } from '@sluice/ir';
import { describe, expect, it } from 'vitest';
import { ProjectReceiver, ProjectSender } from './project-delta.js';

const parse = (text: string): Project => {
  const r = parseSluice(text, { file: 'm.sluice' });
  if (!r.ok) throw new Error(r.diagnostics[0]?.message);
  return r.value;
};
const text = 'sim start 0 stop 4 dt 1\nconst a = 1\nconst b = 2\naux c = a + b\n';

/** Through structured clone, as postMessage copies it. */
const send = <T>(x: T): T => structuredClone(x);

describe('a project sent as the variables that changed', () => {
  it('sends the first project whole, then one retyped variable, and the receiver rebuilds it exactly', () => {
    const sender = new ProjectSender();
    const receiver = new ProjectReceiver();
    const first = parse(text);
    const m1 = sender.encode(first);
    expect(m1.kind).toBe('whole');
    expect(receiver.decode(send(m1))).toEqual(first);

    // What the worker makes when a constant is retyped: the same objects but one variable.
    const main = first.models[0]!;
    const retyped = { ...first, models: [{ ...main, variables: main.variables.map((v, i) => (i === 1 ? { ...v, doc: 'changed' } : v)) }] };
    const m2 = sender.encode(retyped);
    expect(m2).toEqual({ kind: 'variables', changed: [[1, retyped.models[0]!.variables[1]]] });
    expect(receiver.decode(send(m2))).toEqual(retyped);

    // The same project again is no change at all.
    expect(sender.encode(retyped)).toEqual({ kind: 'variables', changed: [] });
  });

  it('sends whole any project parsed anew, a null, and whatever follows a message that was lost', () => {
    const sender = new ProjectSender();
    sender.encode(parse(text));
    expect(sender.encode(parse(text)).kind).toBe('whole');
    expect(sender.encode(null)).toEqual({ kind: 'whole', project: null });
    const p = parse(text);
    sender.encode(p);
    sender.forget();
    expect(sender.encode(p).kind).toBe('whole');
  });

  it('refuses a change to a project the receiver never had', () => {
    expect(() => new ProjectReceiver().decode({ kind: 'variables', changed: [] })).toThrow(/never received/);
  });
});
