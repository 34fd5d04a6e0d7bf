// 指标行：add indicator rows to the grid (the dropdowns and conditional formats cover them), and
// merge the level-1 blocks for printing / unmerge them again for editing.

import type { Form } from "../domain/form";
import { a1, cellText, type Grid } from "../domain/grid";
import { GRID_LABEL, level1Blocks } from "../domain/layout";
import { excelMessages, OPERATION_NAMES, type ExcelMessages, type Language } from "./messages";
import { ExcelOperationError, type Result } from "./errors";
import { formAnchor, formAtRow, formsOf, formSpan, queueActiveSheetRead, queueSelectedRows } from "./formInfo";
import { asOwnWrite } from "./ownWrites";
import { refuseIfProtectedIn, runExcel, type HostOptions } from "./run";
import { readRestOfSheet, syncFirstRead } from "./sheetGrid";
import { nativeFormatsOf, probeNativeRules, probeState, queueNativeRules, templateBlock, type NativeRulesState } from "./nativeRules";
import type { IndicatorRows } from "../domain/native";

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

function pickForm(forms: readonly Form[], selectedRow: number | null, say: ExcelMessages): Form {
  const form = selectedRow === null ? undefined : formAtRow(forms, selectedRow);
  if (form) return form;
  if (forms.length === 1 && forms[0]) return forms[0];
  throw new ExcelOperationError("no-selection", say.whichForm());
}

/**
 * 添加指标行：空行插在指标区之内（选中行之后）或紧接指标区之下（末尾），用户的单元格一个也不搬动。
 * Rows inserted inside the block are inside every dropdown and conditional format already (Excel grows
 * them). Rows added at the end go below the block, which no rule covers, so the same write batch re-applies
 * the domain's dropdowns and conditional formats to the whole grown block: the block's native conditional
 * formats are deleted and added again over the new extent (nothing duplicated), the dropdowns are set
 * anew over it. The new rows take the formatting of the row above, as Excel's own row insertion does.
 * One read, one write.
 */
export function addIndicatorRows(count: number, options: AddRowsOptions = {}): Promise<Result<RowsAdded>> {
  return runExcel(OPERATION_NAMES.addRows, "addRows", options, async (context, _isSupported, { language, messages: say }) => {
    if (!Number.isInteger(count) || count < 1 || count > MAX_ADDED_ROWS) {
      throw new ExcelOperationError("host", say.rowCount(MAX_ADDED_ROWS));
    }
    const plan = await readRowsPlan(context, count, options.after ?? "end", language);
    sheetRowsInsert(plan.sheet, plan.at, count);
    if (plan.rules) queueNativeRules(context, plan.sheet, plan.rules, plan.state);
    try {
      await asOwnWrite(() => context.sync());
    } catch (e) {
      // A batch is not a transaction. When the rows went in, finish their rules from a fresh read; when they did
      // not, nothing was written (the insertion is the first write).
      const completed = await Excel.run((context2) => finishRules(context2, plan)).catch(() => false);
      if (!completed) throw e;
    }
    return { sheetName: plan.sheetName, first: plan.at + 1, last: plan.at + count, added: count };
  });
}

/**
 * After a failed write: when the rows went in (the used range grew), give the block its rules over the new
 * extent from a fresh read and say true; when they did not, nothing was written: false.
 */
async function finishRules(context: Excel.RequestContext, plan: RowsPlan): Promise<boolean> {
  const sheet = context.workbook.worksheets.getItem(plan.sheetId);
  const used = sheet.getUsedRangeOrNullObject(false);
  used.load("rowIndex,rowCount");
  const probe = probeNativeRules(context, sheet);
  await context.sync();
  const bottom = used.isNullObject ? -1 : used.rowIndex + used.rowCount - 1;
  if (bottom === plan.bottom || !plan.rules) return false;
  queueNativeRules(context, sheet, plan.rules, probe, { repair: true });
  await asOwnWrite(() => context.sync());
  return true;
}

/** Inserts `count` entire sheet rows before 0-based row `at` (queued). */
function sheetRowsInsert(sheet: Excel.Worksheet, at: number, count: number): void {
  sheet.getRange(`${at + 1}:${at + count}`).insert(Excel.InsertShiftDirection.down);
}

interface RowsPlan {
  sheet: Excel.Worksheet;
  sheetId: string;
  sheetName: string;
  /** 0-based row of the first new row. */
  at: number;
  /** The block the rules must cover once the rows are in, or null when the form has no native rules. */
  rules: IndicatorRows | null;
  state: NativeRulesState;
  /** Last row (0-based) of the used range with formats, before the insertion: tells later whether it happened. */
  bottom: number;
}

async function readRowsPlan(context: Excel.RequestContext, count: number, after: "selection" | "end", language: Language): Promise<RowsPlan> {
  const say = excelMessages(language);
  const { read, probe, selection, formatted } = await syncFirstRead(context, (rows) => {
    const queued = queueActiveSheetRead(context, { bounded: rows });
    const used = queued.sheet.getUsedRangeOrNullObject(false);
    used.load("rowIndex,rowCount");
    return { read: queued, probe: probeNativeRules(context, queued.sheet), selection: queueSelectedRows(context), formatted: used };
  });
  const sheet = read.sheet;
  await readRestOfSheet(context, read);

  const { grid, forms } = formsOf(read, language);
  refuseIfProtectedIn(read, OPERATION_NAMES.addRows, language);
  const form = pickForm(forms, selection.rowIndex, say);
  const first = form.firstRow;
  const last = form.lastRow;
  if (after === "selection" && !(first <= selection.rowIndex && selection.rowIndex <= last)) {
    throw new ExcelOperationError("no-selection", say.selectIndicatorRow(formAnchor(form), first + 1, last + 1));
  }
  const block = templateBlock(form);
  const state = probeState(probe);
  const native = block ? nativeFormatsOf(state.cfs, block.first) : { items: [], last: null };
  // Where the block ends: its last used row, or the end of empty rows added before, inside the rules.
  const end = Math.max(last, native.last ?? last);
  const afterRow = after === "selection" ? selection.rowIndex : end;
  const at = afterRow + 1;
  // Entire rows are inserted (Excel keeps merges, rules and formulas in step that way): refuse rather than
  // split a table that sits beside the form.
  const beside = cellBeside(grid, form, at);
  if (beside) throw new ExcelOperationError("host", say.tableBeside(beside));
  // Only a block that carries the native rules gets them over its new rows (its formats say so); rows inserted
  // inside the block are inside every rule already (Excel grows them).
  const rules = block && native.items.length > 0 && afterRow >= end ? { first: block.first, last: end + count } : null;
  const bottom = formatted.isNullObject ? -1 : formatted.rowIndex + formatted.rowCount - 1;
  return { sheet, sheetId: read.sheet.id, sheetName: read.sheet.name, at, rules, state, bottom };
}

/**
 * A filled cell outside the form's columns on a row the insertion would split, from the form's top to the
 * last row: the first one (A1), or null when the form stands alone across those rows.
 */
function cellBeside(grid: Grid, form: Form, at: number): string | null {
  const cols = Object.values(form.columns).filter((c): c is number => typeof c === "number");
  const left = Math.min(...cols) - 1; // the 绩效指标 label column belongs to the form
  const right = Math.max(...cols);
  const span = formSpan(form);
  let above = false;
  let hit: string | null = null;
  for (let r = span.top; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (c >= left && c <= right) continue;
      if (cellText(row[c]) === "") continue;
      if (r < at) above = true;
      else if (above) hit ??= a1(r, c);
    }
  }
  return hit;
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
  return runExcel(merged ? OPERATION_NAMES.merge : OPERATION_NAMES.unmerge, "printMerges", options, async (context, _isSupported, { language }) => {
    const read = await syncFirstRead(context, (rows) => queueActiveSheetRead(context, { bounded: rows }));
    const sheet = read.sheet;
    await readRestOfSheet(context, read);

    const { grid, forms } = formsOf(read, language);
    refuseIfProtectedIn(read, merged ? OPERATION_NAMES.merge : OPERATION_NAMES.unmerge, language);
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
      // The 绩效指标 label sits left of the grid on the header row; its column spans the indicator rows (the form
      // is drawn so). Merging stretches it over rows added since; editing leaves it, as it carries no dropdown.
      const labelCol = col - 1;
      if (merged && labelCol >= 0 && cellText(grid[form.headerRow]?.[labelCol]) === GRID_LABEL && labelColumnFree(grid, form, labelCol)) {
        const area = `${a1(form.headerRow, labelCol)}:${a1(form.lastRow, labelCol)}`;
        sheet.getRange(area).merge(false);
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
