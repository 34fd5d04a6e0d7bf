/**
 * @jest-environment jsdom
 */
// 检查 rendered in jsdom from the real pane markup with a fake workbook: workbook text (sheet names, row labels,
// cells, messages) stays text; a check of another sheet replaces the findings; a sheet without a form says so;
// rows are grouped (errors first), paged by 150 and filtered; a live update patches the list in place, keeping
// the focused finding; 立即检查 and 清除标记 are disabled while an operation runs.
import type { Finding, Severity } from "../../src/domain/findings";
import type { CheckedForm, CheckReport, PaneResult } from "../../src/taskpane/api-types";
import { zh } from "../../src/taskpane/messages/zh";
import { initCheckView } from "../../src/taskpane/views/check";
import { bars, byIdIn, click, deferred, enabledOps, fakeApi, HOSTILE, injected, mountPane, ok, settle } from "./pane-fixture";

function finding(row: number, severity: Severity, message: string, cell = `D${row}`): Finding {
  return { rule: severity === "error" ? "value-missing" : "unit-missing", severity, cell, row, message };
}

function report(sheetName: string, findings: Finding[], form: Partial<CheckedForm> = {}): CheckReport {
  return { sheetName, findings, forms: [{ anchor: "A1", findings, pointsTotal: null, rowLabels: {}, year: null, ...form }] };
}

function mount(overrides: Parameters<typeof fakeApi>[0] = {}, liveCheck = false) {
  const pane = mountPane({ expectedTotal: 90, liveCheck });
  pane.store.dispatch({ type: "tabShown", tab: "check" });
  const api = fakeApi(overrides);
  const showTemplate = jest.fn();
  const view = initCheckView(api, pane.status, zh, pane.store, showTemplate);
  const show = (r: CheckReport, at = Date.now()) => pane.store.dispatch({ type: "checked", report: r, at });
  return { ...pane, api, view, showTemplate, show };
}

const panel = () => byIdIn("panel-check");
const items = () => Array.from(document.querySelectorAll<HTMLElement>("#findings .finding-item"));
const messages = () => Array.from(document.querySelectorAll("#findings .finding-message")).map((n) => n.textContent);
const headings = () => Array.from(document.querySelectorAll("#findings .row-heading-text")).map((n) => n.textContent);
const findingButton = (cell: string) => document.querySelector<HTMLButtonElement>(`#findings button.finding[data-cell="${cell}"]`)!;

describe("check view: workbook text stays text", () => {
  test("sheet name, row label, cell and message holding markup show as typed, and make no element", () => {
    const { show } = mount();
    const f = finding(8, "error", HOSTILE, HOSTILE);
    show(report(HOSTILE, [f], { rowLabels: { 8: HOSTILE } }));
    expect(injected(panel())).toEqual([]);
    expect(headings()).toEqual([zh.rowHeading(8, HOSTILE)]);
    expect(messages()).toEqual([HOSTILE]);
    expect(panel().querySelector(".cell-badge")?.textContent).toBe(HOSTILE);
    expect(byIdIn("check-summary").textContent).toContain(`“${HOSTILE}”`);
    const button = panel().querySelector<HTMLButtonElement>("button.finding")!;
    expect(button.getAttribute("data-cell")).toBe(HOSTILE);
    expect(button.getAttribute("aria-label")).toBe(zh.findingLabel(HOSTILE, HOSTILE));
  });

  test("an error the check reports holding markup shows as text in its bar", async () => {
    mount({ check: () => Promise.resolve({ ok: false, error: { message: HOSTILE, cell: "B3" } }) });
    click("check-now");
    await settle();
    expect(bars()).toEqual([`${zh.errorPrefix}B3：${HOSTILE}`]);
    expect(injected()).toEqual([]);
  });
});

describe("check view: one sheet's findings, as of one check", () => {
  test("a check of sheet B replaces sheet A's findings: none of A's rows or messages remain", () => {
    const { show } = mount();
    show(report("甲表", [finding(5, "error", "甲-五"), finding(6, "warning", "甲-六"), finding(9, "error", "甲-九")]));
    expect(messages()).toEqual(["甲-五", "甲-六", "甲-九"]);
    show(report("乙表", [finding(9, "warning", "乙-九")]));
    expect(messages()).toEqual(["乙-九"]);
    expect(document.querySelectorAll("#findings .row-group")).toHaveLength(1);
    expect(byIdIn("check-summary").textContent).toContain("“乙表”");
    expect(byIdIn("check-summary").textContent).not.toContain("甲表");
  });

  test("a sheet without a form says so: findings, filter and counts go, and the offer leads to 模板", async () => {
    const answers: Array<PaneResult<CheckReport>> = [
      { ok: true, value: report("甲表", [finding(5, "error", "甲-五")]) },
      { ok: false, error: { message: "没有找到目标表。", code: "no-form" } },
    ];
    const { showTemplate } = mount({ check: () => Promise.resolve(answers.shift()!) });
    click("check-now");
    await settle();
    expect(byIdIn("check-no-form").hidden).toBe(true);
    expect(byIdIn("tab-check-count").textContent).toBe("1");
    click("check-now");
    await settle();
    expect(byIdIn("check-no-form").hidden).toBe(false);
    expect(items()).toEqual([]);
    expect(byIdIn("findings-filter").hidden).toBe(true);
    expect(byIdIn("check-empty").hidden).toBe(true);
    expect(byIdIn("check-summary").textContent).toBe("");
    expect(byIdIn("tab-check-count").hidden).toBe(true);
    expect(bars()).toEqual([]);
    click("no-form-insert");
    expect(showTemplate).toHaveBeenCalledTimes(1);
  });

  test("a clean sheet shows the passed state; the summary names the sheet, the time and the points against the total", () => {
    const { show, store } = mount();
    expect(byIdIn("check-summary").textContent).toBe(zh.checkNotRun);
    show(report("甲表", [], { pointsTotal: 80 }), new Date(2026, 0, 1, 9, 5, 7).getTime());
    expect(byIdIn("check-empty").hidden).toBe(false);
    expect(byIdIn("check-empty-text").textContent).toBe(zh.checkPassed);
    expect(byIdIn("findings-filter").hidden).toBe(true);
    expect(byIdIn("check-summary").textContent).toBe(`${zh.findingsOf("甲表", "09:05:07")}：${zh.checkSummary(0, 0)}；${zh.pointsTotal(80, 90).replace(/。$/, "")}`);
    store.dispatch({ type: "pointsTotalRead", total: 90 });
    expect(byIdIn("check-summary").textContent).toContain(zh.pointsTotalOk(90).replace(/。$/, ""));
  });
});

describe("check view: grouping, paging and filter", () => {
  test("findings are grouped by row in sheet order, each group's errors first, with its counts", () => {
    const { show } = mount();
    show(report("甲表", [finding(8, "warning", "八-警告"), finding(5, "warning", "五-警告"), finding(8, "error", "八-错误", "E8")], { rowLabels: { 8: "培训人次" } }));
    expect(headings()).toEqual([zh.rowHeading(5, null), zh.rowHeading(8, "培训人次")]);
    expect(messages()).toEqual(["五-警告", "八-错误", "八-警告"]);
    const counts = Array.from(document.querySelectorAll("#findings .row-counts")).map((n) => n.textContent);
    expect(counts).toEqual([zh.rowCounts(0, 1), zh.rowCounts(1, 1)]);
    expect(Array.from(document.querySelectorAll("#findings .row-group")).map((g) => g.className)).toEqual([
      "row-group row-group-warning",
      "row-group row-group-error",
    ]);
    const tabCount = byIdIn("tab-check-count");
    expect([tabCount.textContent, tabCount.hidden, tabCount.className]).toEqual(["3", false, "tab-count tab-count-error"]);
  });

  test("several forms on a sheet: each heading names its form", () => {
    const { store } = mount();
    const a = [finding(5, "error", "一")];
    const b = [finding(40, "error", "二")];
    store.dispatch({
      type: "checked",
      at: 1,
      report: { sheetName: "甲表", findings: [...a, ...b], forms: [{ anchor: "A1", findings: a, pointsTotal: null, rowLabels: {}, year: null }, { anchor: "A30", findings: b, pointsTotal: null, rowLabels: {}, year: null }] },
    });
    expect(headings()).toEqual([`${zh.formNumber(1, "A1")} · ${zh.rowHeading(5, null)}`, `${zh.formNumber(2, "A30")} · ${zh.rowHeading(40, null)}`]);
  });

  test("400 findings show 150 at a time; 再显示一些 adds 150; another sheet starts again at 150", () => {
    const { show } = mount();
    const many = (sheet: string) => report(sheet, Array.from({ length: 400 }, (_, i) => finding(10 + Math.floor(i / 2), "warning", `${sheet}${i}`, `${i % 2 ? "E" : "D"}${10 + Math.floor(i / 2)}`)));
    show(many("甲"));
    const more = byIdIn<HTMLButtonElement>("findings-more");
    expect(items()).toHaveLength(150);
    expect([more.hidden, more.textContent]).toEqual([false, zh.showMore(150, 400)]);
    more.click();
    expect(items()).toHaveLength(300);
    more.click();
    expect(items()).toHaveLength(400);
    expect(more.hidden).toBe(true);
    show(many("乙"));
    expect(items()).toHaveLength(150);
    expect(messages()[0]).toBe("乙0");
  });

  test("the filter shows only errors or only warnings, marks the pressed button, and survives a re-check", () => {
    const { show } = mount();
    const findings = [finding(5, "error", "错1"), finding(5, "warning", "警1"), finding(7, "warning", "警2")];
    show(report("甲表", findings));
    const filterButton = (v: string) => document.querySelector<HTMLButtonElement>(`#findings-filter button[data-filter="${v}"]`)!;
    expect(byIdIn("findings-filter").hidden).toBe(false);
    filterButton("error").click();
    expect(messages()).toEqual(["错1"]);
    expect(["all", "error", "warning"].map((v) => filterButton(v).getAttribute("aria-pressed"))).toEqual(["false", "true", "false"]);
    show(report("甲表", [...findings, finding(9, "error", "错2")]));
    expect(messages()).toEqual(["错1", "错2"]);
    filterButton("warning").click();
    expect(messages()).toEqual(["警1", "警2"]);
    filterButton("all").click();
    expect(messages()).toHaveLength(4);
  });
});

describe("check view: live updates", () => {
  test("a live re-check patches the list in place: the focused finding keeps its element, focus and opened details", async () => {
    let deliver: (r: PaneResult<CheckReport>) => void = () => undefined;
    const { api } = mount(
      {
        startLiveCheck: (_total, onReport) => {
          deliver = onReport;
          return ok({ stop: () => undefined });
        },
      },
      true,
    );
    await settle();
    expect(api.startLiveCheck).toHaveBeenCalledWith(expect.any(Function), expect.any(Function), true);
    deliver({ ok: true, value: report("甲表", [finding(5, "error", "五"), finding(8, "error", "八")]) });
    const kept = findingButton("D8");
    const toggle = kept.parentElement!.querySelector<HTMLButtonElement>(".finding-toggle")!;
    toggle.click();
    kept.focus();
    deliver({ ok: true, value: report("甲表", [finding(6, "warning", "六"), finding(8, "error", "八")]) });
    expect(messages()).toEqual(["六", "八"]);
    expect(findingButton("D8")).toBe(kept);
    expect(kept.isConnected).toBe(true);
    expect(document.activeElement).toBe(kept);
    expect(kept.classList.contains("finding-open")).toBe(true);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
  });

  test("a live report that the sheet holds no form clears the findings and says so", async () => {
    let deliver: (r: PaneResult<CheckReport>) => void = () => undefined;
    mount({ startLiveCheck: (_t, onReport) => ((deliver = onReport), ok({ stop: () => undefined })) }, true);
    await settle();
    deliver({ ok: true, value: report("甲表", [finding(5, "error", "五")]) });
    deliver({ ok: false, error: { message: "没有找到目标表。", code: "no-form" } });
    expect(items()).toEqual([]);
    expect(byIdIn("check-no-form").hidden).toBe(false);
  });

  test("unticking the box stops live checking and is remembered; ticking starts it", async () => {
    const stop = jest.fn();
    const { api, store } = mount({ startLiveCheck: () => ok({ stop }) }, true);
    await settle();
    const box = byIdIn<HTMLInputElement>("live-check");
    expect(box.checked).toBe(true);
    box.click();
    await settle();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(api.saveLiveCheck).toHaveBeenLastCalledWith(false);
    expect(store.state.settings.liveCheck).toBe(false);
    box.click();
    await settle();
    expect(api.startLiveCheck).toHaveBeenCalledTimes(2);
    expect(store.state.settings.liveCheck).toBe(true);
  });

  test("clicking a finding selects its cell on the sheet the findings are of", async () => {
    const { api, show } = mount();
    show(report("甲表", [finding(5, "error", "五")]));
    show(report("乙表", [finding(7, "error", "七", "F7")]));
    findingButton("F7").click();
    await settle();
    expect(api.selectCell).toHaveBeenCalledWith("乙表", "F7");
    expect(bars()).toEqual([zh.selected("F7")]);
  });
});

describe("check view: operations in flight", () => {
  test("while 立即检查 runs, it and 清除标记 are disabled, progress says how far, and a second check is refused", async () => {
    const pending = deferred<PaneResult<CheckReport>>();
    let progress: ((rows: number, total: number) => void) | undefined;
    const { api, view } = mount({
      check: (_total, onProgress) => {
        progress = onProgress;
        return pending.promise;
      },
    });
    expect(enabledOps()).toEqual(expect.arrayContaining(["check-now", "clear-marks"]));
    click("check-now");
    await settle();
    expect(enabledOps()).toEqual([]);
    expect(byIdIn("progress-label").textContent).toBe(zh.busyCheck);
    progress?.(500, 2000);
    expect(byIdIn("progress-label").textContent).toBe(zh.busyCheckRows(500, 2000));
    await view.checkNow();
    expect(api.check).toHaveBeenCalledTimes(1);
    expect(bars()).toEqual([zh.alreadyRunning]);
    pending.resolve({ ok: true, value: report("甲表", [finding(5, "error", "五")]) });
    await settle();
    expect(enabledOps()).toEqual(expect.arrayContaining(["check-now", "clear-marks"]));
    expect(messages()).toEqual(["五"]);
  });

  test("pressed before checking's code arrived: 正在加载… until it has, then 正在检查…", async () => {
    const engine = deferred<void>();
    const checked = deferred<PaneResult<CheckReport>>();
    const { api } = mount({ engineReady: () => engine.promise, check: () => checked.promise });
    click("check-now");
    await settle();
    expect(byIdIn("progress-label").textContent).toBe(zh.busyLoading);
    expect(api.check).not.toHaveBeenCalled();
    engine.resolve();
    await settle();
    expect(byIdIn("progress-label").textContent).toBe(zh.busyCheck);
    checked.resolve({ ok: true, value: report("甲表", []) });
    await settle();
    expect(byIdIn("progress").hidden).toBe(true);
  });

  test("清除标记 says what the workbook removed", async () => {
    const { api } = mount({ clearMarks: () => ok({ removed: 3, message: "已清除 3 个检查标记。" }) });
    click("clear-marks");
    await settle();
    expect(api.clearMarks).toHaveBeenCalledTimes(1);
    expect(bars()).toEqual(["已清除 3 个检查标记。"]);
  });
});
