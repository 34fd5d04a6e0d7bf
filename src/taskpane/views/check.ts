// 检查: check now, findings grouped by severity with counts, click a finding to select its cell, live updates.
import type { Finding } from "../../domain/findings";
import type { CheckReport, LiveCheck, PaneApi, PaneResult } from "../api-types";
import { byId, clear, element } from "../dom";
import type { Messages } from "../messages";
import type { Status } from "./status";

export interface CheckView {
  /** Runs a check (with progress) and shows it. */
  checkNow(): Promise<void>;
}

export function initCheckView(
  api: PaneApi,
  status: Status,
  msg: Messages,
  expectedTotal: () => number,
  onReport: (report: CheckReport) => void,
): CheckView {
  const summary = byId("check-summary");
  const empty = byId("check-empty");
  const emptyText = byId("check-empty-text");
  const list = byId("findings");
  const liveBox = byId<HTMLInputElement>("live-check");
  let live: LiveCheck | null = null;
  /** The sheet the shown findings are about (a finding's cell is on that sheet). */
  let sheetName = "";
  summary.textContent = msg.checkNotRun;

  async function select(cell: string): Promise<void> {
    // Selecting is quick and harmless: it does not take the busy lock, so it works during a live re-check.
    try {
      const r = await api.selectCell(sheetName, cell);
      if (r.ok) status.show("info", msg.selected(cell));
      else status.show("error", r.error.message);
    } catch (e: unknown) {
      status.show("error", msg.unexpectedError(e instanceof Error ? e.message : String(e)));
    }
  }

  function findingItem(f: Finding): HTMLLIElement {
    const button = element("button", {
      className: `finding finding-${f.severity}`,
      attrs: { type: "button", "data-cell": f.cell, "data-rule": f.rule, "aria-label": msg.findingLabel(f.cell, f.message) },
    });
    button.appendChild(element("span", { className: "cell-badge", text: f.cell, attrs: { "aria-hidden": "true" } }));
    button.appendChild(element("span", { className: "finding-message", text: f.message, attrs: { "aria-hidden": "true" } }));
    button.addEventListener("click", () => void select(f.cell));
    return element("li", {}, [button]);
  }

  /** Severity group; with several forms on the sheet, each form's findings under its own sub-heading. */
  function group(kind: "error" | "warning", findings: Finding[], report: CheckReport): HTMLElement {
    const headingId = `group-${kind}`;
    const heading = element("h3", {
      className: `group-heading group-heading-${kind}`,
      text: kind === "error" ? msg.groupErrors(findings.length) : msg.groupWarnings(findings.length),
      attrs: { id: headingId },
    });
    const section = element("section", { className: `group group-${kind}` }, [heading]);
    const parts =
      report.forms.length > 1
        ? report.forms.map((form, i) => ({ label: msg.formNumber(i + 1, form.anchor), items: findings.filter((f) => form.findings.includes(f)) }))
        : [{ label: null, items: findings }];
    parts.forEach((part, i) => {
      if (part.items.length === 0) return;
      const ul = element("ul", { className: "finding-list" });
      if (part.label === null) ul.setAttribute("aria-labelledby", headingId);
      else {
        const subId = `${headingId}-form-${i + 1}`;
        section.appendChild(element("h4", { className: "form-heading", text: part.label, attrs: { id: subId } }));
        ul.setAttribute("aria-labelledby", `${headingId} ${subId}`);
      }
      for (const f of part.items) ul.appendChild(findingItem(f));
      section.appendChild(ul);
    });
    return section;
  }

  function show(report: CheckReport): void {
    sheetName = report.sheetName;
    const errors = report.findings.filter((f) => f.severity === "error");
    const warnings = report.findings.filter((f) => f.severity === "warning");
    summary.textContent = msg.checkSummary(errors.length, warnings.length);
    clear(list);
    empty.hidden = report.findings.length > 0;
    emptyText.textContent = msg.checkPassed;
    if (errors.length > 0) list.appendChild(group("error", errors, report));
    if (warnings.length > 0) list.appendChild(group("warning", warnings, report));
    onReport(report);
  }

  function onLive(r: PaneResult<CheckReport>): void {
    if (r.ok) show(r.value);
    else status.show("error", r.error.message);
  }

  async function startLive(): Promise<void> {
    if (live || !liveBox.checked) return;
    const r = await api.startLiveCheck(expectedTotal, onLive);
    if (r.ok) {
      live = r.value;
      status.show("info", msg.liveOn);
    } else {
      liveBox.checked = false;
      status.show("warning", msg.liveUnavailable(r.error.message));
    }
  }

  function stopLive(): void {
    live?.stop();
    live = null;
  }

  liveBox.addEventListener("change", () => {
    if (liveBox.checked) void startLive();
    else stopLive();
  });
  window.addEventListener("pagehide", stopLive);

  async function checkNow(): Promise<void> {
    const progress = (rows: number, total: number): void => void (byId("progress-label").textContent = msg.busyCheckRows(rows, total));
    const report = await status.run(msg.busyCheck, () => api.check(expectedTotal(), progress));
    if (!report) return;
    show(report);
    await startLive();
  }

  byId("check-now").addEventListener("click", () => void checkNow());
  byId("clear-marks").addEventListener("click", () => {
    void status.run(msg.busyClearMarks, () => api.clearMarks()).then((r) => r && status.show("info", r.message));
  });
  return { checkNow };
}
