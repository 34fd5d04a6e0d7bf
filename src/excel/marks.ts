// Visible marks on the cells of engine-only findings (rules the workbook's own conditional formats cannot
// show). A mark is a conditional format of this add-in's own, told apart from the user's and the native
// rules' by its formula, so the next check finds and deletes it without touching any other formatting.

import { a1, parseA1 } from "../domain/grid";
import { sameFormula } from "./formulaKey";

/** Always TRUE, and says whose it is to anyone who opens the conditional-format manager. */
export const MARK_FORMULA = '=ISTEXT("绩效目标表助手：检查标记")';
/** Light violet: apart from the native rules' red (errors) and amber (warnings). */
export const MARK_FILL = "#E4D4F4";
export const MARK_FONT = "#5B2C83";

/** Queue (no sync) the read of the sheet's conditional formats, to find the earlier marks. */
export function queueMarkRead(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const cfs = sheet.getRange().conditionalFormats;
  // The id makes Office.js address each format by its key (getItem) in the write batch; loaded without it, a
  // format is addressed by position (getItemAt), and deleting one mark would shift the next delete onto another
  // format (office.js ObjectPathFactory; ConditionalFormat.priority reference: "re-fetch" after a move).
  cfs.load("items/id,items/type,items/customOrNullObject/rule/formula");
  return cfs;
}

/** The marks found by queueMarkRead (after the sync). */
export function earlierMarks(cfs: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return cfs.items.filter((cf) => {
    if (cf.type !== "Custom") return false;
    const custom = cf.customOrNullObject;
    // Excel gives the formula back as it writes it out, not as it was set (formulaKey.ts).
    return !custom.isNullObject && sameFormula(custom.rule.formula, MARK_FORMULA);
  });
}

/** Cells (A1) joined into vertical runs per column ("H7:H9"), in column then row order. */
export function markAreas(cells: readonly string[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const cell of new Set(cells)) {
    const { row, col } = parseA1(cell);
    const rows = byCol.get(col) ?? [];
    rows.push(row);
    byCol.set(col, rows);
  }
  const areas: string[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = (byCol.get(col) ?? []).sort((a, b) => a - b);
    let start = rows[0] as number;
    let prev = start;
    for (const r of [...rows.slice(1), Number.NaN]) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      areas.push(start === prev ? a1(start, col) : `${a1(start, col)}:${a1(prev, col)}`);
      start = r;
      prev = r;
    }
  }
  return areas;
}

/**
 * Queue (no sync): delete the earlier marks, mark `cells` with one conditional format per vertical run of
 * cells (plain Ranges, ExcelApi 1.6). Returns false when there was nothing to do.
 */
export function queueMarkWrite(sheet: Excel.Worksheet, earlier: readonly Excel.ConditionalFormat[], cells: readonly string[]): boolean {
  for (const cf of earlier) cf.delete();
  const areas = markAreas(cells);
  for (const area of areas) {
    const cf = sheet.getRange(area).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = MARK_FORMULA;
    cf.custom.format.fill.color = MARK_FILL;
    cf.custom.format.font.color = MARK_FONT;
  }
  return earlier.length > 0 || areas.length > 0;
}
