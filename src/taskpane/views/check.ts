// 检查: one primary button (立即检查), live checking that starts when its box is ticked (remembered per
// workbook), and the findings of one sheet grouped by row (the row's indicator as heading, errors first),
// each a one-line title with its details folded. Rendered from the pane state; a live update patches the
// list in place, so keyboard focus and the scroll position stay where they were.
import type { Finding } from "../../domain/findings";
import type { CheckReport, LiveCheck, PaneApi, PaneResult } from "../api-types";
import { byId, element } from "../dom";
import type { Messages } from "../messages";
import { findingKey, groupByRow, type PaneState, type RowGroup, type SeverityFilter, type Store } from "../state";
import { thrownMessage, type Status } from "./status";

export interface CheckView {
  /** Runs a check (with progress) and shows it. */
  checkNow(): Promise<void>;
  /** The pane itself changed the workbook: re-check quietly when findings (or live checking) are on show. */
  refresh(): Promise<void>;
}

/** Findings rendered at first and added per "show more": enough to fill the pane many times over. */
const PAGE = 150;

interface GroupNode {
  node: HTMLElement;
  heading: HTMLElement;
  counts: HTMLElement;
  list: HTMLElement;
  items: Map<string, HTMLElement>;
}

function clock(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

export function initCheckView(api: PaneApi, status: Status, msg: Messages, store: Store, showTemplate: () => void): CheckView {
  const summary = byId("check-summary");
  const empty = byId("check-empty");
  const emptyText = byId("check-empty-text");
  const noForm = byId("check-no-form");
  const list = byId("findings");
  const more = byId<HTMLButtonElement>("findings-more");
  const filterBox = byId("findings-filter");
  const tabCount = byId("tab-check-count");
  const liveBox = byId<HTMLInputElement>("live-check");
  let live: LiveCheck | null = null;
  let starting = false;
  let limit = PAGE;
  const expanded = new Set<string>();
  const groups = new Map<string, GroupNode>();

  liveBox.checked = store.state.settings.liveCheck;
  byId("no-form-insert").addEventListener("click", showTemplate);

  async function select(sheetName: string, cell: string): Promise<void> {
    // Selecting is quick and harmless: it does not take the busy lock, so it works during a live re-check.
    try {
      const r = await api.selectCell(sheetName, cell);
      if (r.ok) status.show("info", msg.selected(cell), "check");
      else status.show("error", r.error.message, "check");
    } catch (e: unknown) {
      status.show("error", msg.unexpectedError(e instanceof Error ? e.message : String(e)), "check");
    }
  }

  function findingItem(f: Finding, key: string): HTMLElement {
    const open = expanded.has(key);
    const button = element("button", {
      className: `finding finding-${f.severity}${open ? " finding-open" : ""}`,
      attrs: { type: "button", "data-cell": f.cell, "data-rule": f.rule, "data-key": key, "aria-label": msg.findingLabel(f.cell, f.message) },
    });
    button.appendChild(element("span", { className: "cell-badge", text: f.cell, attrs: { "aria-hidden": "true" } }));
    button.appendChild(element("span", { className: "finding-message", text: f.message, attrs: { "aria-hidden": "true" } }));
    button.addEventListener("click", () => void select(store.state.findings?.sheetName ?? "", f.cell));
    const toggle = element("button", {
      className: "finding-toggle",
      text: open ? "▴" : "▾",
      attrs: { type: "button", "aria-expanded": String(open), "aria-label": open ? msg.hideDetails : msg.showDetails, title: open ? msg.hideDetails : msg.showDetails },
    });
    toggle.addEventListener("click", () => {
      const nowOpen = !expanded.has(key);
      if (nowOpen) expanded.add(key);
      else expanded.delete(key);
      button.classList.toggle("finding-open", nowOpen);
      toggle.textContent = nowOpen ? "▴" : "▾";
      toggle.setAttribute("aria-expanded", String(nowOpen));
      toggle.setAttribute("aria-label", nowOpen ? msg.hideDetails : msg.showDetails);
      toggle.title = nowOpen ? msg.hideDetails : msg.showDetails;
    });
    return element("li", { className: "finding-item", attrs: { "data-key": key } }, [button, toggle]);
  }

  function groupNode(g: RowGroup): GroupNode {
    const headingId = `row-${g.key.replace(/[^A-Za-z0-9]/g, "_")}`;
    const heading = element("span", { className: "row-heading-text" });
    const counts = element("span", { className: "row-counts" });
    const h = element("h3", { className: "row-heading", attrs: { id: headingId } }, [heading, counts]);
    const ul = element("ul", { className: "finding-list", attrs: { "aria-labelledby": headingId } });
    return { node: element("section", { className: "row-group", attrs: { "data-row": String(g.row) } }, [h, ul]), heading, counts, list: ul, items: new Map() };
  }

  /** Puts `wanted` into `parent` in order, reusing the nodes already there (moving only what moved). */
  function patchChildren(parent: HTMLElement, wanted: readonly HTMLElement[]): void {
    const keep = new Set(wanted);
    for (const child of Array.from(parent.children)) if (!keep.has(child as HTMLElement)) child.remove();
    let cursor: ChildNode | null = parent.firstChild;
    for (const node of wanted) {
      if (node !== cursor) parent.insertBefore(node, cursor);
      cursor = node.nextSibling;
    }
  }

  function renderFindings(state: PaneState): void {
    const f = state.findings;
    if (!f) {
      patchChildren(list, []);
      groups.clear();
      more.hidden = true;
      return;
    }
    const all = groupByRow(f, state.filter);
    const total = all.reduce((n, g) => n + g.findings.length, 0);
    const wanted: HTMLElement[] = [];
    const live = new Set<string>();
    let count = 0;
    for (const g of all) {
      if (count >= limit) break;
      const several = f.forms.length > 1 && g.formAnchor !== null ? `${msg.formNumber(f.forms.findIndex((x) => x.anchor === g.formAnchor) + 1, g.formAnchor)} · ` : "";
      let node = groups.get(g.key);
      if (!node) {
        node = groupNode(g);
        groups.set(g.key, node);
      }
      live.add(g.key);
      node.node.className = `row-group${g.errors > 0 ? " row-group-error" : " row-group-warning"}`;
      const headingText = several + msg.rowHeading(g.row, g.label);
      if (node.heading.textContent !== headingText) node.heading.textContent = headingText;
      const countText = msg.rowCounts(g.errors, g.findings.length - g.errors);
      if (node.counts.textContent !== countText) node.counts.textContent = countText;
      const items: HTMLElement[] = [];
      const keys = new Set<string>();
      for (const finding of g.findings) {
        if (count >= limit) break;
        const key = findingKey(finding);
        keys.add(key);
        let item = node.items.get(key);
        if (!item) {
          item = findingItem(finding, key);
          node.items.set(key, item);
        }
        items.push(item);
        count++;
      }
      for (const key of [...node.items.keys()]) if (!keys.has(key)) node.items.delete(key);
      patchChildren(node.list, items);
      wanted.push(node.node);
    }
    for (const key of [...groups.keys()]) if (!live.has(key)) groups.delete(key);
    patchChildren(list, wanted);
    more.hidden = count >= total;
    more.textContent = msg.showMore(count, total);
  }

  function render(state: PaneState, before: PaneState | null): void {
    const f = state.findings;
    const changed = !before || f !== before.findings || state.noForm !== before.noForm || state.filter !== before.filter || state.pointsTotal !== before.pointsTotal;
    if (!changed) return;
    if (before && f && before.findings && f.sheetName !== before.findings.sheetName) limit = PAGE;
    noForm.hidden = state.noForm === null;
    filterBox.hidden = !f || f.findings.length === 0;
    empty.hidden = !f || f.findings.length > 0;
    emptyText.textContent = msg.checkPassed;
    if (f) {
      const errors = f.findings.filter((x) => x.severity === "error").length;
      const total = state.pointsTotal;
      const expected = state.settings.expectedTotal;
      const points =
        total === null ? "" : `；${(Math.abs(total - expected) < 1e-6 ? msg.pointsTotalOk(total) : msg.pointsTotal(total, expected)).replace(/[。.]$/, "")}`;
      summary.textContent = `${msg.findingsOf(f.sheetName, clock(f.at))}：${msg.checkSummary(errors, f.findings.length - errors)}${points}`;
      tabCount.textContent = f.findings.length > 0 ? String(f.findings.length) : "";
      tabCount.hidden = f.findings.length === 0;
      tabCount.className = `tab-count${errors > 0 ? " tab-count-error" : ""}`;
      tabCount.setAttribute("aria-label", msg.tabCount(f.findings.length));
    } else {
      summary.textContent = state.noForm ? "" : msg.checkNotRun;
      tabCount.hidden = true;
      tabCount.textContent = "";
    }
    for (const b of Array.from(filterBox.querySelectorAll<HTMLButtonElement>("button[data-filter]"))) {
      b.setAttribute("aria-pressed", String(b.dataset.filter === state.filter));
    }
    renderFindings(state);
  }

  for (const [value, label] of [["all", msg.filterAll], ["error", msg.filterErrors], ["warning", msg.filterWarnings]] as const) {
    const b = element("button", { className: "filter-button", text: label, attrs: { type: "button", "data-filter": value, "aria-pressed": "false" } });
    b.addEventListener("click", () => store.dispatch({ type: "filterSet", filter: value as SeverityFilter }));
    filterBox.appendChild(b);
  }
  more.addEventListener("click", () => {
    limit += PAGE;
    renderFindings(store.state);
  });

  function received(report: CheckReport): void {
    store.dispatch({ type: "checked", report, at: Date.now() });
  }

  function failed(error: { message: string; code?: string }): void {
    // A sheet without a form is not an error: the findings go and the pane says so plainly.
    if (error.code === "no-form") store.dispatch({ type: "noFormFound", sheetName: null, at: Date.now() });
    else status.show("error", error.message, "check");
  }

  function onLive(r: PaneResult<CheckReport>): void {
    if (r.ok) received(r.value);
    else failed(r.error);
  }

  async function startLive(initial: boolean): Promise<void> {
    if (live || starting || !liveBox.checked) return;
    starting = true;
    try {
      const r = await api.startLiveCheck(() => store.state.settings.expectedTotal, onLive, initial).catch((e: unknown) => {
        // The engine was not served: say so and keep the box ticked; 立即检查 starts live checking again.
        status.show("error", thrownMessage(msg, e), "check");
        return null;
      });
      if (!r) return;
      if (!r.ok) {
        liveBox.checked = false;
        store.dispatch({ type: "liveCheckSet", on: false });
        status.show("warning", msg.liveUnavailable(r.error.message), "check");
        return;
      }
      // Unticked while it was starting: stop again.
      if (!liveBox.checked) r.value.stop();
      else live = r.value;
    } finally {
      starting = false;
    }
  }

  function stopLive(): void {
    live?.stop();
    live = null;
  }

  liveBox.addEventListener("change", () => {
    const on = liveBox.checked;
    store.dispatch({ type: "liveCheckSet", on });
    void api.saveLiveCheck(on).then((r) => {
      if (r.ok) status.show("info", on ? msg.liveRemembered : msg.liveOff, "check");
      else status.show("warning", r.error.message, "check");
    });
    if (on) void startLive(true);
    else stopLive();
  });
  window.addEventListener("pagehide", stopLive);
  store.subscribe(render);

  async function checkNow(): Promise<void> {
    // Long sheets are read in slices: say how far the read has come.
    const progress = (rows: number, total: number): void => void (byId("progress-label").textContent = msg.busyCheckRows(rows, total));
    let failure: { message: string; code?: string } | null = null;
    const arriving = api.engineReady();
    const report = await status.run<CheckReport | null>(arriving ? msg.busyLoading : msg.busyCheck, async () => {
      // Pressed before checking's code arrived: say 正在加载… until it has, then 正在检查….
      if (arriving) {
        await arriving;
        byId("progress-label").textContent = msg.busyCheck;
      }
      const r = await api.check(store.state.settings.expectedTotal, progress);
      // No form is a state of the sheet, not a failed operation.
      if (!r.ok && r.error.code === "no-form") {
        failure = r.error;
        return { ok: true, value: null };
      }
      return r.ok ? { ok: true, value: r.value } : r;
    });
    if (failure) failed(failure);
    else if (report) received(report);
    await startLive(false);
  }

  async function refresh(): Promise<void> {
    const state = store.state;
    if (!liveBox.checked && !state.findings && !state.noForm) return;
    const r = await api.check(state.settings.expectedTotal).catch(() => null);
    if (!r) return;
    if (r.ok) received(r.value);
    else failed(r.error);
  }

  byId("check-now").addEventListener("click", () => void checkNow());
  byId("clear-marks").addEventListener("click", () => {
    void status.run(msg.busyClearMarks, () => api.clearMarks()).then((r) => r && status.show("info", r.message, "check"));
  });
  // Remembered ticked for this workbook: live checking runs from the start.
  if (liveBox.checked) void startLive(true);
  return { checkNow, refresh };
}
