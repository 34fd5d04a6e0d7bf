// 指标行：add indicator rows to the grid (the dropdowns and conditional formats cover them), and
// merge the level-1 blocks for printing / unmerge them again for editing.

import type { Form } from "../domain/form";
import { a1, cellText, type Grid } from "../domain/grid";
import { conditionalFormatSpecs } from "../domain/native";
import { GRID_LABEL, level1Blocks } from "../domain/layout";
import { OPERATION_NAMES, type ExcelMessages } from "./messages";
import { ExcelOperationError, type Result } from "./errors";
import { formAnchor, formAtRow, formsOf, queueActiveSheetRead, queueSelectedRows } from "./formInfo";
import { asOwnWrite } from "./ownWrites";
import { refuseIfProtectedIn, runExcel, type HostOptions } from "./run";
import { formulaKey } from "./formulaKey";
import { customFormulas, probeNativeRules, probeState, queueNativeRules, templateBlock } from "./nativeRules";

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

/** A native conditional format of the block that starts at `first`, whatever row its block ends on. */
interface NativeCfPattern {
  pattern: RegExp;
}

// A block end no form reaches: its row number (1-based) marks where a spec's formula names the block's end.
const PROBE_LAST = 999990;

/** Patterns of the domain's conditional-format formulas for the block starting at `first` (0-based). */
function nativeCfPatterns(first: number): NativeCfPattern[] {
  const marker = String(PROBE_LAST + 1);
  return conditionalFormatSpecs({ first, last: PROBE_LAST }).map((spec) => {
    // Compared through formulaKey: Excel gives a formula back in its own spelling (formulaKey.ts).
    const escaped = formulaKey(spec.formula).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").split(marker).join("(\\d+)");
    return { pattern: new RegExp(`^${escaped}$`) };
  });
}

/**
 * The block's native conditional formats on the sheet, and the last row (0-based) they reach, as far as a
 * formula names it (rows added earlier may end the block below the last used row).
 */
function nativeFormatsOf(cfs: Excel.ConditionalFormatCollection, first: number): { items: Excel.ConditionalFormat[]; last: number | null } {
  const patterns = nativeCfPatterns(first);
  const items: Excel.ConditionalFormat[] = [];
  let last: number | null = null;
  for (const cf of cfs.items) {
    if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
    const formula = formulaKey(cf.customOrNullObject.rule.formula);
    for (const { pattern } of patterns) {
      const m = pattern.exec(formula);
      if (!m) continue;
      items.push(cf);
      const named = m[1] === undefined ? null : Number(m[1]) - 1;
      if (named !== null && named >= first) last = Math.max(last ?? named, named);
      break;
    }
  }
  return { items, last };
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
    const read = queueActiveSheetRead(context);
    const sheet = read.sheet;
    const probe = probeNativeRules(context);
    // The sheet's conditional formats with their priorities, to put the user's own back where they were.
    const cfs = sheet.getRange().conditionalFormats.load("items/id,items/priority,items/type,items/customOrNullObject/rule/formula");
    const selection = queueSelectedRows(context);
    await context.sync();

    const { forms } = formsOf(read, language);
    refuseIfProtectedIn(read, OPERATION_NAMES.addRows, language);
    const after = options.after ?? "end";
    const form = pickForm(forms, selection.rowIndex, say);
    const first = form.firstRow;
    const last = form.lastRow;
    if (after === "selection" && !(first <= selection.rowIndex && selection.rowIndex <= last)) {
      throw new ExcelOperationError("no-selection", say.selectIndicatorRow(formAnchor(form), first + 1, last + 1));
    }
    const block = templateBlock(form);
    const native = block ? nativeFormatsOf(cfs, block.first) : { items: [], last: null };
    // Where the block ends: its last used row, or the end of empty rows added before, inside the rules.
    const end = Math.max(last, native.last ?? last);
    const afterRow = after === "selection" ? selection.rowIndex : end;
    const at = afterRow + 1; // 0-based row of the first new row
    sheet.getRange(`${at + 1}:${at + count}`).insert(Excel.InsertShiftDirection.down);

    if (afterRow >= end && block) {
      // Only a block that carries the native rules gets them over its new rows (its formats say so).
      if (native.items.length > 0) {
        for (const cf of native.items) cf.delete();
        const replaced = new Set(native.items);
        const kept = new Set(customFormulas(cfs));
        for (const cf of native.items) kept.delete(cf.customOrNullObject.rule.formula);
        queueNativeRules(context, sheet, { first: block.first, last: end + count }, { ...probeState(probe), formulas: kept });
        // New formats are evaluated first; the user's own formats that came before the block's native ones
        // get their places back on top, in their order.
        const byPriority = [...cfs.items].sort((a, b) => a.priority - b.priority);
        const firstNative = byPriority.findIndex((cf) => replaced.has(cf));
        byPriority.slice(0, Math.max(0, firstNative)).forEach((cf, i) => (cf.priority = i));
      }
    }
    await asOwnWrite(() => context.sync());
    return { sheetName: read.sheet.name, first: at + 1, last: at + count, added: count };
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
  return runExcel(merged ? OPERATION_NAMES.merge : OPERATION_NAMES.unmerge, "printMerges", options, async (context, _isSupported, { language }) => {
    const read = queueActiveSheetRead(context);
    const sheet = read.sheet;
    await context.sync();

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
