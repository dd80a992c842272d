import type { Project, Variable } from '@sluice/ir';

/**
 * A parsed model as the simulation worker sends it: whole, or as the one sent before with some
 * of the main model's variables replaced. Typing in a constant changes one variable, and copying
 * the whole model between threads cost more than the run itself.
 */
export type ProjectMessage = { kind: 'whole'; project: Project | null } | { kind: 'variables'; changed: [number, Variable][] };

/** The worker's side: remembers the last project sent, and sends what differs from it. */
export class ProjectSender {
  private last: Project | null = null;

  encode(project: Project | null): ProjectMessage {
    const last = this.last;
    this.last = project;
    if (project && last && onlyMainVariablesDiffer(project, last)) {
      const changed: [number, Variable][] = [];
      project.models[0]!.variables.forEach((v, i) => {
        if (v !== last.models[0]!.variables[i]) changed.push([i, v]);
      });
      return { kind: 'variables', changed };
    }
    return { kind: 'whole', project };
  }

  /** The last message never arrived (it could not be sent): the next one must be whole. */
  forget(): void {
    this.last = null;
  }
}

/** The main thread's side: rebuilds each project from the last one received. */
export class ProjectReceiver {
  private last: Project | null = null;

  decode(message: ProjectMessage): Project | null {
    if (message.kind === 'whole') {
      this.last = message.project;
      return message.project;
    }
    const last = this.last;
    const main = last?.models[0];
    if (!last || !main) throw new Error('the worker sent a change to a model this thread never received');
    const variables = main.variables.slice();
    for (const [i, v] of message.changed) variables[i] = v;
    this.last = { ...last, models: [{ ...main, variables }, ...last.models.slice(1)] };
    return this.last;
  }
}

/**
 * Whether `next` is `prev` (the very objects, as the worker keeps them) but for some entries of
 * the main model's variable list: what retyping a constant makes.
 */
function onlyMainVariablesDiffer(next: Project, prev: Project): boolean {
  if (next === prev) return true;
  const [main, ...rest] = next.models;
  const [prevMain, ...prevRest] = prev.models;
  if (!main || !prevMain || rest.length !== prevRest.length || rest.some((m, i) => m !== prevRest[i])) return false;
  if (main.variables.length !== prevMain.variables.length) return false;
  return sameFieldsBut(next, prev, 'models') && sameFieldsBut(main, prevMain, 'variables');
}

/** Every field the same object (or value) in both, except `skip`. */
function sameFieldsBut<T extends object>(a: T, b: T, skip: keyof T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => k === skip || (Object.hasOwn(b, k) && a[k] === b[k]));
}
