import type { VariableInfo } from '../engine/model-index.js';
import type { LanguageState } from '../monaco/language-state.js';
import { formatValue } from '../charts/results-view.js';

/**
 * The variable under the cursor: its equation, what it is computed from (causes) and what reads
 * it (uses). Every name is a link to its definition.
 */
export function showCausesUses(title: HTMLElement, box: HTMLElement, v: VariableInfo | undefined, state: LanguageState, goTo: (ident: string) => void): void {
  if (!v) {
    title.textContent = 'Causes and uses';
    box.replaceChildren(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'Put the cursor on a variable.' }));
    return;
  }
  title.textContent = `${v.name} (${v.kind})`;
  const equation = document.createElement('div');
  equation.className = 'equation';
  equation.textContent = v.equation !== undefined ? `${v.kind === 'stock' ? 'initial ' : ''}= ${v.equation}` : '';
  const dl = document.createElement('dl');
  const row = (term: string, content: Node[] | string) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    if (typeof content === 'string') dd.textContent = content;
    else if (content.length === 0) dd.textContent = '—';
    else dd.append(...content);
    dl.append(dt, dd);
  };
  const links = (idents: string[]) =>
    idents.map((ident) => {
      const a = document.createElement('a');
      a.href = '#';
      a.textContent = state.index?.get(ident)?.name ?? ident;
      a.addEventListener('click', (e) => {
        e.preventDefault();
        goTo(ident);
      });
      return a;
    });
  row('causes', links(v.causes));
  row('uses', links(v.uses));
  if (v.loops.length) row('loops', v.loops.join('; '));
  if (v.units) row('units', v.units);
  const values = state.values(v.ident);
  if (values) row('value', `${formatValue(values.first)} → ${formatValue(values.last)}`);
  if (v.doc) row('doc', v.doc);
  box.replaceChildren(equation, dl);
}
