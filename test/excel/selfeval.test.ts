// 生成自评表 on the strict fake host: a new sheet "2026年自评" from the active target form, the source untouched,
// two round trips whatever the number of rows; the sheet it makes, recalculated by LibreOffice with actual values
// typed in, gives the engine's scores cell by cell (the seed's corrected table).

import { readFileSync } from "fs";
import { join } from "path";
import { loadWorkbookClass } from "../../src/cli/xlsx-read";
import type { CellValue } from "../../src/domain/grid";
import { readForms } from "../../src/domain/reader";
import { checkGrid } from "../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { drawSelfEvaluation, executionOf, gradeOf, scoreOf, selfEvaluationOf, SELFEVAL_COLUMNS, totalOf } from "../../src/domain/selfeval";
import { checkActiveSheet } from "../../src/excel/check";
import { readScoringSelection } from "../../src/excel/scoring";
import { explainSelectedScores, makeSelfEvaluation } from "../../src/excel/selfeval";
import { parseCsv, recalculate } from "../support/libreoffice";
import type { Scalar } from "../support/fake-excel";
import { manyRows, seedForm, setup, teardown } from "./helpers";
import { GOOD_ROWS } from "../support/form-grid";

jest.setTimeout(120_000);
afterEach(teardown);

const seedGrid = (): CellValue[][] => parseCsv(readFileSync(join(__dirname, "../fixtures/seed-corrected.csv"), "utf8"));

describe("makeSelfEvaluation", () => {
  test("makes 2026年自评 from the seed's target table; the source sheet is unchanged", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A1", seedGrid() as Scalar[][]);
    const before = fake.sheet("Sheet1").snapshot();
    fake.resetCounters();
    const r = await makeSelfEvaluation();
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
    expect(r.value).toMatchObject({ sheetName: "2026年自评", sourceSheetName: "Sheet1", indicators: 7, budgetRow: 5 });
    expect(fake.activeSheet.name).toBe("2026年自评");
    const se = fake.sheet("2026年自评");
    expect(se.text("A1")).toBe("部门（单位）整体支出绩效自评表");
    expect(se.text("C7")).toBe("完成全年参保人数");
    expect(se.text("D7")).toBe("≥20000人");
    expect(se.numberFormat("E7")).toBe("@"); // "96%" typed stays text, as the formulas expect
    expect(se.formula("F5")).toMatch(/^=IF\(OR\(C5="",D5=""\)/);
    expect(se.formula("G13")).toMatch(/ROUNDUP/); // the seed's cost row: 每超出10%扣2分
    // The seed's qualitative standards name their own levels (效果明显/效果一般, 否则不得分): typed, not picked.
    expect(se.validationAt("E10")).toBeNull();
    expect(se.formula("G10")).toContain('"效果一般"');
    expect(se.merges).toContain("A1:I1");
    expect(se.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
  });

  test("checking the self-evaluation sheet applies its rules, not the target table's, and marks the cells", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A1", seedGrid() as Scalar[][]);
    const made = await makeSelfEvaluation();
    if (!made.ok) throw made.error;
    fake.user.edit("2026年自评", "E7", "20000");
    const r = await checkActiveSheet();
    if (!r.ok) throw r.error;
    const rules = new Set(r.value.findings.map((f) => f.rule));
    expect([...rules].sort()).toEqual(["actual-missing", "execution-rate-invalid"]);
    expect(r.value.findings.some((f) => f.cell === "E7")).toBe(false);
    expect(r.value.findings.find((f) => f.rule === "actual-missing")?.cell).toBe("E8");
    expect(r.value.marked).toContain("E8");
    expect(r.value.forms).toHaveLength(1);
  });

  test("评分标准 on a self-evaluation sheet: the computed score and why for the selected rows, in one round trip", async () => {
    const fake = setup();
    seedForm(fake, undefined, "A1", "Sheet1", { year: 2026 });
    const made = await makeSelfEvaluation();
    if (!made.ok) throw made.error;
    fake.user.edit("2026年自评", "E8", "1080");
    fake.user.edit("2026年自评", "G8", "15");
    fake.user.select("2026年自评", "A7:C8");
    fake.resetCounters();
    const r = await explainSelectedScores();
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBe(1);
    expect(r.value).toEqual([
      { row: 7, indicator: "培训经费支出", target: "≤120万元", actual: "", points: 20, computed: null, band: null, written: null, differs: false, why: "尚未填写实际完成值。" },
      expect.objectContaining({ row: 8, actual: "1080", points: 15, computed: 11.25, written: 15 }),
    ]);
    expect(r.value?.[1]?.why).toContain("完成率 90%");
    fake.user.activate("Sheet1");
    const none = await explainSelectedScores();
    expect(none.ok && none.value).toBeNull();
  });

  test("the pane's selection read on a self-evaluation sheet gives the scores, flags a mismatch, in one round trip", async () => {
    const fake = setup();
    seedForm(fake, undefined, "A1", "Sheet1", { year: 2026 });
    const made = await makeSelfEvaluation();
    if (!made.ok) throw made.error;
    fake.user.edit("2026年自评", "E8", "1080");
    fake.user.edit("2026年自评", "G8", "15");
    fake.user.edit("2026年自评", "E11", "部分实现目标");
    fake.user.select("2026年自评", "B8:B11");
    fake.resetCounters();
    const r = await readScoringSelection();
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBe(1);
    if (!("kind" in r.value)) throw new Error("expected the self-evaluation branch");
    expect(r.value.sheetName).toBe("2026年自评");
    expect(r.value.rows.map((x) => x.row)).toEqual([8, 9, 10, 11]);
    expect(r.value.rows[0]).toMatchObject({ computed: 11.25, written: 15, differs: true, band: null });
    const graded = r.value.rows[3];
    expect(graded?.band).not.toBeNull();
    expect(graded?.computed).toBe(graded?.band?.high);
    expect(graded?.differs).toBe(false); // no score written yet
    const band = graded?.band ?? { low: 0, high: 0 };
    // A graded row's score may be anywhere in its band; above it is flagged.
    const gradedWith = async (score: number): Promise<boolean | undefined> => {
      fake.user.edit("2026年自评", "G11", String(score));
      const again = await readScoringSelection();
      return again.ok && "kind" in again.value ? again.value.rows[3]?.differs : undefined;
    };
    expect(await gradedWith(band.low)).toBe(false);
    expect(await gradedWith(band.high + 1)).toBe(true);

    // 11.5 is within 0.5 of 11.25: no note.
    fake.user.edit("2026年自评", "G8", "11.5");
    const close = await readScoringSelection();
    expect(close.ok && "kind" in close.value && close.value.rows[0]?.differs).toBe(false);

    // Outside the indicator rows: said plainly, nothing computed.
    fake.user.select("2026年自评", "A1");
    const outside = await readScoringSelection();
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.error.message).toContain("自评表的指标行");

    // On the target form the same read gives its rows to write standards on.
    fake.user.activate("Sheet1");
    fake.user.select("Sheet1", "A7:A8");
    const form = await readScoringSelection();
    if (!form.ok) throw form.error;
    expect("kind" in form.value).toBe(false);
    expect(form.value.rows.length).toBeGreaterThan(0);
  });

  test("a graded row gets the grade dropdown and its score the band's validation", async () => {
    const fake = setup();
    seedForm(fake, undefined, "A1", "Sheet1", { year: 2026 });
    const r = await makeSelfEvaluation();
    if (!r.ok) throw r.error;
    const se = fake.sheet("2026年自评");
    expect(se.text("E11")).toBe("");
    expect(JSON.stringify(se.validationAt("E11"))).toContain("基本达成目标,部分实现目标,实现目标程度较低");
    expect(JSON.stringify(se.validationAt("G11"))).toContain("AND(ISNUMBER(G11)");
    expect(se.formula("G9")).toMatch(/ROUNDUP/); // 每低1个百分点扣1分: computed
    expect(JSON.stringify(se.validationAt("G10"))).toContain("10"); // 每延迟一笔扣1分: the user scores it, 0 to its points
  });

  test("round trips stay flat in rows: 2 syncs for 7, 400 and 1000 indicators, each request under the web's 5 MB", async () => {
    for (const n of [7, 400, 1000]) {
      const fake = setup();
      seedForm(fake, manyRows(n), "A1", "Sheet1", { year: 2026 });
      fake.resetCounters();
      const r = await makeSelfEvaluation();
      if (!r.ok) throw r.error;
      expect([n, fake.syncCount]).toEqual([n, 2]);
    }
  });

  test("says plainly when the active sheet holds no target table, writing nothing", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A1", [["关于报送绩效目标的通知"]]);
    const r = await makeSelfEvaluation();
    expect(r.ok).toBe(false);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("a second self-evaluation of the same year goes to 2026年自评 (2)", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A1", seedGrid() as Scalar[][]);
    await makeSelfEvaluation();
    fake.user.activate("Sheet1");
    const r = await makeSelfEvaluation();
    if (!r.ok) throw r.error;
    expect(r.value.sheetName).toBe("2026年自评 (2)");
  });

  test("the sheet made through the host, filled in and recalculated by LibreOffice, agrees with the engine cell by cell", async () => {
    const fake = setup();
    const grid = seedGrid();
    fake.sheet("Sheet1").seed("A1", grid as Scalar[][]);
    const r = await makeSelfEvaluation();
    if (!r.ok) throw r.error;
    const made = fake.sheet("2026年自评");
    const se = selfEvaluationOf(readForms(grid)[0]!);
    const d = drawSelfEvaluation(se);
    const actuals = ["19000", "100%", "98%", "效果明显", "效果一般", "93%", "180万元"];

    // The host's cells (formulas as written, constants as values) into an .xlsx, actual values and A/B typed in.
    const Workbook = loadWorkbookClass();
    const wb = new Workbook();
    const ws = wb.addWorksheet("自评");
    for (let row = 0; row <= d.lastRow; row++) {
      for (let col = 0; col <= d.lastCol; col++) {
        const address = `${String.fromCharCode(65 + col)}${row + 1}`;
        const formula = made.formula(address);
        const cell = ws.getCell(row + 1, col + 1);
        cell.numFmt = made.numberFormat(address);
        if (formula) cell.value = { formula: formula.slice(1) } as never;
        else if (made.value(address) !== "") cell.value = made.value(address) as string | number;
      }
    }
    actuals.forEach((a, i) => (ws.getCell(d.indicatorRows.first + i + 1, SELFEVAL_COLUMNS.actual + 1).value = a));
    ws.getCell(d.budgetRow + 1, 3).value = 156.91;
    ws.getCell(d.budgetRow + 1, 4).value = 130;
    // The rows whose standards state no method: the user's own scores.
    const userScores = [9, 10, 10, 15, 10, 10, null];
    userScores.forEach((s, i) => {
      if (s !== null && !made.formula(`G${d.indicatorRows.first + i + 1}`)) ws.getCell(d.indicatorRows.first + i + 1, SELFEVAL_COLUMNS.score + 1).value = s;
    });
    const book = await recalculate(wb);
    const values = book.sheets.get("自评")!;

    const scores = se.indicators.map((ind, i) => {
      const s = scoreOf(ind, actuals[i]);
      return s.kind === "computed" ? s.score : (userScores[i] ?? null);
    });
    const sheetScores = se.indicators.map((_, i) => values[d.indicatorRows.first + i]?.[SELFEVAL_COLUMNS.score] ?? "");
    expect(sheetScores.map((v) => (v === "" ? null : Number(v)))).toEqual(scores);
    expect(scores[6]).toBe(16); // 180 over 156.91 by 14.7%: two steps of 10% (a part step counts), 2 points each
    const e = executionOf(156.91, 130, 10);
    expect(e).toMatchObject({ kind: "ok", rate: 0.8285, score: 8.29 });
    const total = totalOf([e.kind === "ok" ? e.score : null, ...scores])!;
    expect(Number(values[d.totalRow]?.[SELFEVAL_COLUMNS.score])).toBe(total);
    expect(values[d.totalRow]?.[SELFEVAL_COLUMNS.standard]).toBe(gradeOf(total));

    // The same sheet, read back as the check reads it: an execution rate below 90% without a reason.
    const filled = values.map((row) => row.map((v): CellValue => v));
    const findings = checkGrid(filled, DEFAULT_SETTINGS).findings.map((f) => `${f.rule}@${f.cell}`);
    expect(findings).toContain("deviation-reason-missing@H5");
    expect(findings).toContain("deviation-reason-missing@H13"); // the cost overrun, no reason given
    expect(findings.filter((f) => f.startsWith("score-") || f.startsWith("selfeval-total") || f.startsWith("execution-rate"))).toEqual([]);
  });
});

describe("makeSelfEvaluation at its edges", () => {
  test("notes: made from which sheet, how many to score by hand, what to fill in; the counts and rows", async () => {
    const fake = setup();
    seedForm(fake, undefined, "A1", "Sheet1", { year: 2026 });
    const r = await makeSelfEvaluation();
    if (!r.ok) throw r.error;
    const se = selfEvaluationOf(readForms(fake.sheet("Sheet1").values("A1:J30") as CellValue[][])[0]!);
    const unscored = se.indicators.filter((i) => i.method === null).length;
    expect(unscored).toBeGreaterThan(0);
    expect(r.value).toMatchObject({ year: 2026, indicators: se.indicators.length, unscored, indicatorRows: { first: 7, last: 6 + se.indicators.length } });
    expect(r.value.notes).toEqual([
      "已由“Sheet1”生成“2026年自评”，原表未改动。",
      `${unscored} 个指标的评（扣）分标准没有写明可计算的方法，得分需手工填写（已限定在 0 至分值之间）。`,
      "请在预算执行一栏填写全年预算数（A）和全年执行数（B），在“实际完成值”列填写全年实际完成情况。",
    ]);
    // The budget cell A (column C of the budget row) is selected for the user to start there.
    const sheetId = fake.sheet("2026年自评").state.id;
    expect(fake.state.selection).toEqual({ sheetId, rect: { top: 4, left: 2, bottom: 4, right: 2 } });
  });

  test("ExcelApi 1.8: no print setup, said so; in English when asked", async () => {
    const fake = setup({ apiVersion: "1.8" });
    seedForm(fake, undefined, "A1", "Sheet1", { year: 2026 });
    const r = await makeSelfEvaluation({ language: "en" });
    if (!r.ok) throw r.error;
    expect(r.value.notes[0]).toBe('Made "2026年自评" from "Sheet1"; the source sheet is unchanged.');
    expect(r.value.notes[1]).toBe("This Excel has no print setup (needs ExcelApi 1.9): A4 landscape was not set.");
    expect(fake.sheet("2026年自评").pageLayout.orientation).toBe("Portrait");
    expect(fake.sheet("2026年自评").freeze.rows).toBeGreaterThan(0);
  });

  test("a sheet that already holds a self-evaluation and a target form: the target form is the source", async () => {
    const fake = setup();
    const top = seedForm(fake, undefined, "A1", "Sheet1", { year: 2026 });
    const made = await makeSelfEvaluation();
    if (!made.ok) throw made.error;
    // Copy the self-evaluation above a target form on one sheet.
    const selfValues = fake.sheet("2026年自评").values("A1:I20");
    fake.addSheet("混合").seed("A1", selfValues);
    fake.sheet("混合").seed(`A${selfValues.length + 3}`, top.map((r) => r.map((v) => v ?? "")));
    fake.user.activate("混合");
    const r = await makeSelfEvaluation();
    if (!r.ok) throw r.error;
    expect(r.value.indicators).toBe(GOOD_ROWS.length);
    expect(r.value.sourceSheetName).toBe("混合");
  });

  test("explainSelectedScores in English keeps the operation's name in its errors", async () => {
    const fake = setup();
    fake.failNextSync({ code: "GeneralException" });
    const r = await explainSelectedScores({ language: "en" });
    expect(r.ok ? "" : r.error.message).toMatch(/^Make self-evaluation/);
    fake.failNextSync({ code: "GeneralException" });
    const zh = await explainSelectedScores();
    expect(zh.ok ? "" : zh.error.message).toMatch(/^生成自评表失败/);
  });
});
