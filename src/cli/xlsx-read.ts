// .xlsx → 每个工作表一张网格，取值与 Excel 显示的一致（合并单元格整块取左上角的值）。

import type * as ExcelJSModule from "exceljs";
import { Transform, type TransformCallback } from "stream";
import { shownValue, type CellValue } from "../domain/grid";
import { guardWorkbook, type SheetPlan } from "./xlsx-guard";

export interface SheetGrid {
  name: string;
  grid: CellValue[][];
  /** Formula cells showing an error value, or without a saved result (0-based; the first MAX_FORMULA_PROBLEMS). */
  formulaProblems?: FormulaProblem[];
}

export interface FormulaProblem {
  row: number;
  col: number;
  /** The error shown (#DIV/0!, #REF!…), or null when the file holds the formula but no result. */
  error: string | null;
}

export const MAX_FORMULA_PROBLEMS = 200;

/** Why a cell's value cannot be trusted: a formula error, or a formula never calculated (files made by programs). */
export function formulaProblem(value: RawValue): Omit<FormulaProblem, "row" | "col"> | null {
  if (value === null || typeof value !== "object" || value instanceof Date) return null;
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) {
    const result: unknown = value.result;
    if (result === undefined) return { error: null };
    if (result !== null && typeof result === "object" && "error" in result) return { error: String((result as { error: unknown }).error) };
  }
  return null;
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

/** A sheet too large or too oddly built to hold as a grid: reported, never parsed further. */
export class SheetTooLargeError extends Error {
  constructor() {
    super("sheet too large");
    this.name = "SheetTooLargeError";
  }
}

/** Cells a grid may hold (rows padded to their last value, merges filled): ~130 MB of references. */
export const GRID_CELL_BUDGET = 16_000_000;

/** 0-based corners of "A1:H3" (or of "B2" alone); null if not a range. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(ref.trim());
  if (!m || !m[1] || !m[2]) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const a = { row: Number(m[2]) - 1, col: col(m[1]) };
  const b = m[3] && m[4] ? { row: Number(m[4]) - 1, col: col(m[3]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Merged areas up to this size are filled whole; larger ones only within the used area. */
const WHOLE_MERGE_CELLS = 65_536;

/**
 * The sheet as a 2-D array (row 0 = sheet row 1). Merged areas carry the top-left value in every cell; a huge one
 * only within the used area (the rows and columns holding values): a merge down to row 1,048,576 costs nothing.
 */
export function sheetGrid(
  ws: ExcelJSModule.Worksheet,
  merges: readonly string[] = [],
  formulaProblems: FormulaProblem[] = [],
): CellValue[][] {
  const grid: CellValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const problem = formulaProblems.length < MAX_FORMULA_PROBLEMS ? formulaProblem(cell.value) : null;
      if (problem) formulaProblems.push({ row: rowNumber - 1, col: colNumber - 1, ...problem });
      const v = gridValue(cell.value, cell.numFmt);
      if (v !== null && v !== "") cells[colNumber - 1] = v;
    });
    if (cells.length > 0) {
      grid[rowNumber - 1] = cells;
      width = Math.max(width, cells.length);
    }
  });
  let budget = GRID_CELL_BUDGET - grid.length;
  for (const row of grid) if (row !== undefined) budget -= row.length;
  if (budget < 0) throw new SheetTooLargeError();
  const height = grid.length;
  for (let r = 0; r < height; r++) {
    const row = grid[r];
    if (row === undefined) grid[r] = [];
    else for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  for (const ref of merges) {
    const m = parseRange(ref);
    const value = m ? grid[m.top]?.[m.left] : undefined;
    if (!m || value === null || value === undefined) continue;
    const small = (m.bottom - m.top + 1) * (m.right - m.left + 1) <= WHOLE_MERGE_CELLS;
    const bottom = small ? m.bottom : Math.min(m.bottom, Math.max(height - 1, m.top));
    const right = small ? m.right : Math.min(m.right, Math.max(width - 1, m.left));
    budget -= (bottom - m.top + 1) * (right - m.left + 1);
    if (budget < 0) throw new SheetTooLargeError();
    for (let r = m.top; r <= bottom; r++) {
      const row = grid[r] ?? (grid[r] = []);
      while (row.length < m.left) row.push(null);
      for (let c = m.left; c <= right; c++) row[c] = value;
    }
  }
  return grid;
}

/** Cells and rows with nothing in them (styled blanks, height-only rows): dropped before exceljs builds objects. */
const EMPTY_CELLS = /<c\b[^>]*\/>|<c\b[^>]*><\/c>/g;
const EMPTY_ROWS = /<row\b[^>]*\/>|<row\b[^>]*>\s*<\/row>/g; // after the cells: a row of empty cells is empty

/** Sheets with fewer cell and row elements are parsed as they are (a 10,000-row form has ~100,000). */
const FILTER_FROM_ELEMENTS = 200_000;

/** exceljs hands its sheet parser the XML as text chunks; this removes the empty elements from them. */
export class DropEmptyElements extends Transform {
  private carry = "";
  constructor() {
    super({ readableObjectMode: true, writableObjectMode: true });
  }
  override _transform(chunk: unknown, _encoding: BufferEncoding, done: TransformCallback): void {
    const text = this.carry + String(chunk);
    const cut = text.lastIndexOf(">") + 1; // whole tags only; the rest waits for the next chunk
    this.carry = text.slice(cut);
    const kept = text.slice(0, cut).replace(EMPTY_CELLS, "").replace(EMPTY_ROWS, "");
    if (kept !== "") this.push(kept);
    done();
  }
  override _flush(done: TransformCallback): void {
    if (this.carry !== "") this.push(this.carry);
    done();
  }
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
  "mergeCells", // read from the XML by xlsx-guard and applied within the used area only
];

/**
 * Every sheet of a workbook as a grid. Very hidden sheets (only programs can make or show them, such as
 * the template's dropdown lists) are skipped; hidden sheets are read, since a reviewer should see them.
 */
export async function readWorkbookGrids(bytes: Uint8Array, plans: readonly SheetPlan[] = []): Promise<SheetGrid[]> {
  const Workbook = loadWorkbookClass();
  const wb = new Workbook();
  const guard = plans.length > 0 ? null : guardWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const known = guard?.ok ? guard.sheets : plans;
  const byPath = new Map(known.map((p) => [p.path, p]));
  type Xlsx = { _processWorksheetEntry: (stream: NodeJS.ReadableStream, ...rest: unknown[]) => Promise<void> };
  const xlsx = wb.xlsx as unknown as Xlsx;
  const parseSheet = xlsx._processWorksheetEntry.bind(xlsx);
  // The filter costs a stream stage per chunk: only sheets with many elements (possibly empty ones) go through it.
  xlsx._processWorksheetEntry = (stream, ...rest) => {
    const path = rest[3];
    const plan = typeof path === "string" ? byPath.get(path.replace(/^\//, "")) : undefined;
    const filter = plan === undefined || plan.elements > FILTER_FROM_ELEMENTS;
    return parseSheet(filter ? stream.pipe(new DropEmptyElements()) : stream, ...rest);
  };
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, {
    ignoreNodes: IGNORED_SHEET_PARTS,
  });
  const merges = new Map(known.map((p) => [p.name, p.merges]));
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === "veryHidden") return;
    const formulaProblems: FormulaProblem[] = [];
    sheets.push({ name: ws.name, grid: sheetGrid(ws, merges.get(ws.name) ?? [], formulaProblems), formulaProblems });
  });
  return sheets;
}
