import { conditionalFormatSpecs, NATIVE_COLORS, validationSpecs } from "../../src/domain/native";
import {
  COLUMN_LABELS,
  DEFAULT_INDICATOR_ROWS,
  FORM_TITLE,
  INSTRUCTIONS,
  STYLES,
  TEMPLATE,
  drawForm,
  widthInPoints,
  yearLine,
} from "../../src/domain/layout";
import { a1 } from "../../src/domain/grid";
import { insertForm, styleRects, uniqueSheetName } from "../../src/excel/insert";
import { protectSheet, protectStructure } from "../support/fake-excel";
import { setup, teardown, workbookShape } from "./helpers";

afterEach(teardown);

async function insertOk(options: Parameters<typeof insertForm>[0] = {}) {
  const r = await insertForm({ year: 2027, ...options });
  if (!r.ok) throw r.error;
  return r.value;
}

describe("insertForm into an empty active sheet", () => {
  test("writes the drawn form cell by cell, in one read and one write", async () => {
    const fake = setup();
    const out = await insertOk({ deptName: "某县民政局" });
    expect(fake.syncCount).toBe(2);
    expect(out).toMatchObject({ sheetName: "Sheet1", newSheet: false, year: 2027, printSetup: true, indicatorRows: { first: 7, last: 13 } });
    const v = fake.sheet("Sheet1");
    const drawing = drawForm({ year: 2027, deptName: "某县民政局" });
    for (const c of drawing.cells) expect([a1(c.row, c.col), v.value(a1(c.row, c.col))]).toEqual([a1(c.row, c.col), c.value]);
    expect(v.value("A1")).toBe(FORM_TITLE);
    expect(v.value("A2")).toBe(yearLine(2027));
    expect(v.value("B3")).toBe("某县民政局");
    expect(v.values("B6:J6")[0]).toEqual(Object.values(TEMPLATE.columns).map((_, i) => Object.values(COLUMN_LABELS)[i]));
    expect(v.values(`B7:C${6 + DEFAULT_INDICATOR_ROWS.length}`)).toEqual(DEFAULT_INDICATOR_ROWS.map((r) => [r.level1, r.level2]));
    expect(v.value(a1(drawing.lastRow - INSTRUCTIONS.length + 1, 0))).toBe(INSTRUCTIONS[0]);
    expect(v.usedAddress()).toBe(`A1:${a1(drawing.lastRow, TEMPLATE.lastCol)}`);
  });

  test("merges, fonts, borders, widths, heights, frozen header and print setup follow the layout", async () => {
    const fake = setup();
    await insertOk();
    const v = fake.sheet("Sheet1");
    const drawing = drawForm({ year: 2027 });
    expect(v.merges).toEqual(drawing.merges.map((m) => (m.left === m.right && m.top === m.bottom ? a1(m.top, m.left) : `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`)).sort());
    // No merge inside the grid: level-1 cells stay one per row while editing.
    expect(v.merges.some((m) => /^B([7-9]|1[0-3]):/.test(m))).toBe(false);
    for (const c of drawing.cells) {
      const s = STYLES[c.style];
      const f = v.format(a1(c.row, c.col));
      expect([a1(c.row, c.col), f.fontName, f.fontSize, f.bold, f.wrap, f.fill]).toEqual([a1(c.row, c.col), s.fontName, s.fontSize, s.bold, s.wrap, s.fill]);
      expect(f.horizontal).toBe(s.horizontal === "center" ? "Center" : "Left");
      if (s.border) for (const side of ["top", "bottom", "left", "right"] as const) expect(v.border(a1(c.row, c.col), side)?.style).toBe("Continuous");
    }
    expect(v.border("A1", "bottom")).toBeNull(); // the title has no border
    drawing.columnWidths.forEach((w, col) => expect(v.columnWidth(col)).toBe(widthInPoints(w)));
    for (const h of drawing.rowHeights) expect(v.rowHeight(h.row)).toBe(h.height);
    expect(v.freeze).toEqual({ rows: drawing.freezeRows, columns: 0 });
    expect(v.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$6:$6", zoom: { horizontalFitToPages: 1 } });
  });

  test("installs exactly the domain's dropdowns and conditional formats over the indicator rows", async () => {
    const fake = setup();
    const out = await insertOk();
    const block = drawForm({ year: 2027 }).indicatorRows;
    const v = fake.sheet("Sheet1");
    const dv = new Map(v.validations.map((x) => [x.address, x]));
    for (const spec of validationSpecs(block)) {
      expect(dv.get(spec.range)?.rule).toEqual({ list: { inCellDropDown: true, source: spec.source } });
      expect(dv.get(spec.range)?.prompt).toEqual({ title: spec.prompt.title, message: spec.prompt.message, showPrompt: true });
    }
    const specs = conditionalFormatSpecs(block);
    expect(v.conditionalFormats.map((c) => [c.address, c.formula, c.fillColor])).toEqual(
      specs.map((s) => [s.range, s.formula, NATIVE_COLORS[s.severity].fill]),
    );
    expect(out.nativeRules?.validations).toEqual(validationSpecs(block).map((s) => s.range));
  });

  test("a header text Excel would read as a formula is written as text", async () => {
    const fake = setup();
    await insertOk({ deptName: "=某局" });
    expect(fake.sheet("Sheet1").value("B3")).toBe("=某局");
    expect(fake.sheet("Sheet1").formula("B3")).toBeNull();
  });

  test("the year defaults to the domain's fiscal year", async () => {
    const fake = setup();
    const r = await insertForm({ now: new Date(2026, 9, 1) });
    if (!r.ok) throw r.error;
    expect(r.value.year).toBe(2027);
    expect(fake.sheet("Sheet1").value("A2")).toBe(yearLine(2027));
  });
});

describe("insertForm never overwrites", () => {
  test("a non-empty active sheet is left byte for byte unchanged; the form goes to a new sheet named after the year, made unique", async () => {
    const fake = setup();
    fake.sheet("Sheet1").seed("C5", [["用户的内容"]]);
    const before = fake.sheet("Sheet1").snapshot();
    const first = await insertOk();
    expect(first).toMatchObject({ sheetName: "2027年", newSheet: true });
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
    expect(fake.activeSheet.name).toBe("2027年");
    expect(fake.sheet("2027年").value("A1")).toBe(FORM_TITLE);
    expect(first.notes.join("")).toContain("Sheet1");
    const second = await insertOk();
    expect(second.sheetName).toBe("2027年 (2)");
    expect(fake.syncCount).toBe(4);
  });

  test("a protected empty sheet is not written either", async () => {
    const fake = setup();
    protectSheet(fake, "Sheet1");
    const out = await insertOk();
    expect(out.newSheet).toBe(true);
    expect(fake.sheet("Sheet1").usedAddress(false)).toBeNull();
    expect(out.notes[0]).toContain("受保护");
  });

  test("uniqueSheetName ignores case like Excel", () => {
    expect(uniqueSheetName("2027年", ["Sheet1"])).toBe("2027年");
    expect(uniqueSheetName("Plan", ["plan", "PLAN (2)"])).toBe("Plan (3)");
  });
});

describe("insertForm on older or failing hosts", () => {
  test("ExcelApi 1.8: the form is written, print setup skipped and said so", async () => {
    const fake = setup({ apiVersion: "1.8" });
    const out = await insertOk();
    expect(out.printSetup).toBe(false);
    expect(out.notes.some((n) => n.includes("打印设置") && n.includes("1.9"))).toBe(true);
    expect(fake.sheet("Sheet1").value("A1")).toBe(FORM_TITLE);
    expect(fake.sheet("Sheet1").pageLayout.orientation).toBe("Portrait");
    expect(fake.sheet("Sheet1").validations.length).toBeGreaterThan(0);
    expect(fake.syncCount).toBe(2);
  });

  test("below the minimum the operation refuses before sending anything", async () => {
    const fake = setup({ apiVersion: "1.3" });
    const r = await insertForm({ year: 2027 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("unsupported");
    expect(fake.syncCount).toBe(0);
  });

  test.each([
    ["AccessDenied", "protected"],
    ["RequestPayloadSizeLimitExceeded", "payload-too-large"],
    ["GeneralException", "host"],
  ])("a write sync failing with %s becomes a typed %s error and writes nothing (a new sheet is taken away again)", async (code, expected) => {
    const fake = setup();
    fake.sheet("Sheet1").seed("A1", [["用户的数据"]]);
    const before = fake.state.sheets.map((s) => fake.sheet(s.name).snapshot());
    fake.failNextSync({ code }, 1);
    const r = await insertForm({ year: 2027 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(expected);
      expect(r.error.message).toMatch(/^插入表样失败：/);
    }
    expect(fake.state.sheets.map((s) => fake.sheet(s.name).snapshot())).toEqual(before);
    expect(fake.state.names).toEqual([]);
  });

  test("a write failing once on the empty active sheet is written again whole: the insert succeeds", async () => {
    const fake = setup();
    fake.failNextSync({ code: "GeneralException" }, 1);
    const r = await insertForm({ year: 2027 });
    if (!r.ok) throw r.error;
    const clean = setup();
    const again = await insertForm({ year: 2027 });
    if (!again.ok) throw again.error;
    expect(workbookShape(fake)).toEqual(workbookShape(clean));
  });

  test("the same two round trips at 10, 100 and 1,000 indicator rows", async () => {
    for (const n of [10, 100, 1000]) {
      const fake = setup({ platform: "web" });
      const rows = Array.from({ length: n }, (_, i) => DEFAULT_INDICATOR_ROWS[i % DEFAULT_INDICATOR_ROWS.length] as { level1: string; level2: string });
      const out = await insertOk({ rows });
      expect([n, fake.syncCount]).toEqual([n, 2]);
      expect(out.indicatorRows).toEqual({ first: 7, last: 6 + n });
      // all indicator rows share one style rectangle, whatever their number
      const drawing = drawForm({ year: 2027, rows });
      expect(styleRects(drawing).filter((r) => r.style === "cell")).toEqual([
        { top: drawing.indicatorRows.first, bottom: drawing.indicatorRows.last, left: 0, right: 9, style: "cell" },
      ]);
    }
  });
});

describe("insertForm at its edges", () => {
  test("notes: where the form went, in the active sheet's name and the year", async () => {
    setup();
    const out = await insertOk({ year: 2029 });
    expect(out.notes).toEqual(["已在当前工作表“Sheet1”中插入 2029 年度的表样。"]);
    expect(out.year).toBe(2029);
  });

  test("nativeRules: false installs no rules and says nothing about them; ExcelApi 1.7 says dropdowns were skipped", async () => {
    const fake = setup();
    const out = await insertOk({ nativeRules: false });
    expect(out.nativeRules).toBeNull();
    expect(fake.sheet("Sheet1").validations).toEqual([]);
    expect(fake.sheet("Sheet1").conditionalFormats).toEqual([]);
    expect(out.notes).toHaveLength(1);
    const old = setup({ apiVersion: "1.7" });
    const r = await insertOk();
    expect(r.nativeRules).toBeNull();
    expect(old.sheet("Sheet1").validations).toEqual([]);
    expect(r.notes.length).toBe(3); // inserted here, no print setup, no dropdowns
    expect(old.sheet("Sheet1").freeze.rows).toBe(drawForm({ year: 2027 }).freezeRows);
  });

  test("below ExcelApi 1.7 no frozen header (and the form still goes in)", async () => {
    const fake = setup({ apiVersion: "1.6" });
    await insertOk();
    expect(fake.sheet("Sheet1").freeze).toEqual({ rows: 0, columns: 0 });
    expect(fake.sheet("Sheet1").value("A1")).toBe(FORM_TITLE);
  });

  test("a protected workbook structure: the form may still go into the empty active sheet, not onto a new one", async () => {
    const fake = setup();
    protectStructure(fake);
    // The lists sheet is a new sheet too: refused.
    const refused = await insertForm({ year: 2027 });
    expect(refused.ok ? null : [refused.error.code, refused.error.message]).toEqual(["protected", expect.stringMatching(/^插入表样失败：工作簿的结构受保护/)]);
    const plain = await insertForm({ year: 2027, nativeRules: false });
    expect(plain.ok).toBe(true);
    const busy = setup();
    busy.sheet("Sheet1").seed("A1", [["用户的数据"]]);
    protectStructure(busy);
    const r = await insertForm({ year: 2027, nativeRules: false });
    expect(r.ok ? null : r.error.code).toBe("protected");
  });

  test("the active sheet's first indicator cell (D7) is selected", async () => {
    const fake = setup();
    await insertOk();
    const sheetId = fake.sheet("Sheet1").state.id;
    expect(fake.state.selection).toEqual({ sheetId, rect: { top: 6, left: 3, bottom: 6, right: 3 } });
  });

  test("styleRects: one rectangle per run of equal styles, rows merged only when adjacent and alike", () => {
    const cell = (row: number, col: number, style: "cell" | "label" | "text") => ({ row, col, value: "", style });
    const drawing = {
      ...drawForm({ year: 2027 }),
      cells: [cell(0, 0, "label"), cell(0, 1, "label"), cell(0, 2, "text"), cell(1, 0, "label"), cell(1, 1, "label"), cell(1, 2, "text"), cell(3, 0, "label"), cell(3, 1, "label"), cell(3, 2, "text"), cell(4, 0, "cell"), cell(4, 2, "cell")],
    };
    expect(styleRects(drawing)).toEqual([
      { top: 0, bottom: 1, left: 0, right: 1, style: "label" },
      { top: 0, bottom: 1, left: 2, right: 2, style: "text" },
      { top: 3, bottom: 3, left: 0, right: 1, style: "label" },
      { top: 3, bottom: 3, left: 2, right: 2, style: "text" },
      { top: 4, bottom: 4, left: 0, right: 0, style: "cell" },
      { top: 4, bottom: 4, left: 2, right: 2, style: "cell" },
    ]);
  });

  test("uniqueSheetName counts on past taken numbers", () => {
    expect(uniqueSheetName("2027年", ["2027年", "2027年 (2)", "2027年 (3)"])).toBe("2027年 (4)");
    expect(uniqueSheetName("2027年", [])).toBe("2027年");
  });

  test("inner borders only where a rectangle has more than one row or column", async () => {
    const fake = setup();
    await insertOk();
    const v = fake.sheet("Sheet1");
    // Between two indicator rows and two columns of the grid: thin black lines.
    expect(v.border("D7", "bottom")).toEqual({ style: "Continuous", weight: "Thin", color: "#000000" });
    expect(v.border("D7", "right")).toEqual({ style: "Continuous", weight: "Thin", color: "#000000" });
  });
});

describe("header texts Excel would convert", () => {
  test.each([["95%"], ["12"], [".55"], ["1e10"], ["+1"], ["-1"], ["12."], ["-3.5E+2%"]])("%s is kept as text", async (deptName) => {
    const fake = setup();
    await insertOk({ deptName });
    const v = fake.sheet("Sheet1");
    expect([v.value("B3"), v.numberFormat("B3"), v.formula("B3")]).toEqual([deptName, "@", null]);
  });

  test.each([["某局"], ["12人"], ["x=1"]])("%s keeps the general format", async (deptName) => {
    const fake = setup();
    await insertOk({ deptName });
    expect(fake.sheet("Sheet1").numberFormat("B3")).toBe("General");
  });
});
