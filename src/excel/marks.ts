// Visible marks on the cells of engine-only findings (rules the workbook's own conditional formats cannot
// show). A mark is a conditional format of this add-in's own, told apart from the user's and the native
// rules' by its formula, so the next check finds and deletes it without touching any other formatting.

import { a1, parseA1 } from "../domain/grid";
import { formulaKey } from "./formulaKey";

/** Says whose the mark is to anyone who opens the conditional-format manager. */
export const MARK_LABEL = "绩效目标表助手：检查标记";
/** The first marks' formula, without the area: still recognised (and replaced) as a mark. */
export const MARK_FORMULA = `=ISTEXT("${MARK_LABEL}")`;
/** Light violet: apart from the native rules' red (errors) and amber (warnings). */
export const MARK_FILL = "#E4D4F4";
export const MARK_FONT = "#5B2C83";

/**
 * A mark's formula: always TRUE, and it names the area it was written for, so the next command can tell from
 * one read which marks are still right and write only the difference.
 */
export function markFormula(area: string): string {
  return `=ISTEXT("${MARK_LABEL} ${area}")`;
}

const MARK_KEY = /^ISTEXT\("绩效目标表助手：检查标记(?: ([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?))?"\)$/;

/** The area a mark's formula names ("" for a mark of the first kind); null when the formula is not a mark. */
export function markAreaOf(formula: string): string | null {
  const m = MARK_KEY.exec(formulaKey(formula));
  if (!m) return null;
  return m[1] ?? "";
}

/** Queue (no sync) the read of the sheet's conditional formats, to find the earlier marks. */
export function queueMarkRead(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const cfs = sheet.getRange().conditionalFormats;
  // The id makes Office.js address each format by its key (getItem) in the write batch; loaded without it, a
  // format is addressed by position (getItemAt), and deleting one mark would shift the next delete onto another
  // format (office.js ObjectPathFactory; ConditionalFormat.priority reference: "re-fetch" after a move).
  cfs.load("items/id,items/type,items/customOrNullObject/rule/formula");
  return cfs;
}

export interface EarlierMark {
  cf: Excel.ConditionalFormat;
  /** The area the mark was written for ("" when unknown). */
  area: string;
  /** Its position in the sheet's conditional formats (priority order), as read. */
  index: number;
}

/** The marks found by queueMarkRead (after the sync). */
export function earlierMarks(cfs: Excel.ConditionalFormatCollection): EarlierMark[] {
  const marks: EarlierMark[] = [];
  cfs.items.forEach((cf, index) => {
    if (cf.type !== "Custom") return;
    const custom = cf.customOrNullObject;
    if (custom.isNullObject) return;
    // Excel gives the formula back as it writes it out, not as it was set (formulaKey.ts).
    const area = markAreaOf(custom.rule.formula);
    if (area !== null) marks.push({ cf, area, index });
  });
  return marks;
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
 * Queue (no sync) the marks that make the sheet's marks exactly `cells`: one conditional format per vertical run
 * (plain Ranges, ExcelApi 1.6). A mark already on its area stays as it is; only stale marks are deleted and
 * missing ones added. Returns the number of formats written (0: nothing to send).
 */
export function queueMarkWrite(sheet: Excel.Worksheet, earlier: readonly EarlierMark[], cells: readonly string[]): number {
  const wanted = new Set(markAreas(cells));
  const kept = new Set<string>();
  let writes = 0;
  for (const mark of earlier) {
    if (wanted.has(mark.area) && !kept.has(mark.area)) {
      kept.add(mark.area);
      continue;
    }
    mark.cf.delete();
    writes++;
  }
  for (const area of wanted) {
    if (kept.has(area)) continue;
    const cf = sheet.getRange(area).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    // The formula last: a write cut short leaves a format without one (brokenFormats), never a mark unpainted.
    cf.custom.format.fill.color = MARK_FILL;
    cf.custom.format.font.color = MARK_FONT;
    cf.custom.rule.formula = markFormula(area);
    writes++;
  }
  return writes;
}

/**
 * Custom formats without a formula (after the read sync): what a write cut short leaves (the add went through, the
 * formula did not). No one makes such a format in Excel's own dialog, so the repair deletes them.
 */
export function brokenFormats(cfs: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return cfs.items.filter((cf) => cf.type === "Custom" && !cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula.trim() === "");
}
