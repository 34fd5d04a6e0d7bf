// The .xlsx reader's small parts at their edges: formula problems, values as shown, ranges, merges within the used
// area and the cell budget, the filter that drops empty elements.
import ExcelJS from "exceljs";
import {
  DropEmptyElements,
  formatDate,
  formulaProblem,
  GRID_CELL_BUDGET,
  gridValue,
  MAX_FORMULA_PROBLEMS,
  parseRange,
  readWorkbookGrids,
  sheetGrid,
  SheetTooLargeError,
  type FormulaProblem,
} from "../../src/cli/xlsx-read";
import { sheetXml, xlsxBytes } from "../support/hostile-files";

jest.setTimeout(60_000);

function worksheet(cells: Record<string, ExcelJS.CellValue>): ExcelJS.Worksheet {
  const ws = new ExcelJS.Workbook().addWorksheet("s");
  for (const [ref, v] of Object.entries(cells)) ws.getCell(ref).value = v;
  return ws;
}

describe("formulaProblem", () => {
  it("names an error value, a formula error result, and a formula without a result", () => {
    expect(formulaProblem({ error: "#REF!" } as ExcelJS.CellErrorValue)).toEqual({ error: "#REF!" });
    expect(formulaProblem({ formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue)).toEqual({ error: "#DIV/0!" });
    expect(formulaProblem({ formula: "A1" } as ExcelJS.CellFormulaValue)).toEqual({ error: null });
    expect(formulaProblem({ sharedFormula: "A1" } as unknown as ExcelJS.CellValue)).toEqual({ error: null });
  });

  it("finds nothing wrong with values, results, dates and text", () => {
    for (const v of [null, 1, "x", true, new Date(0), { formula: "1+1", result: 2 }, { formula: "A1", result: null }, { formula: "A1", result: "" }, { richText: [{ text: "a" }] }]) {
      expect(formulaProblem(v as ExcelJS.CellValue)).toBeNull();
    }
  });
});

describe("gridValue", () => {
  it("reads each kind of value exceljs gives", () => {
    expect(gridValue(null)).toBeNull();
    expect(gridValue(undefined as unknown as ExcelJS.CellValue)).toBeNull();
    expect(gridValue(false)).toBe(false);
    expect(gridValue("")).toBe("");
    expect(gridValue(0.5, "0%")).toBe("50%");
    expect(gridValue(0.5)).toBe(0.5);
    expect(gridValue({ text: { richText: [{ text: "链" }, { text: "接" }] }, hyperlink: "x" } as unknown as ExcelJS.CellValue)).toBe("链接");
    expect(gridValue({ formula: "A1" } as ExcelJS.CellFormulaValue)).toBeNull();
    expect(gridValue({ formula: "A1", result: 0.25 } as ExcelJS.CellFormulaValue, "0%")).toBe("25%");
    expect(gridValue({ sharedFormula: "A1", result: "x" } as unknown as ExcelJS.CellValue)).toBe("x");
    expect(gridValue({ something: 1 } as unknown as ExcelJS.CellValue)).toBeNull();
  });
});

describe("formatDate", () => {
  const at = (h: number, m: number) => new Date(Date.UTC(2026, 10, 25, h, m));

  it("writes a date without a format in ISO form, with the time only when there is one", () => {
    expect(formatDate(at(0, 0), undefined)).toBe("2026-11-25");
    expect(formatDate(at(0, 5), "")).toBe("2026-11-25 0:05");
    expect(formatDate(at(14, 0), "")).toBe("2026-11-25 14:00");
  });

  it("follows Chinese, slash and dot styles, with or without the day", () => {
    expect(formatDate(at(0, 0), "yyyy年m月d日")).toBe("2026年11月25日");
    expect(formatDate(at(0, 0), '[$-804]yyyy"年"m"月"')).toBe("2026年11月");
    expect(formatDate(at(0, 0), "yyyy年m月dd")).toBe("2026年11月25日");
    expect(formatDate(at(0, 0), "m/d/yyyy")).toBe("2026/11/25");
    expect(formatDate(at(0, 0), "d.m.yyyy")).toBe("2026.11.25");
    expect(formatDate(new Date(Date.UTC(2026, 0, 5)), "yyyy-m-d")).toBe("2026-01-05");
  });

  it("shows the time for formats with hours or seconds, and only the time when there is no date part", () => {
    expect(formatDate(at(9, 7), "yyyy/m/d hh:mm:ss")).toBe("2026/11/25 9:07");
    expect(formatDate(at(9, 7), "mm:ss")).toBe("9:07");
    expect(formatDate(at(9, 7), "H:MM")).toBe("9:07");
    expect(formatDate(at(9, 7), "yyyy-mm")).toBe("2026-11-25");
  });
});

describe("parseRange", () => {
  it("reads ranges and single cells, absolute or not, in either order and case", () => {
    expect(parseRange("A1:H3")).toEqual({ top: 0, left: 0, bottom: 2, right: 7 });
    expect(parseRange("$b$2")).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseRange(" H3:A1 ")).toEqual({ top: 0, left: 0, bottom: 2, right: 7 });
    expect(parseRange("AA10:XFD1048576")).toEqual({ top: 9, left: 26, bottom: 1048575, right: 16383 });
    expect(parseRange("A1:B")).toBeNull();
    expect(parseRange("1:3")).toBeNull();
    expect(parseRange("AAAA1")).toBeNull();
    expect(parseRange("A12345678")).toBeNull();
    expect(parseRange("A1B")).toBeNull();
  });
});

describe("sheetGrid", () => {
  it("pads rows to their last value, with null between, and keeps rows without values empty", () => {
    const ws = worksheet({ A1: "a", C1: "c", B3: 2, D4: "" });
    expect(sheetGrid(ws)).toEqual([["a", null, "c"], [], [null, 2]]);
  });

  it("fills small merges whole, large ones only within the used area, and skips merges without a value", () => {
    const ws = worksheet({ A1: "m", C2: "x", B4: "n" });
    expect(sheetGrid(ws, ["A1:B2"])).toEqual([["m", "m"], ["m", "m", "x"], [], [null, "n"]]);
    // 256 × 256 = 65,536 cells: still filled whole.
    const whole = sheetGrid(worksheet({ A1: "w" }), ["A1:IV256"]);
    expect([whole.length, whole[255]?.length, whole[255]?.[255]]).toEqual([256, 256, "w"]);
    // One more row: only within the rows and columns holding values.
    const cut = sheetGrid(worksheet({ A1: "w", C2: "x" }), ["A1:IV257"]);
    expect(cut).toEqual([["w", "w", "w"], ["w", "w", "w"]]);
    expect(sheetGrid(worksheet({ B2: "v" }), ["A1:B2", "nonsense", "B2:XFD1048576"])).toEqual([[], [null, "v"]]);
    expect(sheetGrid(worksheet({ B2: "v" }), ["B2:XFD1048576"])).toEqual([[], [null, "v"]]);
  });

  it("reads a merge below the used area from its own row and column", () => {
    const ws = worksheet({ A1: "a", D5: "d" });
    expect(sheetGrid(ws, ["D5:XFD1048576"])[4]).toEqual([null, null, null, "d"]);
  });

  it("collects formula problems, up to the cap, with their 0-based places", () => {
    const cells: Record<string, ExcelJS.CellValue> = { B3: { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue };
    const problems: FormulaProblem[] = [];
    sheetGrid(worksheet(cells), [], problems);
    expect(problems).toEqual([{ row: 2, col: 1, error: "#DIV/0!" }]);
    const many: Record<string, ExcelJS.CellValue> = {};
    for (let r = 1; r <= MAX_FORMULA_PROBLEMS + 5; r++) many[`A${r}`] = { formula: "X" } as ExcelJS.CellValue;
    const capped: FormulaProblem[] = [];
    sheetGrid(worksheet(many), [], capped);
    expect(capped).toHaveLength(MAX_FORMULA_PROBLEMS);
    expect(capped.at(-1)).toEqual({ row: MAX_FORMULA_PROBLEMS - 1, col: 0, error: null });
  });

  it("refuses a grid beyond its cell budget", () => {
    expect(GRID_CELL_BUDGET).toBe(16_000_000);
    const ws = worksheet({ A1: "a", A5000: "b", XFD1: "c" });
    expect(() => sheetGrid(ws, ["A1:XFD5000"])).toThrow(SheetTooLargeError);
    expect(new SheetTooLargeError().name).toBe("SheetTooLargeError");
    expect(() => sheetGrid(worksheet({ A1: "a", A900: "b", XFD1: "c" }), ["A1:XFD900"])).not.toThrow();
  });
});

describe("DropEmptyElements", () => {
  async function through(chunks: string[]): Promise<string[]> {
    const t = new DropEmptyElements();
    const out: string[] = [];
    t.on("data", (s: string) => out.push(s));
    const done = new Promise((r) => t.on("end", r));
    for (const c of chunks) t.write(c);
    t.end();
    await done;
    return out;
  }

  it("drops empty cells and rows, keeps cells with content, and joins tags split across chunks", async () => {
    const out = await through(['<sheetData><row r="1"><c r="A1" s="1"/><c r="B1"></c><c r="C1"><v>1</v></c></row><row r="2"><c r="A2"', ' s="2"/></row><row r="3"/><row r="4">\n</row></sheetData>']);
    // Row 2 was opened in the first chunk, so it stays, empty: harmless to the parser.
    expect(out.join("")).toBe('<sheetData><row r="1"><c r="C1"><v>1</v></c></row><row r="2"></row></sheetData>');
  });

  it("passes on a chunk without a whole tag later, and a tail without one at the end", async () => {
    expect(await through(["<sheetD", "ata>"])).toEqual(["<sheetData>"]);
    expect(await through(["<a>", "tail"])).toEqual(["<a>", "tail"]);
    expect(await through(['<c r="A1"/>'])).toEqual([]);
  });
});

describe("readWorkbookGrids", () => {
  it("reads hidden sheets but not very hidden ones, and sheets with many elements through the filter", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("看得见").getCell("A1").value = "a";
    const hidden = wb.addWorksheet("隐藏", { state: "hidden" });
    hidden.getCell("A1").value = "h";
    wb.addWorksheet("深藏", { state: "veryHidden" }).getCell("A1").value = "v";
    const sheets = await readWorkbookGrids(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(sheets.map((s) => [s.name, s.grid])).toEqual([
      ["看得见", [["a"]]],
      ["隐藏", [["h"]]],
    ]);
  });

  it("applies merges from the guard's plan, and gives the same grid through the empty-element filter", async () => {
    const empties = Buffer.from(Array.from({ length: 100_001 }, (_, i) => `<row r="${i + 10}"><c r="A${i + 10}" s="1"/></row>`).join(""));
    const bytes = xlsxBytes([
      { name: "小", xml: sheetXml([["a", ""], ["", "b"]], { merges: ["A1:B1"] }) },
      { name: "大", xml: sheetXml([["a", ""], ["", "b"]], { merges: ["A1:B1"], extraRows: empties }) },
    ]);
    const sheets = await readWorkbookGrids(bytes);
    expect(sheets.map((s) => [s.name, s.grid])).toEqual([
      ["小", [["a", "a"], [null, "b"]]],
      ["大", [["a", "a"], [null, "b"]]],
    ]);
  });
});
