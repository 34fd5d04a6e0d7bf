import { readForms } from "../../src/domain/reader";
import { planNextYear } from "../../src/domain/fiscal";
import { installNativeRules } from "../../src/excel/nativeRules";
import { makeNextFiscalYear, previewNextFiscalYear } from "../../src/excel/fiscal";
import { checkActiveSheet } from "../../src/excel/check";
import { markAreaOf } from "../../src/excel/marks";
import { ensureCell } from "../support/fake-excel/state";
import { protectStructure } from "../support/fake-excel";
import { GOOD_ROWS } from "../support/form-grid";
import { manyRows, seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

describe("makeNextFiscalYear", () => {
  test("copies the sheet to the end as 2028年, applies the domain's edits there; the source is unchanged byte for byte", async () => {
    const fake = setup();
    const grid = seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    fake.sheet("Sheet1").seed("H9", [["考核社会组织年检率情况。"]]); // an unrelated explanation: the engine marks it
    const marked = await checkActiveSheet(); // a mark of the add-in's own, too
    if (!marked.ok) throw marked.error;
    fake.sheet("Sheet1").state.merges.push({ top: 0, left: 0, bottom: 0, right: 9 });
    const before = fake.sheet("Sheet1").snapshot();
    fake.resetCounters();

    const r = await makeNextFiscalYear({ updateMentions: true });
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);

    const plan = planNextYear(grid, readForms(grid)[0]!, { updateMentions: true });
    expect(r.value).toMatchObject({ fromYear: 2027, toYear: 2028, sheetName: "2028年", sourceSheetName: "Sheet1" });
    expect(r.value.edits.map((e) => [e.before, e.after])).toEqual(plan.edits.map((e) => [e.before, e.after]));
    expect(r.value.edits.some((e) => e.after.includes("2028"))).toBe(true);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "_jixiao_lists", "2028年"]);
    expect(fake.activeSheet.name).toBe("2028年");
    const copy = fake.sheet("2028年");
    for (const e of r.value.edits) expect(copy.text(e.cell)).toBe(e.after);
    expect(copy.text("A2")).toBe("（ 2028 ）年度");
    // The copy keeps the dropdowns and the native conditional formats, and leaves this year's marks behind.
    const isMark = (c: { formula: string | null }) => markAreaOf(c.formula ?? "") !== null;
    expect(fake.sheet("Sheet1").conditionalFormats.some(isMark)).toBe(true);
    expect(copy.validations).toEqual(fake.sheet("Sheet1").validations);
    expect(copy.conditionalFormats.some(isMark)).toBe(false);
    expect(copy.conditionalFormats.map((c) => c.formula)).toEqual(fake.sheet("Sheet1").conditionalFormats.filter((c) => !isMark(c)).map((c) => c.formula));
  });

  test("a text typed as '=… is moved on like any text; only a real formula is kept (Range.formulas drops the apostrophe, #6687)", async () => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    const sheet = fake.sheet("Sheet1");
    sheet.seed("J8", [["=2027年口径"]]); // text: Range.formulas gives it back exactly as its value
    const cell = ensureCell(sheet.state, 8, 9); // J9: a formula whose result mentions the year
    cell.formula = '="2027年"';
    cell.value = "2027年";
    const r = await makeNextFiscalYear({ updateMentions: true });
    if (!r.ok) throw r.error;
    expect(r.value.edits.find((e) => e.cell === "J8")).toMatchObject({ before: "=2027年口径", after: "=2028年口径" });
    expect(fake.sheet("2028年").text("J8")).toBe("=2028年口径");
    expect(r.value.skipped.map((s) => s.cell)).toEqual(["J9"]);
    expect(r.value.edits.some((e) => e.cell === "J9")).toBe(false);
  });

  test("refuses when the target sheet exists, writing nothing", async () => {
    const fake = setup({ sheets: ["Sheet1", "2028年"] });
    seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    const before = JSON.stringify(fake.state.sheets.map((s) => s.name));
    const r = await makeNextFiscalYear();
    expect(r.ok ? null : r.error.code).toBe("sheet-exists");
    expect(r.ok ? "" : r.error.message).toMatch(/2028年/);
    expect(JSON.stringify(fake.state.sheets.map((s) => s.name))).toBe(before);
  });

  test("a form without a year is a no-year error", async () => {
    const fake = setup();
    seedForm(fake);
    fake.sheet("Sheet1").seed("A2", [["（    ）年度"]]);
    const r = await makeNextFiscalYear();
    expect(r.ok ? null : r.error.code).toBe("no-year");
  });

  test("round trips are the same at 10, 100 and 1000 rows, at most 3", async () => {
    const counts: number[] = [];
    for (const n of [10, 100, 1000]) {
      const fake = setup({ payloadLimit: null });
      seedForm(fake, manyRows(n), "A1", "Sheet1", { year: 2027 });
      fake.resetCounters();
      const r = await makeNextFiscalYear({ updateMentions: true });
      if (!r.ok) throw r.error;
      counts.push(fake.syncCount);
    }
    expect(counts[0]).toBeLessThanOrEqual(3);
    expect(new Set(counts).size).toBe(1);
  });

  test("Excel without Worksheet.copy (ExcelApi 1.7) is told so", async () => {
    setup({ apiVersion: "1.6" });
    const r = await makeNextFiscalYear();
    expect(r.ok ? null : r.error.code).toBe("unsupported");
  });
});

describe("previewNextFiscalYear", () => {
  test("says what will change, in one read, without touching the workbook", async () => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    const before = JSON.stringify(fake.state.sheets.map((s) => JSON.parse(fake.sheet(s.name).snapshot()) as unknown));
    fake.resetCounters();
    const r = await previewNextFiscalYear({ updateMentions: false });
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBe(1);
    expect(r.value.sheetName).toBe("2028年");
    expect(r.value.edits.find((e) => e.cell === "A2")).toMatchObject({ before: "（ 2027 ）年度", after: "（ 2028 ）年度" });
    expect(r.value.edits.some((e) => /填表日期/.test(e.reason))).toBe(true);
    expect(JSON.stringify(fake.state.sheets.map((s) => JSON.parse(fake.sheet(s.name).snapshot()) as unknown))).toBe(before);
  });
});

describe("the next year at its edges", () => {
  test("a protected source sheet: refused before the copy, naming the sheet; the preview too", async () => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    fake.sheet("Sheet1").state.protected = true;
    const names = fake.state.sheets.map((s) => s.name);
    const r = await makeNextFiscalYear();
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(["protected", expect.stringContaining("Sheet1")]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(names);
    const preview = await previewNextFiscalYear();
    expect(preview.ok ? null : preview.error.code).toBe("protected");
  });

  test("a protected workbook structure: making is refused saying so; previewing still works", async () => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    protectStructure(fake);
    const r = await makeNextFiscalYear();
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(["protected", expect.stringMatching(/^生成下一年度失败：工作簿的结构受保护/)]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    const preview = await previewNextFiscalYear();
    expect(preview.ok).toBe(true);
  });

  test("two forms: the years are the first form's; both are moved on", async () => {
    const fake = setup();
    const top = seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    const second = top.length + 3;
    seedForm(fake, GOOD_ROWS, `A${second}`, "Sheet1", { year: 2030 });
    const r = await previewNextFiscalYear();
    if (!r.ok) throw r.error;
    expect([r.value.fromYear, r.value.toYear, r.value.sheetName]).toEqual([2027, 2028, "2028年"]);
    expect(r.value.edits.find((e) => e.cell === "A2")?.after).toBe("（ 2028 ）年度");
    expect(r.value.edits.find((e) => e.cell === `A${second + 1}`)?.after).toBe("（ 2031 ）年度");
  });

  test("a year typed as a number stays a number; a kept formula is said with its formula", async () => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    const cell = ensureCell(fake.sheet("Sheet1").state, 8, 9);
    cell.formula = '="2027年"&"口径"';
    cell.value = "2027年口径";
    const r = await makeNextFiscalYear({ updateMentions: true });
    if (!r.ok) throw r.error;
    expect(r.value.skipped).toEqual([{ cell: "J9", reason: expect.stringContaining('="2027年"&"口径"') }]);
    expect(fake.sheet("2028年").formula("J9")).toBe('="2027年"&"口径"');
    // Texts that look like numbers are written as text.
    for (const e of r.value.edits) expect(typeof fake.sheet("2028年").value(e.cell)).toBe("string");
  });

  test("several marks on the source: none is copied, every other format is", async () => {
    const fake = setup();
    const rows = GOOD_ROWS.map((r) => ({ ...r }));
    rows[0] = { ...rows[0], explanation: "考核社会组织年检率情况。" };
    rows[2] = { ...rows[2], explanation: "考核社会组织年检率情况。" };
    rows[4] = { ...rows[4], explanation: "考核社会组织年检率情况。" };
    seedForm(fake, rows, "A1", "Sheet1", { year: 2027 });
    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    const checked = await checkActiveSheet();
    if (!checked.ok) throw checked.error;
    const isMark = (c: { formula: string | null }) => markAreaOf(c.formula ?? "") !== null;
    expect(fake.sheet("Sheet1").conditionalFormats.filter(isMark).length).toBeGreaterThan(1);
    const r = await makeNextFiscalYear();
    if (!r.ok) throw r.error;
    const copy = fake.sheet("2028年").conditionalFormats;
    expect(copy.filter(isMark)).toEqual([]);
    expect(copy.map((c) => c.formula)).toEqual(fake.sheet("Sheet1").conditionalFormats.filter((c) => !isMark(c)).map((c) => c.formula));
  });

  test("a write that fails leaves no copy behind under either name, and the source active", async () => {
    const fake = setup({ sheets: ["Sheet1", "Sheet1 (2)"] });
    seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
    fake.failAtOperation(4, { code: "GeneralException" });
    const r = await makeNextFiscalYear();
    expect(r.ok).toBe(false);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet1 (2)"]);
    expect(fake.activeSheet.name).toBe("Sheet1");
  });
});
