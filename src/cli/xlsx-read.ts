// .xlsx → 每个工作表一张网格，取值与 Excel 显示的一致（合并单元格整块取左上角的值）。

import type * as ExcelJSModule from "exceljs";
import { shownValue, type CellValue } from "../domain/grid";

export interface SheetGrid {
  name: string;
  grid: CellValue[][];
}

type WorkbookClass = typeof ExcelJSModule.Workbook;

/**
 * exceljs's Workbook class, loaded on first use. Its package entry also loads the streaming reader and
 * writer (660 modules, ~0.3 s); the class alone needs 280. Only the command line's start-up time depends on this.
 */
export function loadWorkbookClass(): WorkbookClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("exceljs/lib/doc/workbook") as WorkbookClass;
}

type RawValue = ExcelJSModule.CellValue;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date cell as the user sees it, close enough: the format's order and separators, Chinese or ISO. */
export function formatDate(d: Date, numFmt: string | undefined): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const fmt = (numFmt ?? "").replace(/\[[^\]]*\]|"[^"]*"/g, (s) => (s.startsWith('"') ? s.slice(1, -1) : ""));
  const hasTime = /[hs]/i.test(fmt) || (fmt === "" && (d.getUTCHours() > 0 || d.getUTCMinutes() > 0));
  const hasDate = fmt === "" || /[yd年日]/i.test(fmt) || !hasTime;
  const time = `${d.getUTCHours()}:${pad2(d.getUTCMinutes())}`;
  let date: string;
  if (fmt.includes("年")) date = fmt.includes("日") || /d/i.test(fmt) ? `${y}年${m}月${day}日` : `${y}年${m}月`;
  else if (fmt.includes("/")) date = `${y}/${m}/${day}`;
  else if (fmt.includes(".")) date = `${y}.${m}.${day}`;
  else date = `${y}-${pad2(m)}-${pad2(day)}`;
  if (!hasDate) return time;
  return hasTime ? `${date} ${time}` : date;
}

/** One exceljs cell value as a grid value: text for rich text, hyperlinks, errors and dates; cached formula results. */
export function gridValue(value: RawValue, numFmt?: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return shownValue(value, numFmt); // "95%" typed into a cell: 0.95 in "0%"
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return formatDate(value, numFmt);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("hyperlink" in value) {
    // The link's text may itself be rich text.
    const text: unknown = value.text;
    return typeof text === "string" ? text : gridValue(text as RawValue, numFmt);
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    return result === undefined ? null : gridValue(result, numFmt);
  }
  return null;
}

/** The sheet as a 2-D array (row 0 = sheet row 1); merged areas carry the top-left value in every cell. */
export function sheetGrid(ws: ExcelJSModule.Worksheet): CellValue[][] {
  const grid: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged cell's value getter returns its master's value; styles (numFmt) come from the master too.
      const source = cell.isMerged ? cell.master : cell;
      const v = gridValue(source.value, source.numFmt);
      if (v !== null && v !== "") cells[colNumber - 1] = v;
    });
    if (cells.length > 0) grid[rowNumber - 1] = cells;
  });
  // Holes become empty rows/cells so that every consumer sees a plain dense-enough array.
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined) grid[r] = [];
    else for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return grid;
}

/**
 * Worksheet parts a check never looks at (values and merges are all it needs). Skipping them roughly halves
 * exceljs's parse time on a template-made workbook, whose validations and conditional formats are long formulas.
 */
const IGNORED_SHEET_PARTS = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "autoFilter",
  "rowBreaks",
  "hyperlinks", // the cell keeps its text; the link target is not needed
  "pageMargins",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "conditionalFormatting",
  "extLst",
];

/**
 * Every sheet of a workbook as a grid. Very hidden sheets (only programs can make or show them, such as
 * the template's dropdown lists) are skipped; hidden sheets are read, since a reviewer should see them.
 */
export async function readWorkbookGrids(bytes: Uint8Array): Promise<SheetGrid[]> {
  const Workbook = loadWorkbookClass();
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, {
    ignoreNodes: IGNORED_SHEET_PARTS,
  });
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === "veryHidden") return;
    sheets.push({ name: ws.name, grid: sheetGrid(ws) });
  });
  return sheets;
}
