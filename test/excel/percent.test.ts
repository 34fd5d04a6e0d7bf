// "95%" typed into 指标值: Excel stores 0.95 with the number format "0%". The add-in must judge what the user sees,
// as `jixiao check` does, and the workbook's own conditional formats must cover the case too.

import { a1, type CellValue } from "../../src/domain/grid";
import { TEMPLATE } from "../../src/domain/layout";
import { conditionalFormatSpecs } from "../../src/domain/native";
import { checkGrid } from "../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { checkActiveSheet } from "../../src/excel/check";
import { installNativeRules } from "../../src/excel/nativeRules";
import { GOOD_ROWS } from "../support/form-grid";
import { cfsWithFormula, seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

/** GOOD_ROWS[2] (培训合格率, ≥ 90 %): its 指标值 cell. */
const ROW = TEMPLATE.firstIndicatorRow + 2;
const TARGET = a1(ROW, TEMPLATE.columns.target);

function withTarget(grid: CellValue[][], text: string): CellValue[][] {
  return grid.map((cells, r) => (r === ROW ? cells.map((v, c) => (c === TEMPLATE.columns.target ? text : v)) : cells));
}

describe("a number in a percent format in 指标值", () => {
  test("typed as 95%: value-not-number, the same findings as the grid with the text 95%, still one read and one write", async () => {
    const fake = setup();
    const grid = seedForm(fake);
    fake.user.edit("Sheet1", TARGET, "95%");
    // What Excel stores, and what Range.values alone would show the rules.
    expect(fake.sheet("Sheet1").value(TARGET)).toBe(0.95);
    expect(fake.sheet("Sheet1").numberFormat(TARGET)).toBe("0%");

    fake.resetCounters();
    const r = await checkActiveSheet();
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBe(2);
    const finding = r.value.findings.find((f) => f.rule === "value-not-number");
    expect(finding).toMatchObject({ cell: TARGET, row: ROW + 1, severity: "error" });
    expect(finding?.message).toContain("95%");
    expect(r.value.findings).toEqual(checkGrid(withTarget(grid, "95%"), DEFAULT_SETTINGS).findings);
  });

  test("the format's decimals are what the user sees: 0.125 in 0.0% reads as 12.5%", async () => {
    const fake = setup();
    const grid = seedForm(fake);
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getActiveWorksheet().getRange(TARGET);
      cell.numberFormat = [["0.0%"]];
      cell.values = [[0.125]];
      await context.sync();
    });
    const r = await checkActiveSheet({ mark: false });
    if (!r.ok) throw r.error;
    expect(r.value.findings.find((f) => f.rule === "value-not-number")?.message).toContain("12.5%");
    expect(r.value.findings).toEqual(checkGrid(withTarget(grid, "12.5%"), DEFAULT_SETTINGS).findings);
  });

  test("a plain number, a number in a format that only shows a quoted %, and text in a percent format stay numbers", async () => {
    const fake = setup();
    seedForm(fake);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const quoted = ws.getRange(a1(ROW, TEMPLATE.columns.target));
      quoted.numberFormat = [['0"%"']];
      quoted.values = [[90]];
      const text = ws.getRange(a1(ROW + 1, TEMPLATE.columns.target));
      text.numberFormat = [["@"]];
      text.values = [["100"]];
      text.numberFormat = [["0%"]];
      await context.sync();
    });
    expect(fake.sheet("Sheet1").value(a1(ROW + 1, TEMPLATE.columns.target))).toBe("100");
    const r = await checkActiveSheet({ mark: false });
    if (!r.ok) throw r.error;
    expect(r.value.findings.filter((f) => f.rule === "value-not-number")).toEqual([]);
  });

  test("is marked with or without the native rules (their percent format needs CELL, which Excel on the web lacks)", async () => {
    const fake = setup();
    seedForm(fake);
    fake.user.edit("Sheet1", TARGET, "95%");
    const before = await checkActiveSheet();
    if (!before.ok) throw before.error;
    expect(before.value.marked).toContain(TARGET);

    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    const block = { first: TEMPLATE.firstIndicatorRow, last: TEMPLATE.firstIndicatorRow + GOOD_ROWS.length - 1 };
    const percent = conditionalFormatSpecs(block).find((s) => s.key === "value-not-number/percent");
    expect(percent).toBeDefined();
    expect(cfsWithFormula(fake, "Sheet1", percent!.formula)).toEqual([percent!.range]);
    expect(percent!.range).toContain(TARGET.replace(/\d+$/, ""));

    const after = await checkActiveSheet();
    if (!after.ok) throw after.error;
    expect(after.value.findings.some((f) => f.rule === "value-not-number" && f.cell === TARGET)).toBe(true);
    expect(after.value.marked).toContain(TARGET);
    // A plain text target is left to the native value-not-number format: not marked.
    fake.user.edit("Sheet1", TARGET, "按月安排");
    const text = await checkActiveSheet();
    if (!text.ok) throw text.error;
    expect(text.value.findings.some((f) => f.rule === "value-not-number" && f.cell === TARGET)).toBe(true);
    expect(text.value.marked).not.toContain(TARGET);
  });

  test("a sheet whose rules were installed before the percent format existed gets it on the next install", async () => {
    const fake = setup();
    seedForm(fake);
    const first = await installNativeRules();
    if (!first.ok) throw first.error;
    const block = { first: TEMPLATE.firstIndicatorRow, last: TEMPLATE.firstIndicatorRow + GOOD_ROWS.length - 1 };
    const percent = conditionalFormatSpecs(block).find((s) => s.key === "value-not-number/percent")!;
    const all = fake.sheet("Sheet1").conditionalFormats.length;
    await Excel.run(async (context) => {
      const cfs = context.workbook.worksheets.getActiveWorksheet().getRange().conditionalFormats;
      cfs.load("items/type,items/customOrNullObject/rule/formula");
      await context.sync();
      for (const cf of cfs.items) if (!cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula === percent.formula) cf.delete();
      await context.sync();
    });
    expect(cfsWithFormula(fake, "Sheet1", percent.formula)).toEqual([]);

    const again = await installNativeRules();
    if (!again.ok) throw again.error;
    // The block's formats are written again as one set (in priority order), so none is duplicated.
    expect(again.value.conditionalFormats).toContain(percent.range);
    expect(cfsWithFormula(fake, "Sheet1", percent.formula)).toEqual([percent.range]);
    expect(fake.sheet("Sheet1").conditionalFormats).toHaveLength(all);
  });
});
