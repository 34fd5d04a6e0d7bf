// Reading a sheet's values in the one read sync of an operation, as a grid whose indices are sheet
// positions: the used range starts at its own top-left, so the grid is padded to start at A1 and every
// a1() the domain computes is already the sheet's address.

import { shownValue, type CellValue, type Grid } from "../domain/grid";

export interface QueuedSheetRead {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/**
 * Queue the reads (no sync): the sheet's name and id, the used range's values, number formats and position.
 * The number formats come in the same round trip so that a "95%" typed into a cell (the number 0.95 in "0%")
 * reaches the rules as "95%", as `jixiao check` reads it. They about double the response: a form's few hundred
 * cells stay far below Excel on the web's 5 MB per response, but a sheet of tens of thousands of filled cells
 * reaches it sooner (the error then says so, payload-too-large).
 */
export function queueSheetRead(sheet: Excel.Worksheet, withFormulas = false): QueuedSheetRead {
  sheet.load("name,id");
  sheet.protection.load("protected");
  const used = sheet.getUsedRangeOrNullObject(true);
  if (withFormulas) used.load("values,numberFormat,formulas,rowIndex,columnIndex");
  else used.load("values,numberFormat,rowIndex,columnIndex");
  return { sheet, used };
}

/**
 * The loaded values as a sheet-anchored grid (empty when the sheet has no values), numbers in a percent format
 * as the text the user sees ("95%"). Call after the sync.
 */
export function sheetGridOf(read: QueuedSheetRead): Grid {
  if (read.used.isNullObject) return [];
  const values = read.used.values as CellValue[][];
  const formats = read.used.numberFormat as unknown[][];
  const shown = values.map((row, r) => row.map((v, c) => shownValue(v, formatAt(formats, r, c))));
  return anchorAtA1(read, shown);
}

/** A cell's number format; Office.js gives a string per cell (null only for a multi-cell property read). */
function formatAt(formats: unknown[][], row: number, col: number): string | null {
  const f = formats[row]?.[col];
  return typeof f === "string" ? f : null;
}

/** The loaded formulas, sheet-anchored like sheetGridOf. */
export function sheetFormulasOf(read: QueuedSheetRead): Grid {
  return anchorAtA1(read, read.used.isNullObject ? [] : (read.used.formulas as CellValue[][]));
}

function anchorAtA1(read: QueuedSheetRead, rows: CellValue[][]): Grid {
  if (read.used.isNullObject || rows.length === 0) return [];
  const top = read.used.rowIndex;
  const left = read.used.columnIndex;
  const pad: CellValue[] = new Array<CellValue>(left).fill(null);
  const grid: CellValue[][] = [];
  for (let r = 0; r < top; r++) grid.push([]);
  for (const row of rows) grid.push(left > 0 ? pad.concat(row) : row);
  return grid;
}

/** The used range's last row (0-based), or -1 for an empty sheet. */
export function lastUsedRow(read: QueuedSheetRead): number {
  if (read.used.isNullObject) return -1;
  return read.used.rowIndex + (read.used.values as unknown[]).length - 1;
}

/** Whether the sheet cell (0-based) holds a number (Range.values), whatever text the grid shows for it. */
export function isNumberCell(read: QueuedSheetRead, row: number, col: number): boolean {
  if (read.used.isNullObject) return false;
  const values = read.used.values as unknown[][];
  return typeof values[row - read.used.rowIndex]?.[col - read.used.columnIndex] === "number";
}

/**
 * Whether the sheet cell (0-based) holds a formula (needs the formulas loaded). Range.formulas gives a text typed
 * with a leading apostrophe ('=…) without it, exactly as the cell's value (OfficeDev/office-js #6687): such a cell
 * is text, told apart from a formula, whose value is its result, by the value being the formula text itself.
 */
export function isFormulaCell(read: QueuedSheetRead, row: number, col: number): boolean {
  if (read.used.isNullObject) return false;
  const r = row - read.used.rowIndex;
  const c = col - read.used.columnIndex;
  const formula = (read.used.formulas as unknown[][])[r]?.[c];
  if (typeof formula !== "string" || !formula.startsWith("=")) return false;
  return (read.used.values as unknown[][])[r]?.[c] !== formula;
}
