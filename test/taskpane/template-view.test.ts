/**
 * @jest-environment jsdom
 */
// 模板 rendered in jsdom from the real pane markup with a fake workbook: the year box follows the form's year
// until the user types one, each control calls its operation with what the boxes hold (or refuses and says
// which box), the next-year list is replaced per preview and shows cell text as text, and every operation
// button is disabled while one runs.
import type { NextYearChange } from "../../src/taskpane/api-types";
import { zh } from "../../src/taskpane/messages/zh";
import { initTemplateView } from "../../src/taskpane/views/template";
import { bars, byIdIn, click, deferred, enabledOps, fakeApi, HOSTILE, injected, mountPane, ok, settle, type } from "./pane-fixture";

function mount(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const pane = mountPane();
  const api = fakeApi(overrides);
  const changed = jest.fn(() => Promise.resolve());
  initTemplateView(api, pane.status, zh, 2027, pane.store, changed);
  return { ...pane, api, changed };
}

const checkedWithYear = (year: number | null) => ({
  type: "checked" as const,
  at: 1,
  report: { sheetName: "Sheet1", findings: [], forms: [{ anchor: "A1", findings: [], pointsTotal: null, rowLabels: {}, year }] },
});

const change = (n: number, text = "2026年"): NextYearChange => ({
  fromYear: 2026,
  toYear: 2027,
  sheetName: "2027年",
  edits: Array.from({ length: n }, (_, i) => ({ cell: `B${i + 2}`, before: text, after: "2027年", reason: "年度" })),
  skipped: [],
});

const edits = () => Array.from(document.querySelectorAll("#next-year-edits > li")).map((li) => li.textContent);

describe("template view: the year box", () => {
  test("starts at the default year and follows the year of the form last checked", () => {
    const { store } = mount();
    const year = byIdIn<HTMLInputElement>("year");
    expect(year.value).toBe("2027");
    store.dispatch(checkedWithYear(2031));
    expect(year.value).toBe("2031");
  });

  test("a year the user typed is kept when a form of another year is checked", () => {
    const { store } = mount();
    type("year", "2029");
    store.dispatch(checkedWithYear(2031));
    expect(byIdIn<HTMLInputElement>("year").value).toBe("2029");
  });
});

describe("template view: controls", () => {
  test("插入标准表 sends the year and the trimmed department name; notes become messages; the pane is told", async () => {
    const { api, changed } = mount({ insertForm: () => ok({ sheetName: "2028年", notes: ["已插入到工作表“2028年”。", "跳过了打印设置。"] }) });
    type("year", "2028");
    type("dept-name", "  某某局  ");
    click("insert-form");
    await settle();
    expect(api.insertForm).toHaveBeenCalledWith({ year: 2028, deptName: "某某局" });
    expect(bars()).toEqual(["已插入到工作表“2028年”。", "跳过了打印设置。"]);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  test.each(["1999", "2101", "20x7", ""])("a year of %p is refused: the box is marked and focused, nothing is written", async (value) => {
    const { api } = mount();
    type("year", value);
    click("insert-form");
    await settle();
    const year = byIdIn<HTMLInputElement>("year");
    expect(api.insertForm).not.toHaveBeenCalled();
    expect(year.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(year);
    expect(bars()).toEqual([zh.errorPrefix + zh.yearInvalid]);
  });

  test("增加指标行 adds the count typed, refuses 201 and clears the mark once valid", async () => {
    const { api, changed } = mount();
    type("row-count", "201");
    click("add-rows");
    await settle();
    expect(api.addIndicatorRows).not.toHaveBeenCalled();
    expect(byIdIn("row-count").getAttribute("aria-invalid")).toBe("true");
    type("row-count", "3");
    click("add-rows");
    await settle();
    expect(api.addIndicatorRows).toHaveBeenCalledWith(3);
    expect(byIdIn("row-count").hasAttribute("aria-invalid")).toBe(false);
    expect(bars()[0]).toBe(zh.rowsAdded(3));
    expect(changed).toHaveBeenCalledTimes(1);
  });

  test("合并 and 取消合并 ask for merged and unmerged", async () => {
    const { api } = mount();
    click("merge");
    await settle();
    click("unmerge");
    await settle();
    expect(api.setPrintMerges.mock.calls).toEqual([[true], [false]]);
    expect(bars()).toEqual([zh.unmerged, zh.merged]);
  });

  test("the year-mention box is passed to preview and make", async () => {
    const { api } = mount();
    click("preview-next-year");
    await settle();
    byIdIn<HTMLInputElement>("update-mentions").click();
    click("make-next-year");
    await settle();
    expect(api.previewNextYear).toHaveBeenCalledWith(true);
    expect(api.makeNextYear).toHaveBeenCalledWith(false);
  });

  test("生成自评表 shows its first note as success and the rest as information", async () => {
    mount({ makeSelfEvaluation: () => ok({ sheetName: "2026年自评", notes: ["已生成“2026年自评”。", "第 9 行没有指标值。"] }) });
    click("make-self-evaluation");
    await settle();
    expect(bars()).toEqual(["已生成“2026年自评”。", "第 9 行没有指标值。"]);
  });
});

describe("template view: the next-year list", () => {
  test("cell text holding markup shows as text: cells, before, after, reasons and skipped cells", async () => {
    const hostile: NextYearChange = {
      fromYear: 2026,
      toYear: 2027,
      sheetName: HOSTILE,
      edits: [{ cell: HOSTILE, before: HOSTILE, after: `${HOSTILE}2027`, reason: HOSTILE }],
      skipped: [{ cell: HOSTILE, reason: HOSTILE }],
    };
    mount({ makeNextYear: () => ok(hostile) });
    click("make-next-year");
    await settle();
    const box = byIdIn("next-year-result");
    expect(injected()).toEqual([]);
    expect(box.hidden).toBe(false);
    expect(byIdIn("next-year-heading").textContent).toBe(zh.nextYearDoneHeading(HOSTILE, 1));
    const first = box.querySelector(".edit")!;
    expect(first.querySelector(".cell-badge")?.textContent).toBe(HOSTILE);
    expect(first.querySelector(".edit-text")?.textContent).toBe(`“${HOSTILE}” → “${HOSTILE}2027”`);
    expect(first.querySelector(".edit-reason")?.textContent).toBe(HOSTILE);
    const skipped = box.querySelector(".edit-skipped")!;
    expect(skipped.querySelector(".cell-badge")?.textContent).toBe(HOSTILE);
    expect(skipped.querySelector(".edit-text")?.textContent).toBe(HOSTILE);
    expect(bars()[0]).toBe(zh.nextYearDone(HOSTILE));
  });

  test("a second preview replaces the first one's list, and no edits says so", async () => {
    const answers = [change(3), change(1, "二〇二六年"), change(0)];
    mount({ previewNextYear: () => ok(answers.shift()!) });
    click("preview-next-year");
    await settle();
    expect(edits()).toHaveLength(3);
    click("preview-next-year");
    await settle();
    expect(edits()).toEqual(["B2“二〇二六年” → “2027年”年度"]);
    expect(byIdIn("next-year-heading").textContent).toBe(zh.nextYearPreviewHeading(2026, 2027, 1));
    click("preview-next-year");
    await settle();
    expect(edits()).toEqual([zh.nextYearNoEdits]);
  });
});

describe("template view: operations in flight", () => {
  test("every operation button of the pane is disabled while 插入标准表 runs, and enabled after", async () => {
    const pending = deferred<Awaited<ReturnType<ReturnType<typeof fakeApi>["insertForm"]>>>();
    const { api } = mount({ insertForm: () => pending.promise });
    const all = enabledOps();
    expect(all).toEqual(expect.arrayContaining(["insert-form", "add-rows", "merge", "unmerge", "preview-next-year", "make-next-year", "make-self-evaluation"]));
    click("insert-form");
    await settle();
    expect(enabledOps()).toEqual([]);
    expect(byIdIn("progress").hidden).toBe(false);
    expect(byIdIn("progress-label").textContent).toBe(zh.busyInsert);
    click("add-rows");
    await settle();
    expect(api.addIndicatorRows).not.toHaveBeenCalled();
    pending.resolve({ ok: true, value: { sheetName: "2027年", notes: [] } });
    await settle();
    expect(enabledOps()).toEqual(all);
    expect(byIdIn("progress").hidden).toBe(true);
  });

  test("a failed operation leaves the list as it was and says why", async () => {
    const answers = [ok(change(2)), Promise.resolve({ ok: false as const, error: { message: "当前工作表没有年度。", cell: "B2" } })];
    mount({ previewNextYear: () => answers.shift()! });
    click("preview-next-year");
    await settle();
    click("preview-next-year");
    await settle();
    expect(edits()).toHaveLength(2);
    expect(bars()[0]).toBe(`${zh.errorPrefix}B2：当前工作表没有年度。`);
  });
});
