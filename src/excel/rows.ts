// 指标行：add indicator rows inside the grid (so the dropdowns and conditional formats grow with it), and
// merge the level-1 blocks for printing / unmerge them again for editing.

import type { Form } from "../domain/form";
import { a1, cellText, columnLetter, type Grid } from "../domain/grid";
import { GRID_LABEL, level1Blocks } from "../domain/layout";
import { readForms } from "../domain/reader";
import { NO_FORM_MESSAGE, OPERATION_NAMES, zhExcel } from "./messages";
import { ExcelOperationError, type Result } from "./errors";
import { formAnchor, formAtRow } from "./formInfo";
import { asOwnWrite } from "./ownWrites";
import { runExcel, type HostOptions } from "./run";
import { queueSheetRead, refuseIfProtected, sheetFormulasOf, sheetGridOf } from "./sheetGrid";

export interface AddRowsOptions extends HostOptions {
  /** After the selected indicator row, or after the form's last one (default "end"). */
  after?: "selection" | "end";
}

export interface RowsAdded {
  sheetName: string;
  /** 1-based sheet rows of the new, empty indicator rows. */
  first: number;
  last: number;
  added: number;
}

export const MAX_ADDED_ROWS = 500;

function pickForm(forms: readonly Form[], selectedRow: number | null): Form {
  const form = selectedRow === null ? undefined : formAtRow(forms, selectedRow);
  if (form) return form;
  if (forms.length === 1 && forms[0]) return forms[0];
  throw new ExcelOperationError("no-selection", zhExcel.whichForm());
}

/**
 * 添加指标行：在指标区内插入整行（下拉列表和条件格式随之延伸）。Rows inserted below the block would
 * fall outside the validated area, so "end" inserts them above the last indicator row and moves that
 * row's content up into the first new row: the empty rows end the block, inside every rule's range.
 */
export function addIndicatorRows(count: number, options: AddRowsOptions = {}): Promise<Result<RowsAdded>> {
  return runExcel(OPERATION_NAMES.addRows, "addRows", options, async (context) => {
    if (!Number.isInteger(count) || count < 1 || count > MAX_ADDED_ROWS) {
      throw new ExcelOperationError("host", zhExcel.rowCount(MAX_ADDED_ROWS));
    }
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const read = queueSheetRead(sheet, true);
    const selection = context.workbook.getSelectedRange();
    selection.load("rowIndex");
    await context.sync();

    const grid = sheetGridOf(read);
    const forms = readForms(grid);
    if (forms.length === 0) throw new ExcelOperationError("no-form", NO_FORM_MESSAGE);
    refuseIfProtected(read, OPERATION_NAMES.addRows);
    const after = options.after ?? "end";
    const form = pickForm(forms, selection.rowIndex);
    const first = form.firstRow;
    const last = form.lastRow;
    if (after === "selection" && !(first <= selection.rowIndex && selection.rowIndex <= last)) {
      throw new ExcelOperationError("no-selection", zhExcel.selectIndicatorRow(formAnchor(form), first + 1, last + 1));
    }
    const afterRow = after === "selection" ? selection.rowIndex : last;
    // Insert inside the block: before the row after `afterRow`, or, at the end, before the last row.
    const at = afterRow < last ? afterRow + 1 : last;
    sheet.getRange(`${at + 1}:${at + count}`).insert(Excel.InsertShiftDirection.down);
    let newFirst = at;
    if (afterRow >= last) {
      // The last row now sits `count` rows lower: move its content up so the new empty rows come last.
      const formulas = sheetFormulasOf(read)[last] ?? [];
      const width = Math.max(formulas.length, 1);
      const lastCol = columnLetter(width - 1);
      const values = [formulas.slice(0, width).map((v) => (v === null || v === undefined ? "" : v))];
      sheet.getRange(`A${last + 1}:${lastCol}${last + 1}`).formulas = values as string[][];
      sheet.getRange(`A${last + 1 + count}:${lastCol}${last + 1 + count}`).formulas = [values[0]!.map(() => "")] as string[][];
      newFirst = last + 1;
    }
    await asOwnWrite(() => context.sync());
    return { sheetName: read.sheet.name, first: newFirst + 1, last: newFirst + count, added: count };
  });
}

export interface PrintMergesOutcome {
  sheetName: string;
  /** Areas merged or unmerged (A1 ranges). */
  areas: string[];
}

/** The level-1 blocks of a form's indicator rows (sheet rows, 0-based), as the sheet shows them. */
function blocksOf(grid: Grid, form: Form): Array<{ first: number; last: number; level1: string }> {
  const col = form.columns.level1;
  if (col === undefined) return [];
  const values: string[] = [];
  for (let r = form.firstRow; r <= form.lastRow; r++) values.push(cellText(grid[r]?.[col]));
  return level1Blocks(values).map((b) => ({ first: b.first + form.firstRow, last: b.last + form.firstRow, level1: b.level1 }));
}

/**
 * 打印合并：merged=true merges each level-1 block (and the 绩效指标 label column) for printing;
 * merged=false unmerges them and writes the level-1 name back into every row of its block, so the
 * dropdowns and row insertion work again.
 */
export function setPrintMerges(merged: boolean, options: HostOptions = {}): Promise<Result<PrintMergesOutcome>> {
  return runExcel(merged ? OPERATION_NAMES.merge : OPERATION_NAMES.unmerge, "printMerges", options, async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const read = queueSheetRead(sheet);
    await context.sync();

    const grid = sheetGridOf(read);
    const forms = readForms(grid);
    if (forms.length === 0) throw new ExcelOperationError("no-form", NO_FORM_MESSAGE);
    refuseIfProtected(read, merged ? OPERATION_NAMES.merge : OPERATION_NAMES.unmerge);
    const areas: string[] = [];
    for (const form of forms) {
      const col = form.columns.level1;
      if (col === undefined) continue;
      for (const block of blocksOf(grid, form)) {
        if (block.level1 === "") continue;
        const area = `${a1(block.first, col)}:${a1(block.last, col)}`;
        const range = sheet.getRange(area);
        if (merged) {
          if (block.last > block.first) {
            range.merge(false);
            areas.push(area);
          }
        } else {
          range.unmerge();
          range.values = Array.from({ length: block.last - block.first + 1 }, () => [block.level1]);
          areas.push(area);
        }
      }
      // The 绩效指标 label sits left of the grid on the header row; its column spans the indicator rows.
      const labelCol = col - 1;
      if (labelCol >= 0 && cellText(grid[form.headerRow]?.[labelCol]) === GRID_LABEL && labelColumnFree(grid, form, labelCol)) {
        const area = `${a1(form.headerRow, labelCol)}:${a1(form.lastRow, labelCol)}`;
        if (merged) sheet.getRange(area).merge(false);
        else sheet.getRange(area).unmerge();
        areas.push(area);
      }
    }
    if (areas.length > 0) await asOwnWrite(() => context.sync());
    return { sheetName: read.sheet.name, areas };
  });
}

/** Merging keeps only the top-left value: never merge over text the user typed in the label column. */
function labelColumnFree(grid: Grid, form: Form, col: number): boolean {
  for (let r = form.headerRow + 1; r <= form.lastRow; r++) if (cellText(grid[r]?.[col]) !== "") return false;
  return true;
}
