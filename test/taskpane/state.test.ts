import type { Finding } from "../../src/domain/findings";
import type { CheckReport } from "../../src/taskpane/api-types";
import { createStore, FADE_MS, groupByRow, initialState, messagesOn, reduce, type PaneState } from "../../src/taskpane/state";

const f = (rule: Finding["rule"], severity: Finding["severity"], cell: string, row: number): Finding => ({ rule, severity, cell, row, message: `${rule} at ${cell}` });

function report(sheetName: string, findings: Finding[]): CheckReport {
  return { sheetName, findings, forms: [{ anchor: "A1", findings, pointsTotal: 60, rowLabels: { 8: "培训人次" }, year: 2026 }] };
}

const start = (): PaneState => initialState({ expectedTotal: 90, liveCheck: true });

describe("pane state", () => {
  test("a check replaces the findings (never appends) and says which sheet and when", () => {
    let s = reduce(start(), { type: "checked", report: report("Sheet1", [f("value-missing", "error", "F8", 8)]), at: 1 });
    s = reduce(s, { type: "checked", report: report("Sheet1", [f("unit-missing", "warning", "G9", 9)]), at: 2 });
    expect(s.findings?.findings.map((x) => x.cell)).toEqual(["G9"]);
    expect(s.findings).toMatchObject({ sheetName: "Sheet1", at: 2 });
    expect(s.pointsTotal).toBe(60);
    expect(s.formYear).toBe(2026);
  });

  test("a check that succeeds clears the check tab's earlier error bars, not the other tabs'", () => {
    let s = reduce(start(), { type: "messageRaised", tone: "error", text: "检查失败", tab: "check", at: 1 });
    s = reduce(s, { type: "messageRaised", tone: "error", text: "保存失败", tab: "settings", at: 1 });
    s = reduce(s, { type: "checked", report: report("Sheet1", []), at: 2 });
    expect(s.messages.map((m) => m.text)).toEqual(["保存失败"]);
  });

  test("a sheet without a form clears the findings and the points", () => {
    let s = reduce(start(), { type: "checked", report: report("Sheet1", [f("value-missing", "error", "F8", 8)]), at: 1 });
    s = reduce(s, { type: "noFormFound", sheetName: null, at: 2 });
    expect(s.findings).toBeNull();
    expect(s.noForm).toEqual({ sheetName: null, at: 2 });
    expect(s.pointsTotal).toBeNull();
  });

  test("a self-evaluation sheet's scores replace the selected rows and keep the target form's points", () => {
    let s = reduce(start(), { type: "pointsTotalRead", total: 60 });
    s = reduce(s, { type: "selectionRead", rows: { sheetName: "Sheet1", rows: [], pointsTotal: 60 }, at: 1 });
    const row = { row: 8, indicator: "培训人次", target: "≥1200人次", actual: "1080", points: 15, computed: 11.25, band: null, written: 15, differs: true, why: "完成率 90%" };
    s = reduce(s, { type: "scoresRead", scores: { kind: "selfeval", sheetName: "2027年自评", rows: [row] }, at: 2 });
    expect(s.selection).toEqual({ kind: "scores", value: { kind: "selfeval", sheetName: "2027年自评", rows: [row] }, at: 2 });
    expect(s.sheetName).toBe("2027年自评");
    expect(s.pointsTotal).toBe(60);
    s = reduce(s, { type: "selectionOutside", reason: "不在指标行上", sheetName: "2027年自评" });
    expect(s.selection.kind).toBe("outside");
  });

  test("messages belong to their tab, the same one merges with a count, info and success fade", () => {
    let s = reduce(start(), { type: "messageRaised", tone: "error", text: "坏了", tab: "settings", at: 0 });
    s = reduce(s, { type: "messageRaised", tone: "error", text: "坏了", tab: "settings", at: 5 });
    s = reduce(s, { type: "messageRaised", tone: "success", text: "好了", tab: "template", at: 10 });
    expect(messagesOn(s, "settings").map((m) => [m.text, m.count])).toEqual([["坏了", 2]]);
    expect(messagesOn(s, "check")).toEqual([]);
    s = reduce(s, { type: "messagesFaded", now: 10 + FADE_MS });
    expect(s.messages.map((m) => m.text)).toEqual(["坏了"]);
  });

  test("findings grouped by row, the indicator as heading, errors first, filtered by severity", () => {
    const findings = [f("unit-missing", "warning", "G8", 8), f("value-missing", "error", "F8", 8), f("duties-missing", "error", "B4", 4)];
    const s = reduce(start(), { type: "checked", report: report("Sheet1", findings), at: 1 });
    const groups = groupByRow(s.findings!, "all");
    expect(groups.map((g) => [g.row, g.label, g.findings.map((x) => x.severity).join(",")])).toEqual([
      [4, null, "error"],
      [8, "培训人次", "error,warning"],
    ]);
    expect(groupByRow(s.findings!, "warning").map((g) => g.row)).toEqual([8]);
  });

  test("the store tells its views of each change and only of changes", () => {
    const store = createStore(start());
    const seen: string[] = [];
    store.subscribe((state) => seen.push(state.tab));
    store.dispatch({ type: "tabShown", tab: "check" });
    store.dispatch({ type: "messagesFaded", now: 0 }); // nothing to fade: no change
    expect(seen).toEqual(["template", "check"]);
  });
});
