// The four sections as a tab list: arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern).

export function initTabs(onShow: (panelId: string) => void): void {
  const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tab"]'));

  function select(tab: HTMLButtonElement, focus: boolean): void {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute("aria-selected", String(selected));
      t.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(t.getAttribute("aria-controls") ?? "");
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    onShow(tab.getAttribute("aria-controls") ?? "");
  }

  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab, false));
    tab.addEventListener("keydown", (e: KeyboardEvent) => {
      const next =
        e.key === "ArrowRight" ? tabs[(i + 1) % tabs.length]
        : e.key === "ArrowLeft" ? tabs[(i - 1 + tabs.length) % tabs.length]
        : e.key === "Home" ? tabs[0]
        : e.key === "End" ? tabs[tabs.length - 1]
        : undefined;
      if (next) {
        e.preventDefault();
        select(next, true);
      }
    });
  });
}

/** Shows a panel from code (e.g. after a check started from elsewhere). */
export function showTab(tabId: string): void {
  document.getElementById(tabId)?.click();
}
