import { readForms } from "../../src/domain/reader";
import { defaultMethodFor, pointsOf, renderStandard, ScoringMethodSchema } from "../../src/domain/scoring";
import { fillBlankStandards, readSelectionRows, writeRowStandards, writeStandards } from "../../src/excel/scoring";
import { queueTextWrites } from "../../src/excel/textCells";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { GOOD_ROWS, type RowInput } from "../support/form-grid";
import { manyRows, seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

const direct = ScoringMethodSchema.parse({ kind: "direct", points: 12 });

/** GOOD_ROWS with the standards of rows 8 and 9 (1-based) blank. */
function withBlanks(): RowInput[] {
  return GOOD_ROWS.map((r, i) => (i === 1 || i === 2 ? { ...r, scoringStandard: "" } : { ...r }));
}

describe("writeStandards", () => {
  test("writes the method's text into the 评（扣）分标准 cell of the given rows, one read and one write", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    fake.resetCounters();
    const r = await writeStandards({ rows: [8] }, direct);
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBe(2);
    expect(r.value.written).toEqual(["I8"]);
    expect(fake.sheet("Sheet1").value("I8")).toBe(renderStandard(direct));
    expect(fake.sheet("Sheet1").value("I9")).toBe(""); // not asked for
  });

  test("never replaces a standard that is there unless asked to", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    const before = fake.sheet("Sheet1").value("I7");
    const kept = await writeStandards({ rows: [7, 8] }, direct);
    if (!kept.ok) throw kept.error;
    expect(kept.value.skippedRows).toEqual([7]);
    expect(fake.sheet("Sheet1").value("I7")).toBe(before);
    const replaced = await writeStandards({ rows: [7] }, direct, { overwrite: true });
    if (!replaced.ok) throw replaced.error;
    expect(fake.sheet("Sheet1").value("I7")).toBe(renderStandard(direct));
  });

  test("'default' writes each row's suggested method; the selection is the target", async () => {
    const fake = setup();
    const grid = seedForm(fake, withBlanks());
    fake.user.select("Sheet1", "D8:F9");
    const r = await writeStandards("selection", "default");
    if (!r.ok) throw r.error;
    expect(r.value.written).toEqual(["I8", "I9"]);
    const form = readForms(grid)[0]!;
    // GOOD_ROWS state 20+15+15+10+15+15 = 90; rows 8 and 9 (15 each) are blank: 30 left, 15 each.
    for (const sheetRow of [8, 9]) {
      const row = form.rows.find((x) => x.row === sheetRow - 1)!;
      expect(fake.sheet("Sheet1").value(`I${sheetRow}`)).toBe(renderStandard(defaultMethodFor(row, 15)));
    }
    expect(r.value.pointsTotal).toBe(90);
  });

  test("a selection outside every indicator row is a no-selection error; nothing written", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    fake.user.select("Sheet1", "A1");
    const before = fake.sheet("Sheet1").snapshot();
    const r = await writeStandards("selection", direct);
    expect(r.ok ? null : r.error.code).toBe("no-selection");
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
  });

  test("a row whose cells slid is not written over", async () => {
    const fake = setup();
    const rows = withBlanks();
    // 指标解释 typed in the 评（扣）分标准 column and the standard in 备注 (the seed's 社会效益指标 row).
    rows[4] = { ...rows[4], explanation: "", scoringStandard: "考核工作实施对社会效益所带来的直接或间接影响情况。", remarks: "效果明显得15分，效果一般得10分，否则不得分。" };
    seedForm(fake, rows);
    const r = await writeStandards({ rows: [11] }, direct, { overwrite: true });
    if (!r.ok) throw r.error;
    expect(r.value.shiftedRows).toEqual([11]);
    expect(fake.sheet("Sheet1").value("I11")).toBe("考核工作实施对社会效益所带来的直接或间接影响情况。");
  });

  test("round trips are the same at 10, 100 and 1000 rows", async () => {
    const counts: number[] = [];
    for (const n of [10, 100, 1000]) {
      const fake = setup({ payloadLimit: null });
      seedForm(fake, manyRows(n).map((r) => ({ ...r, scoringStandard: "" })));
      fake.resetCounters();
      const r = await writeStandards({ rows: Array.from({ length: n }, (_, i) => 7 + i) }, "default");
      if (!r.ok) throw r.error;
      expect(r.value.written).toHaveLength(n);
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  test("host errors become typed errors", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    fake.sheet("Sheet1").state.protected = true;
    const r = await writeStandards({ rows: [8] }, direct);
    expect(r.ok ? null : r.error.code).toBe("protected");
    expect(r.ok ? "" : r.error.message).toMatch(/撤消工作表保护/);
  });
});

describe("fillBlankStandards", () => {
  test("fills only the blank standards, sharing what is left of the expected total", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    const kept = fake.sheet("Sheet1").values("I7:I12").map((r) => r[0]);
    fake.resetCounters();
    const r = await fillBlankStandards();
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBe(2);
    expect(r.value.written).toEqual(["I8", "I9"]);
    const after = fake.sheet("Sheet1").values("I7:I12").map((x) => x[0]);
    [0, 3, 4, 5].forEach((i) => expect(after[i]).toBe(kept[i]));
    expect(pointsOf(String(after[1]))).toBe(15);
    expect(pointsOf(String(after[2]))).toBe(15);
    expect(r.value.pointsTotal).toBe(90);
  });

  test("nothing blank: one read, no write", async () => {
    const fake = setup();
    seedForm(fake);
    fake.resetCounters();
    const r = await fillBlankStandards();
    if (!r.ok) throw r.error;
    expect(r.value.written).toEqual([]);
    expect(fake.syncCount).toBe(1);
  });
});

describe("readSelectionRows", () => {
  test("the selected indicator rows with their points, suggested method and the form's total, in one read", async () => {
    const fake = setup();
    const grid = seedForm(fake, withBlanks());
    fake.user.select("Sheet1", "C7:C8");
    fake.resetCounters();
    const r = await readSelectionRows();
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBe(1);
    expect(r.value.rows.map((x) => x.sheetRow)).toEqual([7, 8]);
    expect(r.value.rows[0]?.points).toBe(20);
    expect(r.value.rows[1]?.points).toBeNull();
    const form = readForms(grid)[0]!;
    expect(r.value.rows[0]?.defaultMethod).toEqual(defaultMethodFor(form.rows[0]!, 20));
    expect(r.value.rows[1]?.defaultMethod.points).toBe(15);
    expect(r.value.pointsTotal).toBe(60);
    expect(r.value.expectedTotal).toBe(90);
  });
});

describe("text written as text", () => {
  test.each(["=SUM(A1:A3)", "+10分", "-5分", "95%", "12", "2026.10.12", "'引号开头"])("%s is stored as a value, not a formula or number", async (text) => {
    const fake = setup();
    await Excel.run(async (context) => {
      queueTextWrites(context.workbook.worksheets.getActiveWorksheet(), [{ row: 1, col: 1, text }]);
      await context.sync();
    });
    expect(fake.sheet("Sheet1").formula("B2")).toBeNull();
    expect(fake.sheet("Sheet1").value("B2")).toBe(text);
  });

  test("cells between written ones are left unchanged", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A2", [["保留"]]);
    await Excel.run(async (context) => {
      queueTextWrites(context.workbook.worksheets.getActiveWorksheet(), [
        { row: 0, col: 0, text: "甲" },
        { row: 2, col: 0, text: "丙" },
      ]);
      await context.sync();
    });
    expect(fake.sheet("Sheet1").values("A1:A3")).toEqual([["甲"], ["保留"], ["丙"]]);
  });
});

describe("writeRowStandards (the pane's previewed rows)", () => {
  test("writes each row's own method into exactly those rows, naming them; one read and one write", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    fake.user.select("Sheet1", "D8:D9");
    fake.resetCounters();
    const m8 = ScoringMethodSchema.parse({ kind: "direct", points: 12 });
    const m9 = ScoringMethodSchema.parse({ kind: "graded", points: 18 });
    const r = await writeRowStandards([{ sheetRow: 8, method: m8 }, { sheetRow: 9, method: m9 }]);
    if (!r.ok) throw r.error;
    if (r.value.moved) throw new Error("not moved");
    expect(fake.syncCount).toBe(2);
    expect(r.value.written).toEqual(["I8", "I9"]);
    expect(r.value.rows).toEqual([{ sheetRow: 8, label: GOOD_ROWS[1]!.level3 }, { sheetRow: 9, label: GOOD_ROWS[2]!.level3 }]);
    expect(fake.sheet("Sheet1").value("I8")).toBe(renderStandard(m8));
    expect(fake.sheet("Sheet1").value("I9")).toBe(renderStandard(m9));
  });

  test("refuses, writing nothing, when the sheet's selection no longer holds exactly the previewed rows", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    fake.user.select("Sheet1", "D9");
    const before = fake.sheet("Sheet1").snapshot();
    fake.resetCounters();
    const r = await writeRowStandards([{ sheetRow: 8, method: direct }]);
    if (!r.ok) throw r.error;
    expect(r.value).toEqual({ moved: true, sheetName: "Sheet1", selectedRows: [9] });
    expect(fake.syncCount).toBe(1);
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
  });
});

describe("points shared over every indicator row of a fresh template", () => {
  test("one filled row among the template's seven is offered 90 / 7 in half points, not 90", async () => {
    const fake = setup();
    // Seven template rows (level-1/level-2 only) and the second one filled in.
    const rows: RowInput[] = [
      { level1: "成本指标", level2: "经济成本指标" },
      { level1: "产出指标", level2: "数量指标", level3: "培训人次", valueType: "≥", target: 1200, unit: "人次", explanation: "全年培训人次" },
      { level2: "质量指标" },
      { level2: "时效指标" },
      { level1: "效益指标", level2: "社会效益指标" },
      { level2: "可持续影响指标" },
      { level1: "满意度指标", level2: "服务对象满意度指标" },
    ];
    seedForm(fake, rows);
    fake.user.select("Sheet1", "D8");
    const r = await readSelectionRows();
    if (!r.ok) throw r.error;
    expect(r.value.rows.map((x) => x.defaultMethod.points)).toEqual([12.5]);
  });
});

describe("a whole column selected", () => {
  test("reads the form's indicator rows within it without listing a million rows", async () => {
    const fake = setup();
    seedForm(fake);
    fake.user.select("Sheet1", "D1:D1048576");
    const started = Date.now();
    const r = await readSelectionRows();
    if (!r.ok) throw r.error;
    expect(r.value.rows.map((x) => x.sheetRow)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("standards at their edges", () => {
  /** Two standard forms on Sheet1: the first at A1, the second below it. */
  function twoForms(fake: ReturnType<typeof setup>): { second: number } {
    const top = seedForm(fake, withBlanks());
    const second = top.length + 2; // 0-based row where the second form starts
    seedForm(fake, withBlanks(), `A${second + 1}`);
    return { second };
  }

  test("rows of two forms: both written, the total is both forms' points after the write", async () => {
    const fake = setup();
    const { second } = twoForms(fake);
    const row2 = second + 8; // the second form's row 8, 1-based
    const r = await writeStandards({ rows: [8, row2] }, direct);
    if (!r.ok) throw r.error;
    expect(r.value.written).toEqual(["I8", `I${row2}`]);
    expect(r.value.skippedRows).toEqual([]);
    // Each form states 60 points, plus the 12 written into one row of each.
    expect(r.value.pointsTotal).toBe(2 * (60 + 12));
    expect(r.value.sheetName).toBe("Sheet1");
  });

  test("only the form touched counts in the total; a row skipped is not written and leaves the total", async () => {
    const fake = setup();
    twoForms(fake);
    const r = await writeStandards({ rows: [7, 8] }, direct);
    if (!r.ok) throw r.error;
    expect(r.value.skippedRows).toEqual([7]);
    expect(r.value.written).toEqual(["I8"]);
    expect(r.value.pointsTotal).toBe(72);
  });

  test("nothing to write (every row already has a standard): no write sync; the total stays", async () => {
    const fake = setup();
    seedForm(fake);
    fake.resetCounters();
    const r = await writeStandards({ rows: [7, 8] }, direct);
    if (!r.ok) throw r.error;
    expect([r.value.written, r.value.skippedRows, r.value.pointsTotal, fake.syncCount]).toEqual([[], [7, 8], 90, 1]);
  });

  test("rows given outside every form: the no-selection error says to select indicator rows", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    const r = await writeStandards({ rows: [1, 6, 13] }, direct);
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(["no-selection", expect.stringMatching(/指标行/)]);
  });

  test("a form without a 评（扣）分标准 column: said so, naming where the form starts", async () => {
    const fake = setup();
    const grid = seedForm(fake, withBlanks());
    const form = readForms(grid)[0]!;
    fake.user.edit("Sheet1", `I${form.headerRow + 1}`, "附注");
    const r = await writeStandards({ rows: [8] }, direct);
    expect(r.ok ? null : r.error.code).toBe("no-form");
    expect(r.ok ? "" : r.error.message).toMatch(/A1/);
    const rows = await writeRowStandards([{ sheetRow: 8, method: direct }], { requireSelection: false });
    expect(rows.ok ? null : rows.error.code).toBe("no-form");
  });

  test("fillBlankStandards: every blank row of every form, none when nothing is blank", async () => {
    const fake = setup();
    const { second } = twoForms(fake);
    fake.resetCounters();
    const r = await fillBlankStandards();
    if (!r.ok) throw r.error;
    expect(r.value.written).toEqual(["I8", "I9", `I${second + 8}`, `I${second + 9}`]);
    expect(r.value.skippedRows).toEqual([]);
    expect(r.value.pointsTotal).toBe(180);
    expect(fake.syncCount).toBe(2);
    const again = await fillBlankStandards();
    if (!again.ok) throw again.error;
    expect(again.value.written).toEqual([]);
    expect(again.value.pointsTotal).toBe(180);
  });

  test("fillBlankStandards shares the expected total from the settings", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    const r = await fillBlankStandards({ settings: { ...DEFAULT_SETTINGS, expectedTotal: 100 } });
    if (!r.ok) throw r.error;
    // 60 stated, 40 left for the two blank rows.
    expect(r.value.pointsTotal).toBe(100);
    expect(fake.sheet("Sheet1").value("I8")).toMatch(/20分/);
  });

  test("writeRowStandards: a row already holding a standard is skipped unless overwrite; labels fall back to the level-2", async () => {
    const fake = setup();
    const rows = withBlanks();
    rows[1] = { ...rows[1], level3: "" };
    seedForm(fake, rows);
    const r = await writeRowStandards([{ sheetRow: 7, method: direct }, { sheetRow: 8, method: direct }], { requireSelection: false });
    if (!r.ok) throw r.error;
    if (r.value.moved) throw new Error("not moved");
    expect(r.value.skippedRows).toEqual([7]);
    expect(r.value.rows).toEqual([{ sheetRow: 8, label: "数量指标" }]);
    expect(r.value.pointsTotal).toBe(20 + 12 + 10 + 15 + 15); // row 9 still blank
    const over = await writeRowStandards([{ sheetRow: 7, method: direct }], { requireSelection: false, overwrite: true });
    if (!over.ok) throw over.error;
    expect(over.value.moved ? [] : over.value.written).toEqual(["I7"]);
  });

  test("writeRowStandards: rows no form holds are the no-selection error; a selection of more rows than previewed is 'moved'", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    const none = await writeRowStandards([{ sheetRow: 3, method: direct }], { requireSelection: false });
    expect(none.ok ? null : none.error.code).toBe("no-selection");
    fake.user.select("Sheet1", "D8:D10");
    const more = await writeRowStandards([{ sheetRow: 8, method: direct }, { sheetRow: 9, method: direct }]);
    if (!more.ok) throw more.error;
    expect(more.value).toEqual({ moved: true, sheetName: "Sheet1", selectedRows: [8, 9, 10] });
    fake.user.select("Sheet1", "D8:D9");
    const same = await writeRowStandards([{ sheetRow: 9, method: direct }, { sheetRow: 8, method: direct }]);
    if (!same.ok) throw same.error;
    expect(same.value.moved).toBe(false);
  });

  test("readSelectionRows: a selection starting above the form takes the form whose rows it holds; none is said plainly", async () => {
    const fake = setup();
    seedForm(fake, withBlanks(), "A3");
    fake.user.select("Sheet1", "D1:D10");
    const r = await readSelectionRows();
    if (!r.ok) throw r.error;
    expect(r.value.formAnchor).toBe("A3");
    expect(r.value.rows.map((x) => x.sheetRow)).toEqual([9, 10]);
    fake.user.select("Sheet1", "D1:D2");
    const outside = await readSelectionRows();
    expect(outside.ok ? null : [outside.error.code, outside.error.message]).toEqual(["no-selection", "所选单元格不在目标表内：请选中要设置评分标准的指标行。"]);
  });

  test("readSelectionRows: the expected total comes from the settings; stated points win over shares", async () => {
    const fake = setup();
    seedForm(fake, withBlanks());
    fake.user.select("Sheet1", "D7:D9");
    const r = await readSelectionRows({ settings: { ...DEFAULT_SETTINGS, expectedTotal: 100 } });
    if (!r.ok) throw r.error;
    expect(r.value.expectedTotal).toBe(100);
    expect(r.value.rows.map((x) => [x.points, x.defaultMethod.points])).toEqual([
      [20, 20],
      [null, 20],
      [null, 20],
    ]);
  });
});
