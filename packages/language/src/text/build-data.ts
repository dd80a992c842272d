import type { CstNode, IToken } from 'chevrotain';
import { warning, type Project, type Variable } from '@sluice/ir';
import { nodeOf, readName, tokenOf, tokensOf, unquote } from './cst.js';
import { report, type BuildContext } from './context.js';
import { addDataSource, dataMethodOf, dataSourcesOf, isDataMethod, setDataMethod, DATA_METHODS } from './data-variable.js';

/** `method hold_backward` under a `data` declaration. */
export function readDataMethod(node: CstNode, ctx: BuildContext, v: Variable, isData: boolean, at: IToken): void {
  const word = tokenOf(node, 'Identifier');
  if (word === undefined) return;
  if (!isData) {
    report(ctx, 'invalid-attribute', `only a data variable has a method; declare ${v.name} with 'data'`, at, v.name);
    return;
  }
  const method = word.image.toUpperCase();
  if (word.image !== word.image.toLowerCase() || !isDataMethod(method)) {
    const words = DATA_METHODS.map((m) => `'${m.toLowerCase()}'`).join(', ');
    report(ctx, 'invalid-attribute', `expected one of ${words} after 'method' but found '${word.image}'`, word, v.name);
    return;
  }
  setDataMethod(v, method);
}

/** `source [elements] "GET XLS DATA"("file", "sheet", ...)`: one GET call's quoted arguments, which its formula leaves out. */
export function readDataSource(node: CstNode, ctx: BuildContext, v: Variable, subscripts: string[]): void {
  const fn = readName(nodeOf(node, 'name'), ctx.file);
  if (fn === undefined) return;
  // The function's name is a `name` (a Quoted token inside it); the arguments are the node's own Quoted tokens.
  const args = tokensOf(node, 'Quoted').map((t) => unquote(t.image));
  addDataSource(v, { function: fn.display, arguments: args, subscripts });
}

/**
 * Data files are read in a run only for a Vensim model (`sluice run --data`), so a data
 * variable or GET call elsewhere would end as "has no equation": say why where it is declared.
 */
export function checkDataDialect(project: Project, ctx: BuildContext): void {
  if (project.dialect === 'vensim') return;
  for (const m of project.models) {
    for (const v of m.variables) {
      if (dataMethodOf(v) === undefined && dataSourcesOf(v).length === 0) continue;
      const what = dataMethodOf(v) !== undefined ? 'a data variable' : 'read by a GET call';
      const message = `${v.name} is ${what}: data is read only in a model with 'dialect vensim' on its sim line`;
      ctx.diagnostics.push(warning('data-dialect', message, v.loc, v.name));
    }
  }
}
