/**
 * ARIA tabs: click or arrow keys switch the panel; `onShow` lets a chart size itself once visible.
 */
export function setUpTabs(tablist: HTMLElement, onShow: (panelId: string) => void): void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  const select = (tab: HTMLButtonElement) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(t.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !on;
    }
    onShow(tab.getAttribute('aria-controls') ?? '');
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      if (next) {
        next.focus();
        select(next);
      }
    });
  });
}
