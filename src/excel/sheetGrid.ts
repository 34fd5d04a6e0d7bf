// Reading a sheet's values in the one read sync of an operation, as a grid whose indices are sheet
// positions: the used range starts at its own top-left, so the grid is padded to start at A1 and every
// a1() the domain computes is already the sheet's address.

import type { CellValue, Grid } from "../domain/grid";
import { ExcelOperationError } from "./errors";
import { zhExcel } from "./messages";

export interface QueuedSheetRead {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** Queue the reads (no sync): the sheet's name and id, the used range's values and position. */
export function queueSheetRead(sheet: Excel.Worksheet, withFormulas = false): QueuedSheetRead {
  sheet.load("name,id");
  sheet.protection.load("protected");
  const used = sheet.getUsedRangeOrNullObject(true);
  if (withFormulas) used.load("values,formulas,rowIndex,columnIndex");
  else used.load("values,rowIndex,columnIndex");
  return { sheet, used };
}

/** The loaded values as a sheet-anchored grid (empty when the sheet has no values). Call after the sync. */
export function sheetGridOf(read: QueuedSheetRead): Grid {
  return anchorAtA1(read, read.used.isNullObject ? [] : (read.used.values as CellValue[][]));
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

/**
 * Refuse before writing anything when the sheet is protected: Excel would apply the batch's writes up to
 * the first refused one (a batch is not a transaction), leaving a half-done change.
 */
export function refuseIfProtected(read: QueuedSheetRead, operation: string): void {
  if (read.sheet.protection.protected) throw new ExcelOperationError("protected", zhExcel.protectedSheet(operation, read.sheet.name));
}

/** The used range's last row (0-based), or -1 for an empty sheet. */
export function lastUsedRow(read: QueuedSheetRead): number {
  if (read.used.isNullObject) return -1;
  return read.used.rowIndex + (read.used.values as unknown[]).length - 1;
}
