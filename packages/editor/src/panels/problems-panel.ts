import type { Diagnostic } from '@sluice/ir';

/** What each list shows, so the same problems after a keystroke leave the page's layout alone. */
const shown = new WeakMap<HTMLElement, string>();

/** The problems list under the editor: every diagnostic, each a button that jumps to its place. */
export function showProblems(list: HTMLElement, diagnostics: Diagnostic[], reveal: (line: number, column: number) => void): void {
  const key = JSON.stringify(diagnostics.map((d) => [d.severity, d.message, d.loc?.line, d.loc?.column]));
  if (shown.get(list) === key) return;
  shown.set(list, key);
  if (diagnostics.length === 0) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = 'No problems.';
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(
    ...diagnostics.map((d) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = d.severity;
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = d.loc ? `${d.loc.line}:${d.loc.column}` : '';
      b.append(where, `${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.message}`);
      b.addEventListener('click', () => reveal(d.loc?.line ?? 1, d.loc?.column ?? 1));
      li.append(b);
      return li;
    }),
  );
}
