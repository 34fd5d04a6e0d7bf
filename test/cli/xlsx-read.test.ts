import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import { join } from "path";
import { checkFile, type FileOutcome } from "../../src/cli/check-file";
import { formatDate, readWorkbookGrids } from "../../src/cli/xlsx-read";
import type { CellValue } from "../../src/domain/grid";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import { seedGrid } from "../support/markdown-grid";
import { tempDir, toCsv } from "./support";

interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet written the way an office lays it out: values only in each merged area's top-left cell. */
function writeSheet(ws: ExcelJS.Worksheet, grid: readonly (readonly CellValue[])[], merges: readonly MergeArea[]): void {
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const v = grid[r]?.[c];
        if (v !== null && v !== undefined && v !== "") throw new Error(`merge over a filled cell at ${r},${c}`);
      }
    }
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
}

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * Rule, cell and severity of each finding. Messages are left out on purpose: a merged level-1 reads as that
 * level-1 on every row (as Excel shows it), so a row-shifted message may quote it where the CSV row is blank.
 */
function findingsOf(outcome: FileOutcome): Array<{ rule: string; cell: string; severity: string }> {
  if (outcome.kind !== "checked") throw new Error(`unreadable: ${outcome.reason}`);
  return outcome.sheets.flatMap((s) => s.findings.map(({ rule, cell, severity }) => ({ rule, cell, severity })));
}

/** The rows, 0-based, holding a form's indicator grid: from the header row to the last row before the sign-off. */
function indicatorSpan(grid: readonly (readonly CellValue[])[]): { header: number; last: number } {
  const header = grid.findIndex((r) => r.some((c) => c === "一级指标"));
  let last = header;
  while (last + 1 < grid.length && !String(grid[last + 1]?.[0] ?? "").startsWith("业务股室审核")) last++;
  return { header, last };
}

/** Merges an office typically makes: title and year line across, header values across, the 绩效指标 label down, level-1 blocks down. */
function officeMerges(grid: readonly (readonly CellValue[])[], lastCol: number): MergeArea[] {
  const { header, last } = indicatorSpan(grid);
  const merges: MergeArea[] = [
    { top: 0, left: 0, bottom: 0, right: lastCol },
    { top: 1, left: 0, bottom: 1, right: lastCol },
  ];
  for (let r = 2; r < header; r++) merges.push({ top: r, left: 1, bottom: r, right: lastCol });
  // 绩效指标 label over the header row and every indicator row whose column A is blank
  let labelEnd = header;
  while (labelEnd + 1 <= last && String(grid[labelEnd + 1]?.[0] ?? "") === "") labelEnd++;
  merges.push({ top: header, left: 0, bottom: labelEnd, right: 0 });
  // each level-1 block: a named cell followed by blank cells below it
  for (let r = header + 1; r <= last; r++) {
    if (String(grid[r]?.[1] ?? "") === "") continue;
    let end = r;
    while (end + 1 <= last && String(grid[end + 1]?.[1] ?? "") === "") end++;
    if (end > r) merges.push({ top: r, left: 1, bottom: end, right: 1 });
    r = end;
  }
  return merges;
}

describe("readWorkbookGrids: cell values as the user sees them", () => {
  let grid: CellValue[][];

  beforeAll(async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("值");
      ws.getCell("A1").value = { richText: [{ text: "产出", font: { bold: true } }, { text: "指标" }] };
      ws.getCell("A2").value = { formula: "10+5", result: 15 };
      ws.getCell("A3").value = { formula: "B9&\"指标\"", result: "数量指标" };
      ws.getCell("A4").value = new Date(Date.UTC(2025, 11, 12));
      ws.getCell("A4").numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell("A5").value = new Date(Date.UTC(2025, 11, 12));
      ws.getCell("A5").numFmt = "yyyy/m/d";
      ws.getCell("A6").value = { text: "政策文件", hyperlink: "https://example.gov.cn/" };
      ws.getCell("A7").value = { error: "#DIV/0!" };
      ws.getCell("A8").value = 0.955;
      ws.getCell("A8").numFmt = "0.0%";
      ws.getCell("A9").value = true;
      ws.getCell("A10").value = 156.91;
      ws.getCell("A11").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("C12").value = "合并";
      ws.mergeCells("C12:D13");
      ws.getCell("A15").value = 0.95;
      ws.getCell("A15").numFmt = "0.00%";
      ws.getCell("A16").value = 0.95;
      ws.getCell("A16").numFmt = '0"%"';
      ws.getCell("A17").value = -0.05;
      ws.getCell("A17").numFmt = "0%;(0%)";
      ws.getCell("C18").value = 0.95;
      ws.getCell("C18").numFmt = "0%";
      ws.mergeCells("C18:D19");
    });
    const sheets = await readWorkbookGrids(bytes);
    expect(sheets.map((s) => s.name)).toEqual(["值"]);
    grid = (sheets[0] as { grid: CellValue[][] }).grid;
  });

  const at = (r: number, c: number) => grid[r]?.[c];

  it("joins rich text runs", () => expect(at(0, 0)).toBe("产出指标"));
  it("uses a formula's cached result", () => {
    expect(at(1, 0)).toBe(15);
    expect(at(2, 0)).toBe("数量指标");
    expect(at(10, 0)).toBe("#DIV/0!");
  });
  it("shows dates in their format", () => {
    expect(at(3, 0)).toBe("2025年12月12日");
    expect(at(4, 0)).toBe("2025/12/12");
  });
  it("reads a hyperlink's text, an error's code, a percentage as shown, booleans and numbers", () => {
    expect(at(5, 0)).toBe("政策文件");
    expect(at(6, 0)).toBe("#DIV/0!");
    expect(at(7, 0)).toBe("95.5%");
    expect(at(8, 0)).toBe(true);
    expect(at(9, 0)).toBe(156.91);
  });
  it("reads numbers in a percent format as shown, through the domain's percentText", () => {
    expect(at(14, 0)).toBe("95.00%");
    expect(at(15, 0)).toBe(0.95); // a quoted "%" is text: the format is not a percent format
    expect(at(16, 0)).toBe("(5%)");
    // A merged area's cells carry the master's value as shown in the master's format.
    expect([at(17, 2), at(17, 3), at(18, 2), at(18, 3)]).toEqual(["95%", "95%", "95%", "95%"]);
  });
  it("gives every cell of a merged area the top-left value", () => {
    expect([at(11, 2), at(11, 3), at(12, 2), at(12, 3)]).toEqual(["合并", "合并", "合并", "合并"]);
    expect(at(11, 1) ?? null).toBeNull();
  });
});

describe("formatDate", () => {
  const d = new Date(Date.UTC(2026, 0, 5, 9, 30));
  it("follows the format's style", () => {
    expect(formatDate(d, "yyyy-mm-dd")).toBe("2026-01-05");
    expect(formatDate(d, 'yyyy"年"m"月"')).toBe("2026年1月");
    expect(formatDate(d, "yyyy.m.d")).toBe("2026.1.5");
    expect(formatDate(d, "yyyy/m/d h:mm")).toBe("2026/1/5 9:30");
    expect(formatDate(d, "h:mm")).toBe("9:30");
  });
});

describe("a workbook laid out as offices do gives the same findings as the same grid as CSV", () => {
  const dir = tempDir();

  async function compare(name: string, grid: CellValue[][]): Promise<ReturnType<typeof findingsOf>> {
    const lastCol = Math.max(...grid.map((r) => r.length)) - 1;
    const merges = officeMerges(grid, lastCol);
    expect(merges.some((m) => m.left === 1 && m.right === 1 && m.bottom > m.top)).toBe(true); // a level-1 block
    const xlsx = join(dir, `${name}.xlsx`);
    const csv = join(dir, `${name}.csv`);
    writeFileSync(
      xlsx,
      await workbookBytes((wb) => {
        writeSheet(wb.addWorksheet(name), grid, merges);
      }),
    );
    writeFileSync(csv, toCsv(grid));
    const fromXlsx = findingsOf(await checkFile(xlsx, DEFAULT_SETTINGS));
    const fromCsv = findingsOf(await checkFile(csv, DEFAULT_SETTINGS));
    expect(fromXlsx).toEqual(fromCsv);
    return fromXlsx;
  }

  it("for the seed form", async () => {
    const findings = await compare("seed", seedGrid());
    const rules = new Set(findings.map((f) => f.rule));
    for (const r of ["level2-mismatch", "row-shifted", "level3-duplicate", "explanation-unrelated"]) expect(rules).toContain(r);
  });

  it("for a correct form, which stays free of errors", async () => {
    const findings = await compare("good", formGrid(GOOD_ROWS));
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("which sheets are read", () => {
  const dir = tempDir();

  it("checks every sheet with a form, skips sheets without one and very hidden sheets", async () => {
    const file = join(dir, "multi.xlsx");
    writeFileSync(
      file,
      await workbookBytes((wb) => {
        writeSheet(wb.addWorksheet("预算表"), [["项目", "金额"], ["办公费", 12]], []);
        writeSheet(wb.addWorksheet("2027年"), formGrid(GOOD_ROWS), []);
        const hidden = wb.addWorksheet("清单", { state: "veryHidden" });
        writeSheet(hidden, seedGrid(), []);
        writeSheet(wb.addWorksheet("隐藏的旧表", { state: "hidden" }), seedGrid(), []);
      }),
    );
    const outcome = await checkFile(file, DEFAULT_SETTINGS);
    if (outcome.kind !== "checked") throw new Error(outcome.reason);
    expect(outcome.sheets.map((s) => s.sheet)).toEqual(["2027年", "隐藏的旧表"]);
    expect(outcome.sheets[1]?.findings.some((f) => f.rule === "level2-mismatch")).toBe(true);
  });

  it("reports form-not-found once, for the whole workbook, when no sheet holds a form", async () => {
    const file = join(dir, "budget.xlsx");
    writeFileSync(
      file,
      await workbookBytes((wb) => {
        writeSheet(wb.addWorksheet("预算表"), [["项目", "金额"], ["办公费", 12]], []);
        writeSheet(wb.addWorksheet("说明"), [["这是一封信。"]], []);
      }),
    );
    const outcome = await checkFile(file, DEFAULT_SETTINGS);
    if (outcome.kind !== "checked") throw new Error(outcome.reason);
    expect(outcome.sheets).toEqual([{ sheet: "", forms: 0, findings: [expect.objectContaining({ rule: "form-not-found", severity: "error" })] }]);
  });
});
