/**
 * @jest-environment jsdom
 */
// 评分标准 rendered in jsdom from the real pane markup with a fake workbook: workbook text (indicators, targets,
// standards, the reason a selection is refused, self-evaluation rows) stays text; only the rows of the current
// selection show, whatever order reads answer in; writing is refused when there is nothing valid to write or
// the selection moved, writes exactly the rows shown, and is disabled while an operation runs.
import type { IndicatorField, IndicatorRow } from "../../src/domain/form";
import { renderStandard } from "../../src/domain/scoring/render";
import { ScoringMethodSchema, type ScoringMethodInput } from "../../src/domain/scoring/schema";
import type { PaneResult, RowsWriteOutcome, SelectedIndicator, SelectedRows, SelfEvalRowScore, SelfEvalScores } from "../../src/taskpane/api-types";
import { zh } from "../../src/taskpane/messages/zh";
import { initScoringView } from "../../src/taskpane/views/scoring";
import { bars, byIdIn, click, deferred, enabledOps, fakeApi, HOSTILE, injected, mountPane, ok, settle, type } from "./pane-fixture";

const BLANK: Record<IndicatorField, string> = {
  level1: "",
  level2: "",
  level3: "",
  valueType: "",
  target: "",
  unit: "",
  explanation: "",
  scoringStandard: "",
  remarks: "",
};

function indicator(sheetRow: number, values: Partial<Record<IndicatorField, string>> = {}, method: ScoringMethodInput = { kind: "direct", points: 10 }): SelectedIndicator {
  const v = { ...BLANK, level1: "产出指标", level2: "数量指标", level3: `指标${sheetRow}`, valueType: "≥", target: "100", unit: "人次", ...values };
  const cols = Object.fromEntries(Object.keys(BLANK).map((k, i) => [k, i])) as Record<IndicatorField, number>;
  const row: IndicatorRow = {
    row: sheetRow - 1,
    values: v,
    cols,
    level1: v.level1,
    level2: v.level2,
    level1Inherited: false,
    level2Inherited: false,
    points: null,
    realignment: null,
    targetSplit: null,
    outdated: null,
    level1Points: null,
  };
  return { sheetRow, row, points: null, defaultMethod: ScoringMethodSchema.parse(method) };
}

function selection(rows: SelectedIndicator[], pointsTotal: number | null = null, sheetName = "2027年"): PaneResult<SelectedRows> {
  return { ok: true, value: { sheetName, rows, pointsTotal } };
}

function score(row: number, fields: Partial<SelfEvalRowScore> = {}): SelfEvalRowScore {
  return { row, indicator: `指标${row}`, target: "100", actual: "98", points: 10, computed: 9.8, band: null, written: 9.8, differs: false, why: "按完成率计分", ...fields };
}

function scores(rows: SelfEvalRowScore[]): PaneResult<SelfEvalScores> {
  return { ok: true, value: { kind: "selfeval", sheetName: "2026年自评", rows } };
}

const outside = (message: string): PaneResult<never> => ({ ok: false, error: { message, code: "no-selection" } });

/** A workbook whose selection reads answer in turn from `answers`. */
function mount(answers: Array<PaneResult<SelectedRows | SelfEvalScores>> = [], overrides: Parameters<typeof fakeApi>[0] = {}) {
  const pane = mountPane();
  pane.store.dispatch({ type: "tabShown", tab: "scoring" });
  const api = fakeApi({ readSelection: () => Promise.resolve(answers.shift() ?? outside("没有选中指标行。")), ...overrides });
  const afterWrite = jest.fn(() => Promise.resolve());
  const view = initScoringView(api, pane.status, zh, pane.store, afterWrite);
  return { ...pane, api, view, afterWrite };
}

const panel = () => byIdIn("panel-scoring");
const cards = () => Array.from(document.querySelectorAll<HTMLElement>("#selection-rows > li.row-card"));
const cardRows = () => cards().map((c) => c.getAttribute("data-row"));
const line = (card: HTMLElement, className: string) => card.querySelector(`.${className}`)?.textContent;

describe("scoring view: workbook text stays text", () => {
  test("indicator, target, unit and current standard holding markup show as typed, and make no element", async () => {
    const { view } = mount([selection([indicator(8, { level3: HOSTILE, target: HOSTILE, unit: HOSTILE, scoringStandard: HOSTILE }), indicator(9, { level3: "", level2: HOSTILE })], null, HOSTILE)]);
    await view.readSelection();
    expect(injected(panel())).toEqual([]);
    const [first, second] = cards();
    expect(line(first!, "row-card-title")).toBe(zh.rowHeading(8, HOSTILE));
    expect(line(first!, "row-card-line")).toBe(zh.rowTarget("≥", HOSTILE, HOSTILE));
    expect(line(first!, "row-card-current")).toBe(zh.rowCurrent(HOSTILE));
    expect(line(first!, "row-card-kept")).toBe(zh.rowKept);
    expect(line(second!, "row-card-title")).toBe(zh.rowHeading(9, HOSTILE));
  });

  test("the reason a selection is refused shows as text", async () => {
    const { view } = mount([outside(HOSTILE)]);
    await view.readSelection();
    expect(byIdIn("selection-info").textContent).toBe(HOSTILE);
    expect(injected(panel())).toEqual([]);
  });

  test("a self-evaluation row's indicator, target, actual value and reason show as text", async () => {
    const { view } = mount([scores([score(8, { indicator: HOSTILE, target: HOSTILE, actual: HOSTILE, computed: null, why: HOSTILE })])]);
    await view.readSelection();
    expect(injected(panel())).toEqual([]);
    const card = cards()[0]!;
    expect(line(card, "row-card-title")).toBe(zh.rowHeading(8, HOSTILE));
    expect(Array.from(card.querySelectorAll(".row-card-line")).map((n) => n.textContent)).toEqual([
      zh.scoreTarget(HOSTILE),
      zh.scoreActual(HOSTILE),
      zh.scorePoints(10),
      zh.scoreWritten(9.8),
      HOSTILE,
    ]);
  });

  test("the rows a write names show as text in its message", async () => {
    const { view } = mount([selection([indicator(8)])], {
      writeRowStandards: () => ok<RowsWriteOutcome>({ moved: false, written: 1, skipped: 0, pointsTotal: 10, rows: [{ sheetRow: 8, label: HOSTILE }] }),
    });
    await view.readSelection();
    click("write-standards");
    await settle();
    expect(bars()[0]).toBe(zh.rowsWritten([{ sheetRow: 8, label: HOSTILE }]));
    expect(injected()).toEqual([]);
  });
});

describe("scoring view: the current selection only", () => {
  test("a new selection replaces the rows shown; a selection off the form shows none and says why", async () => {
    const { view } = mount([selection([indicator(8), indicator(9)]), selection([indicator(12)]), outside("选区不在指标行上。")]);
    await view.readSelection();
    expect(cardRows()).toEqual(["8", "9"]);
    expect(byIdIn("selection-info").textContent).toBe(zh.selectionHeading(2, 8, 9));
    await view.readSelection();
    expect(cardRows()).toEqual(["12"]);
    expect(byIdIn("selection-info").textContent).toBe(zh.selectionHeading(1, 12, 12));
    await view.readSelection();
    expect(cards()).toEqual([]);
    expect(byIdIn("selection-info").textContent).toBe("选区不在指标行上。");
  });

  test("reads answering out of order: the older answer, arriving last, is not shown", async () => {
    const older = deferred<PaneResult<SelectedRows>>();
    const answers = [older.promise, Promise.resolve(selection([indicator(12)]))];
    const { view } = mount([], { readSelection: () => answers.shift()! });
    const first = view.readSelection();
    await view.readSelection();
    older.resolve(selection([indicator(8), indicator(9)]));
    await first;
    expect(cardRows()).toEqual(["12"]);
  });

  test("shown(): reads when the selection changed while hidden or was never read, not otherwise", async () => {
    const { view, api } = mount([selection([indicator(8)]), selection([indicator(9)])]);
    view.shown(false);
    await settle();
    expect(api.readSelection).toHaveBeenCalledTimes(1);
    view.shown(false);
    await settle();
    expect(api.readSelection).toHaveBeenCalledTimes(1);
    view.shown(true);
    await settle();
    expect(api.readSelection).toHaveBeenCalledTimes(2);
    expect(cardRows()).toEqual(["9"]);
  });

  test("a self-evaluation sheet hides the writing controls; back on a target form they return", async () => {
    const { view } = mount([scores([score(8), score(9, { differs: true, written: 5 })]), selection([indicator(12)])]);
    await view.readSelection();
    const hidden = () => ["standard-controls", "write-standards", "fill-blank", "points-total", "scores-hint"].map((id) => byIdIn(id).hidden);
    expect(hidden()).toEqual([true, true, true, true, false]);
    expect(byIdIn("selection-info").textContent).toBe(zh.scoresHeading(2, 8, 9));
    expect(cards()[1]!.className).toBe("row-card row-card-differs");
    expect(line(cards()[1]!, "row-card-differs-note")).toBe(zh.scoreDiffers(5, 9.8, null));
    await view.readSelection();
    expect(hidden()).toEqual([false, false, false, false, true]);
    expect(cardRows()).toEqual(["12"]);
  });

  test("more than 20 rows: 20 are listed and the rest counted", async () => {
    const { view } = mount([selection(Array.from({ length: 25 }, (_, i) => indicator(8 + i)))]);
    await view.readSelection();
    expect(cards()).toHaveLength(20);
    expect(document.querySelector("#selection-rows .row-card-more")?.textContent).toBe(zh.selectionMore(5));
  });

  test("the method follows the rows: a new set preselects its suggestion and drops what was typed; the same rows keep it", async () => {
    const sat: ScoringMethodInput = { kind: "satisfaction", points: 8 };
    const { view } = mount([selection([indicator(8)]), selection([indicator(8)]), selection([indicator(12, { target: "95", unit: "%" }, sat)])]);
    await view.readSelection();
    const points = () => byIdIn<HTMLInputElement>("param-points").value;
    expect(points()).toBe("10");
    type("param-points", "7");
    await view.readSelection();
    expect(points()).toBe("7");
    await view.readSelection();
    expect(points()).toBe("8");
    expect(byIdIn<HTMLInputElement>("method-satisfaction").checked).toBe(true);
    expect(document.querySelector('label[for="method-satisfaction"]')?.textContent).toBe(zh.methodNames.satisfaction + zh.suggested);
    expect(document.querySelector('label[for="method-direct"]')?.textContent).toBe(zh.methodNames.direct);
    // The preview box is the new row's, as its card says: from its own target (95%) and points (8).
    expect(byIdIn("preview").textContent).toContain("95%");
    expect(line(cards()[0]!, "row-card-next")).toBe(zh.rowWillWrite(byIdIn("preview").textContent ?? ""));
  });
});

describe("scoring view: writing", () => {
  test("写入选中行 writes exactly the rows shown, says which, re-reads them and refreshes the pane", async () => {
    const { view, api, afterWrite } = mount([selection([indicator(8), indicator(9)]), selection([indicator(8, { scoringStandard: "已写" }), indicator(9, { scoringStandard: "已写" })], 20)], {
      writeRowStandards: () => ok<RowsWriteOutcome>({ moved: false, written: 2, skipped: 0, pointsTotal: 20, rows: [{ sheetRow: 8, label: "指标8" }, { sheetRow: 9, label: "指标9" }] }),
    });
    await view.readSelection();
    expect(cards().map((c) => line(c, "row-card-next"))).toEqual([0, 1].map(() => zh.rowWillWrite(renderStandard(ScoringMethodSchema.parse({ kind: "direct", points: 10 })))));
    click("write-standards");
    await settle();
    expect(api.writeRowStandards).toHaveBeenCalledWith(
      [
        { sheetRow: 8, method: expect.objectContaining({ kind: "direct", points: 10 }) },
        { sheetRow: 9, method: expect.objectContaining({ kind: "direct", points: 10 }) },
      ],
      false,
    );
    expect(bars()[0]).toBe(zh.rowsWritten([{ sheetRow: 8, label: "指标8" }, { sheetRow: 9, label: "指标9" }]));
    expect(api.readSelection).toHaveBeenCalledTimes(2);
    expect(cards().map((c) => line(c, "row-card-current"))).toEqual([zh.rowCurrent("已写"), zh.rowCurrent("已写")]);
    expect(afterWrite).toHaveBeenCalledTimes(1);
    expect(byIdIn("points-total").textContent).toBe(zh.pointsTotal(20, 90));
  });

  test("the selection moved since the preview: nothing is written, the pane says so and re-reads", async () => {
    const { view, api, afterWrite } = mount([selection([indicator(8)]), selection([indicator(10)])], {
      writeRowStandards: () => ok<RowsWriteOutcome>({ moved: true, selectedRows: [10] }),
    });
    await view.readSelection();
    click("write-standards");
    await settle();
    expect(bars()).toEqual([zh.errorPrefix + zh.selectionMoved([10])]);
    expect(cardRows()).toEqual(["10"]);
    expect(afterWrite).not.toHaveBeenCalled();
    expect(api.writeRowStandards).toHaveBeenCalledTimes(1);
  });

  test("nothing selected, a selection off the form, or invalid parameters: writing is refused with the reason", async () => {
    const { view, api } = mount([outside("选区不在指标行上。"), selection([indicator(8)])]);
    click("write-standards");
    await settle();
    expect(bars()).toEqual([zh.errorPrefix + zh.selectionFollow]);
    await view.readSelection();
    click("write-standards");
    await settle();
    expect(bars()[0]).toBe(zh.errorPrefix + "选区不在指标行上。");
    await view.readSelection();
    type("param-points", "");
    expect(byIdIn("param-points").getAttribute("aria-invalid")).toBe("true");
    expect(byIdIn("preview").classList.contains("preview-invalid")).toBe(true);
    click("write-standards");
    await settle();
    expect(bars()[0]).toBe(zh.errorPrefix + zh.paramsInvalid);
    expect(api.writeRowStandards).not.toHaveBeenCalled();
  });

  test("a row with a standard is kept unless 覆盖 is ticked, and the write says so", async () => {
    const { view, api } = mount([selection([indicator(8, { scoringStandard: "完成得10分" })])]);
    await view.readSelection();
    expect(line(cards()[0]!, "row-card-kept")).toBe(zh.rowKept);
    const overwrite = byIdIn<HTMLInputElement>("overwrite");
    overwrite.click();
    expect(line(cards()[0]!, "row-card-kept")).toBeUndefined();
    expect(line(cards()[0]!, "row-card-points")).toBe(zh.rowPoints(10));
    click("write-standards");
    await settle();
    expect(api.writeRowStandards).toHaveBeenCalledWith([expect.objectContaining({ sheetRow: 8 })], true);
  });

  test("while a write runs, 写入, 填写空白 and 重新读取 are disabled and a second write is not sent", async () => {
    const pending = deferred<PaneResult<RowsWriteOutcome>>();
    const { view, api } = mount([selection([indicator(8)]), selection([indicator(8)])], { writeRowStandards: () => pending.promise });
    await view.readSelection();
    expect(enabledOps()).toEqual(expect.arrayContaining(["write-standards", "fill-blank", "read-selection"]));
    click("write-standards");
    await settle();
    expect(enabledOps()).toEqual([]);
    expect(byIdIn("progress-label").textContent).toBe(zh.busyWrite);
    byIdIn("write-standards").dispatchEvent(new Event("click"));
    await settle();
    expect(api.writeRowStandards).toHaveBeenCalledTimes(1);
    pending.resolve({ ok: true, value: { moved: false, written: 1, skipped: 0, pointsTotal: 10, rows: [{ sheetRow: 8, label: "指标8" }] } });
    await settle();
    expect(enabledOps()).toEqual(expect.arrayContaining(["write-standards", "fill-blank", "read-selection"]));
  });

  test("填写所有空白标准 reports the rows filled and the new total against the expected one", async () => {
    const { store, afterWrite } = mount([], { fillBlankStandards: () => ok({ written: 4, skipped: 0, pointsTotal: 90 }) });
    expect(byIdIn("points-total").textContent).toBe(zh.pointsUnknown(90));
    click("fill-blank");
    await settle();
    expect(bars()[0]).toBe(zh.blanksFilled(4));
    expect(byIdIn("points-total").textContent).toBe(zh.pointsTotalOk(90));
    expect(byIdIn("points-total").className).toBe("total total-ok");
    store.dispatch({ type: "expectedTotalSaved", total: 100 });
    expect(byIdIn("points-total").textContent).toBe(zh.pointsTotal(90, 100));
    expect(byIdIn("points-total").className).toBe("total total-off");
    expect(afterWrite).toHaveBeenCalledTimes(1);
  });
});
