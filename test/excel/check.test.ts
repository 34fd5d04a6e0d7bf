import { a1, parseA1 } from "../../src/domain/grid";
import { checkGrid } from "../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { checkActiveSheet } from "../../src/excel/check";
import { MARK_FILL, markAreaOf } from "../../src/excel/marks";
import { installNativeRules } from "../../src/excel/nativeRules";
import { NATIVE_RULE_IDS } from "../../src/domain/native";
import { GOOD_ROWS, type RowInput } from "../support/form-grid";
import { manyRows, seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

/** GOOD_ROWS with one native-rule problem (scoring missing) and one engine-only problem (explanation unrelated). */
function rowsWithProblems(): RowInput[] {
  const rows = GOOD_ROWS.map((r) => ({ ...r }));
  rows[1] = { ...rows[1], scoringStandard: "" };
  rows[2] = { ...rows[2], explanation: "考核社会组织年检率情况。" };
  return rows;
}

function shift(cell: string, dRow: number, dCol: number): string {
  const { row, col } = parseA1(cell);
  return a1(row + dRow, col + dCol);
}

describe("checkActiveSheet", () => {
  test("reports the domain's findings at sheet addresses, in one read and one write", async () => {
    const fake = setup();
    const grid = seedForm(fake, rowsWithProblems());
    fake.resetCounters();
    const r = await checkActiveSheet();
    if (!r.ok) throw r.error;
    const expected = checkGrid(grid, DEFAULT_SETTINGS).findings;
    expect(expected.length).toBeGreaterThan(0);
    expect(r.value.sheetName).toBe("Sheet1");
    expect(r.value.forms).toHaveLength(1);
    expect(r.value.findings).toEqual(expected);
    expect(r.value.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["scoring-missing", "explanation-unrelated"]));
    expect(fake.syncCount).toBe(2);
  });

  test("a form that does not start at A1: the used range's top-left offsets every address", async () => {
    const fake = setup();
    const grid = seedForm(fake, rowsWithProblems(), "C5");
    const r = await checkActiveSheet({ mark: false });
    if (!r.ok) throw r.error;
    const expected = checkGrid(grid, DEFAULT_SETTINGS).findings.map((f) => ({ ...f, cell: shift(f.cell, 4, 2), row: f.row + 4 }));
    expect(r.value.findings.map((f) => [f.rule, f.cell, f.row])).toEqual(expected.map((f) => [f.rule, f.cell, f.row]));
    expect(r.value.forms[0]?.anchor).toBe("C5");
  });

  test("marks every finding's cell while the sheet has no native rules, only engine-only ones once it has", async () => {
    const fake = setup();
    seedForm(fake, rowsWithProblems());
    const first = await checkActiveSheet();
    if (!first.ok) throw first.error;
    const scoringMissing = first.value.findings.find((f) => f.rule === "scoring-missing");
    const unrelated = first.value.findings.find((f) => f.rule === "explanation-unrelated");
    expect(scoringMissing && unrelated).toBeTruthy();
    expect(first.value.marked).toEqual(expect.arrayContaining([scoringMissing!.cell, unrelated!.cell]));

    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    const second = await checkActiveSheet();
    if (!second.ok) throw second.error;
    expect(second.value.marked).toContain(unrelated!.cell);
    expect(second.value.marked).not.toContain(scoringMissing!.cell);
    const engineOnly = second.value.findings.filter((f) => !(NATIVE_RULE_IDS as readonly string[]).includes(f.rule));
    expect(second.value.marked).toEqual([...new Set(engineOnly.map((f) => f.cell))].sort());
    // The marks on the sheet are exactly the reported cells, in this add-in's colour.
    const marks = fake.sheet("Sheet1").conditionalFormats.filter((cf) => markAreaOf(cf.formula ?? "") !== null);
    expect(marks.every((cf) => cf.fillColor === MARK_FILL)).toBe(true);
    const markedCells = marks.flatMap((cf) => expandArea(cf.address)).sort();
    expect(markedCells).toEqual(second.value.marked);
  });

  test("the next check removes the marks it no longer needs and leaves the user's own formatting alone", async () => {
    const fake = setup();
    seedForm(fake, rowsWithProblems());
    // The user's own conditional format and cell fill on the same cells.
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const cf = ws.getRange("H7:H9").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=LEN($H7)>50";
      cf.custom.format.fill.color = "#00B050";
      ws.getRange("H9").format.fill.color = "#FFFF00";
      await context.sync();
    });
    const userFill = fake.sheet("Sheet1").format("H9");
    const userCf = () => fake.sheet("Sheet1").conditionalFormats.filter((cf) => cf.formula === "=LEN($H7)>50");
    expect(userCf()).toHaveLength(1);

    const first = await checkActiveSheet();
    if (!first.ok) throw first.error;
    expect(first.value.marked).toContain("H9");
    const again = await checkActiveSheet();
    if (!again.ok) throw again.error;
    // Not duplicated: one run's marks replace the last run's.
    expect(fake.sheet("Sheet1").conditionalFormats.filter((cf) => markAreaOf(cf.formula ?? "") !== null).flatMap((cf) => expandArea(cf.address)).sort()).toEqual(again.value.marked);

    // The user fixes the explanation and the missing standard: the marks go, the user's formatting stays.
    fake.sheet("Sheet1").seed("H9", [["在规定时限内发放的培训补贴占应发补贴的比例，考核培训合格率。"]]);
    fake.sheet("Sheet1").seed("I8", [["完成率达到100%得15分；低于60%不得分。"]]);
    const fixed = await checkActiveSheet();
    if (!fixed.ok) throw fixed.error;
    expect(fixed.value.marked).not.toContain("H9");
    expect(fixed.value.marked).not.toContain("I8");
    expect(userCf()).toHaveLength(1);
    expect(fake.sheet("Sheet1").format("H9")).toEqual(userFill);
  });

  test("no form on the sheet: a typed no-form error telling the user what to do, no write", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A1", [["预算表"], ["项目", "金额"], ["办公费", 1200]]);
    fake.resetCounters();
    const r = await checkActiveSheet();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("no-form");
    expect(r.error.message).toMatch(/插入表样/);
    expect(r.error.message).toMatch(/切换到/);
    expect(fake.syncCount).toBe(1);
  });

  test.each([
    ["AccessDenied", "protected"],
    ["RequestPayloadSizeLimitExceeded", "payload-too-large"],
    ["GeneralException", "host"],
  ])("host error %s becomes the typed error %s with a Chinese message", async (code, expected) => {
    const fake = setup();
    seedForm(fake);
    fake.failNextSync({ code });
    const r = await checkActiveSheet();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(expected);
    expect(r.error.message).toMatch(/^检查失败：/);
  });

  test("a response over Excel on the web's payload limit is a payload-too-large error", async () => {
    const fake = setup({ payloadLimit: 2000 });
    seedForm(fake, manyRows(40));
    const r = await checkActiveSheet();
    expect(r.ok ? null : r.error.code).toBe("payload-too-large");
  });

  test("an Excel without ExcelApi 1.4 is told plainly, before anything is sent", async () => {
    const fake = setup({ apiVersion: "1.3" });
    seedForm(fake);
    fake.resetCounters();
    const r = await checkActiveSheet();
    expect(r.ok ? null : r.error.code).toBe("unsupported");
    expect(r.ok ? "" : r.error.message).toMatch(/ExcelApi 1\.4/);
    expect(fake.syncCount).toBe(0);
  });

  test("round trips do not grow with the form: the same at 10, 100 and 1000 rows", async () => {
    const counts: number[] = [];
    for (const n of [10, 100, 1000]) {
      const fake = setup({ payloadLimit: null });
      const rows = manyRows(n);
      rows[3] = { ...rows[3], explanation: "考核社会组织年检率情况。" };
      seedForm(fake, rows);
      fake.resetCounters();
      const r = await checkActiveSheet();
      if (!r.ok) throw r.error;
      expect(r.value.forms[0]?.lastRow).toBe(6 + n);
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([2, 2, 2]);
  });
});

/** "H7:H9" → ["H7", "H8", "H9"] (one column). */
function expandArea(address: string): string[] {
  const [from, to] = address.split(":");
  const a = parseA1(from as string);
  const b = parseA1((to ?? from) as string);
  const out: string[] = [];
  for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(a1(r, c));
  return out;
}

describe("checkActiveSheet at its edges", () => {
  test("each form's facts: 1-based rows, points, row labels falling back to the level-2 and level-1, its year", async () => {
    const fake = setup();
    const rows = GOOD_ROWS.map((r) => ({ ...r }));
    rows[1] = { ...rows[1], level3: "" };
    rows[0] = { ...rows[0], level3: "", level2: "" };
    seedForm(fake, rows, "A1", "Sheet1", { year: 2028 });
    const r = await checkActiveSheet({ mark: false });
    if (!r.ok) throw r.error;
    const form = r.value.forms[0];
    expect(form).toMatchObject({ anchor: "A1", headerRow: 6, firstRow: 7, lastRow: 12, pointsTotal: 90, year: 2028 });
    expect(form?.rowLabels).toEqual({ 7: "成本指标", 8: "数量指标", 9: "培训合格率", 10: "培训补贴按时发放率", 11: "参训人员就业能力提升", 12: "参训人员满意度" });
    expect(r.value.marked).toEqual([]);
    expect(r.value.notes).toEqual([]);
  });

  test("findings of all forms together, errors first; each form's own findings kept apart", async () => {
    const fake = setup();
    const top = seedForm(fake, rowsWithProblems());
    const second = top.length + 3;
    seedForm(fake, GOOD_ROWS.map((r, i) => (i === 0 ? { ...r, level3: "" } : r)), `A${second}`);
    const r = await checkActiveSheet({ mark: false });
    if (!r.ok) throw r.error;
    expect(r.value.forms.map((f) => f.anchor)).toEqual(["A1", `A${second}`]);
    expect(r.value.forms[1]?.findings.map((f) => f.rule)).toContain("level3-missing");
    expect(r.value.forms[0]?.findings.map((f) => f.rule)).not.toContain("level3-missing");
    expect(r.value.findings).toHaveLength(r.value.forms.reduce((n, f) => n + f.findings.length, 0));
    const severities = r.value.findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "error" ? -1 : 1)));
  });

  test("a protected sheet: the findings, no marks, and a note saying why; nothing written", async () => {
    const fake = setup();
    seedForm(fake, rowsWithProblems());
    fake.sheet("Sheet1").state.protected = true;
    fake.resetCounters();
    const r = await checkActiveSheet();
    if (!r.ok) throw r.error;
    expect(r.value.findings.length).toBeGreaterThan(0);
    expect(r.value.marked).toEqual([]);
    expect(r.value.notes).toHaveLength(1);
    expect(r.value.notes[0]).toMatch(/受保护/);
    expect(fake.writeCount).toBe(0);
  });

  test("a protected sheet without findings needs no note", async () => {
    const fake = setup();
    seedForm(fake);
    fake.sheet("Sheet1").state.protected = true;
    const r = await checkActiveSheet();
    if (!r.ok) throw r.error;
    expect(r.value.notes).toEqual([]);
  });

  test("mark: false, or an Excel below 1.6, marks nothing and writes nothing", async () => {
    for (const [options, apiVersion] of [[{ mark: false }, "1.17"], [{}, "1.5"]] as const) {
      const fake = setup({ apiVersion });
      seedForm(fake, rowsWithProblems());
      fake.resetCounters();
      const r = await checkActiveSheet(options);
      if (!r.ok) throw r.error;
      expect([apiVersion, r.value.marked, fake.writeCount, fake.syncCount]).toEqual([apiVersion, [], 0, 1]);
    }
  });

  test("checking twice writes the marks once: the second check sends no write", async () => {
    const fake = setup();
    seedForm(fake, rowsWithProblems());
    const first = await checkActiveSheet();
    if (!first.ok) throw first.error;
    fake.resetCounters();
    const second = await checkActiveSheet();
    if (!second.ok) throw second.error;
    expect(second.value.marked).toEqual(first.value.marked);
    expect([fake.syncCount, fake.writeCount]).toEqual([1, 0]);
  });

  test("the form gone: its old marks are removed, then the no-form error", async () => {
    const fake = setup();
    seedForm(fake, rowsWithProblems());
    const first = await checkActiveSheet();
    if (!first.ok) throw first.error;
    expect(fake.sheet("Sheet1").conditionalFormats.filter((c) => markAreaOf(c.formula ?? "") !== null).length).toBeGreaterThan(0);
    fake.user.clear("Sheet1", "A1:J40");
    const r = await checkActiveSheet();
    expect(r.ok ? null : r.error.code).toBe("no-form");
    expect(fake.sheet("Sheet1").conditionalFormats.filter((c) => markAreaOf(c.formula ?? "") !== null)).toEqual([]);
  });

  test("the expected total in the settings is checked against the points", async () => {
    const fake = setup();
    seedForm(fake);
    const r = await checkActiveSheet({ mark: false, settings: { ...DEFAULT_SETTINGS, expectedTotal: 100 } });
    if (!r.ok) throw r.error;
    expect(r.value.findings.map((f) => f.rule)).toContain("score-total");
    const ok = await checkActiveSheet({ mark: false });
    if (!ok.ok) throw ok.error;
    expect(ok.value.findings.map((f) => f.rule)).not.toContain("score-total");
  });

  test("progress of a long sheet is heard", async () => {
    const fake = setup({ payloadLimit: null });
    seedForm(fake, manyRows(1300));
    const heard: Array<[number, number]> = [];
    const r = await checkActiveSheet({ mark: false, onProgress: (done, total) => heard.push([done, total]) });
    if (!r.ok) throw r.error;
    expect(heard.length).toBeGreaterThan(1);
    const total = heard[0]?.[1] ?? 0;
    expect(heard.at(-1)).toEqual([total, total]);
    expect(fake.syncCount).toBeGreaterThan(1);
  });
});
