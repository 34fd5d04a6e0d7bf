// A user's day with marks: live checking never writes (undo stays intact), marks come from an explicit
// command and are written only where they changed, 清除标记 removes them and nothing else.

import { clearMarks } from "../../src/excel/clearMarks";
import { checkActiveSheet, markFindings } from "../../src/excel/check";
import { startLiveCheck, type LiveReport } from "../../src/excel/live";
import { MARK_FORMULA, markAreaOf } from "../../src/excel/marks";
import { installNativeRules } from "../../src/excel/nativeRules";
import type { Result } from "../../src/excel/errors";
import { protectSheet, type FakeExcel } from "../support/fake-excel";
import { GOOD_ROWS, type RowInput } from "../support/form-grid";
import { advance, seedForm, setup, teardown } from "./helpers";

afterEach(() => {
  jest.useRealTimers();
  teardown();
});

function rowsWithProblems(): RowInput[] {
  const rows = GOOD_ROWS.map((r) => ({ ...r }));
  rows[1] = { ...rows[1], scoringStandard: "" };
  rows[2] = { ...rows[2], explanation: "考核社会组织年检率情况。" };
  return rows;
}

function marksOn(fake: FakeExcel, sheet = "Sheet1"): string[] {
  return fake
    .sheet(sheet)
    .conditionalFormats.filter((cf) => markAreaOf(cf.formula ?? "") !== null)
    .map((cf) => cf.address)
    .sort();
}

describe("live checking is read-only", () => {
  test.each([["1.8"], ["1.14"], ["1.19"]])("ExcelApi %s: 50 edits with live checking on write nothing and keep every undo step", async (apiVersion) => {
    jest.useFakeTimers();
    const fake = setup({ apiVersion, platform: apiVersion === "1.19" ? "web" : "desktop" });
    seedForm(fake, rowsWithProblems());
    const results: Array<Result<LiveReport>> = [];
    const started = await startLiveCheck((r) => results.push(r));
    if (!started.ok) throw started.error;
    await advance(0);
    fake.resetCounters();
    const cells = ["D8", "F9", "H9", "I8", "J7", "E10"];
    for (let i = 0; i < 50; i++) {
      const cell = cells[i % cells.length] as string;
      fake.user.edit("Sheet1", cell, i % 7 === 0 ? "" : `第${i}次输入`);
      fake.user.select("Sheet1", cells[(i + 1) % cells.length] as string);
      await fake.flushEvents();
      await advance(i % 5 === 0 ? 400 : 50); // some edits settle into a re-check, some come in bursts
    }
    await advance(400);
    await fake.flushEvents();
    await started.value.stop();

    expect(results.filter((r) => r.ok).length).toBeGreaterThan(5); // the pane's findings did follow the typing
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.writeCount).toBe(0);
    expect(fake.undoStack).toHaveLength(50);
    expect(fake.undoStack.every((u) => u.by === "user")).toBe(true);
    expect(marksOn(fake)).toEqual([]);
  });

  test("events that come late and folded together: one re-check with the final values, still no write", async () => {
    jest.useFakeTimers();
    const fake = setup({ apiVersion: "1.14", coalesceEventsMs: 800 });
    seedForm(fake);
    const results: Array<Result<LiveReport>> = [];
    const started = await startLiveCheck((r) => results.push(r));
    if (!started.ok) throw started.error;
    await advance(0);
    fake.resetCounters();
    for (const [cell, value] of [["D8", ""], ["D9", "临时"], ["D9", ""], ["I10", ""]] as const) fake.user.edit("Sheet1", cell, value);
    await advance(800); // the folded event arrives
    await fake.flushEvents();
    await advance(400); // the re-check's quiet time
    await fake.flushEvents();
    expect(results).toHaveLength(2);
    const last = results[1];
    if (!last?.ok) throw new Error("no re-check");
    expect(last.value.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual(["D8", "D9"]);
    expect(last.value.findings.some((f) => f.rule === "scoring-missing" && f.cell === "I10")).toBe(true);
    expect(fake.writeCount).toBe(0);
    expect(fake.undoStack).toHaveLength(4);
    await started.value.stop();
  });

  test("a protected sheet with unlocked indicator cells: typing there is checked live, 在表中标出 writes nothing and says why", async () => {
    jest.useFakeTimers();
    const fake = setup({ apiVersion: "1.14" });
    seedForm(fake);
    protectSheet(fake, "Sheet1", ["B7:J40"]);
    expect(() => fake.user.edit("Sheet1", "B3", "改名")).toThrow(/protected/); // the header stays locked
    const results: Array<Result<LiveReport>> = [];
    const started = await startLiveCheck((r) => results.push(r));
    if (!started.ok) throw started.error;
    await advance(0);
    fake.resetCounters();
    fake.user.edit("Sheet1", "D8", "");
    await fake.flushEvents();
    await advance(400);
    const last = results.at(-1);
    expect(last?.ok && last.value.findings.some((f) => f.rule === "level3-missing" && f.cell === "D8")).toBe(true);
    await started.value.stop();
    jest.useRealTimers();

    const marked = await markFindings();
    if (!marked.ok) throw marked.error;
    expect(marked.value.notes.join("")).toMatch(/受保护/);
    expect(fake.writeCount).toBe(0);
    expect(fake.undoStack).toHaveLength(1);
  });

  test("the fake's undo stack: below 1.19 an add-in write clears it, from 1.19 the write is one more step", async () => {
    for (const [apiVersion, expected] of [["1.17", 0], ["1.19", 2]] as const) {
      const fake = setup({ apiVersion });
      seedForm(fake);
      fake.user.edit("Sheet1", "J7", "备注");
      const r = await markFindings();
      if (!r.ok) throw r.error;
      expect(fake.writeCount).toBeGreaterThan(0);
      expect(fake.undoStack).toHaveLength(expected);
    }
  });
});

describe("marks from an explicit command", () => {
  test("在表中标出 writes marks once; run again on unchanged cells it writes nothing; a fix changes only that mark", async () => {
    const fake = setup({ apiVersion: "1.17" });
    seedForm(fake, rowsWithProblems());
    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    fake.resetCounters();
    const first = await markFindings();
    if (!first.ok) throw first.error;
    expect(first.value.marked.length).toBeGreaterThan(0);
    expect(marksOn(fake).length).toBeGreaterThan(0);
    const written = fake.writeCount;
    expect(written).toBeGreaterThan(0);

    fake.resetCounters();
    const again = await markFindings();
    if (!again.ok) throw again.error;
    expect(again.value.marked).toEqual(first.value.marked);
    expect(fake.writeCount).toBe(0);
    expect(fake.syncCount).toBe(1); // the read only

    // The user fixes the unrelated explanation (H9): only its mark goes, the others stay as they were.
    const before = fake.sheet("Sheet1").conditionalFormats.filter((cf) => markAreaOf(cf.formula ?? "") !== null).map((cf) => cf.id);
    fake.user.edit("Sheet1", "H9", "培训考核合格人数占参训人数的比例。");
    fake.resetCounters();
    const fixed = await markFindings();
    if (!fixed.ok) throw fixed.error;
    expect(fixed.value.marked).not.toContain("H9");
    const after = fake.sheet("Sheet1").conditionalFormats.filter((cf) => markAreaOf(cf.formula ?? "") !== null).map((cf) => cf.id);
    expect(after.every((id) => before.includes(id))).toBe(true);
    expect(fake.writeCount).toBe(before.length - after.length);
  });

  test("清除标记 removes every mark and nothing else, in two round trips", async () => {
    const fake = setup();
    seedForm(fake, rowsWithProblems());
    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    // The user's own conditional format and fill on a marked cell.
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const cf = ws.getRange("H7:H9").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=LEN($H7)>50";
      cf.custom.format.fill.color = "#00B050";
      ws.getRange("H9").format.fill.color = "#FFFF00";
      await context.sync();
    });
    const unmarked = fake.sheet("Sheet1").snapshot();
    const marked = await checkActiveSheet();
    if (!marked.ok) throw marked.error;
    expect(marksOn(fake).length).toBeGreaterThan(0);
    fake.resetCounters();

    const cleared = await clearMarks();
    if (!cleared.ok) throw cleared.error;
    expect(cleared.value.removed).toBeGreaterThan(0);
    expect(cleared.value.message).toMatch(/已清除工作表“Sheet1”上的 \d+ 处检查标记/);
    expect(fake.syncCount).toBe(2);
    expect(marksOn(fake)).toEqual([]);
    // Everything else, the native rules, the user's format and fill included, is as before the marks.
    const strip = (snapshot: string) => {
      const s = JSON.parse(snapshot) as { conditionalFormats: Array<{ id: string; priority: number }> };
      s.conditionalFormats = s.conditionalFormats.map((cf) => ({ ...cf, priority: 0 }));
      return s;
    };
    expect(strip(fake.sheet("Sheet1").snapshot())).toEqual(strip(unmarked));

    fake.resetCounters();
    const nothing = await clearMarks();
    if (!nothing.ok) throw nothing.error;
    expect(nothing.value).toMatchObject({ removed: 0, message: "工作表“Sheet1”上没有检查标记。" });
    expect(fake.writeCount).toBe(0);
    expect(fake.syncCount).toBe(1);
  });

  test("清除标记 on a protected sheet says so and changes nothing", async () => {
    const fake = setup();
    seedForm(fake, rowsWithProblems());
    const marked = await checkActiveSheet();
    if (!marked.ok) throw marked.error;
    protectSheet(fake, "Sheet1");
    const before = fake.sheet("Sheet1").snapshot();
    const r = await clearMarks();
    expect(r.ok ? null : r.error.code).toBe("protected");
    expect(r.ok ? "" : r.error.message).toMatch(/^清除标记失败：工作表“Sheet1”受保护/);
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
  });
});

describe("清除标记 at its edges", () => {
  test("a protected sheet without marks: nothing to clear, no error", async () => {
    const fake = setup();
    seedForm(fake);
    protectSheet(fake, "Sheet1");
    const r = await clearMarks();
    expect(r.ok && r.value.removed).toBe(0);
  });

  test("below ExcelApi 1.6 there can be no marks: none removed, formats never read", async () => {
    const fake = setup({ apiVersion: "1.5" });
    seedForm(fake);
    fake.resetCounters();
    const r = await clearMarks();
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({ sheetName: "Sheet1", removed: 0 });
    expect([fake.syncCount, fake.writeCount]).toEqual([1, 0]);
  });

  test("marks of the first kind (no area in the formula) are cleared too; other formats stay", async () => {
    const fake = setup();
    seedForm(fake);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      for (const [area, formula] of [["H9", MARK_FORMULA], ["H10", '=H10="x"']] as const) {
        const cf = ws.getRange(area).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = formula;
      }
      await ctx.sync();
    });
    const r = await clearMarks();
    if (!r.ok) throw r.error;
    expect(r.value.removed).toBe(1);
    expect(fake.sheet("Sheet1").conditionalFormats.map((c) => c.formula)).toEqual(['=H10="x"']);
  });
});
