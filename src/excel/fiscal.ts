// 生成下一年度：copy the form's sheet to the end (copy Before/After throws, OFFICE-NOTES #775), name it
// after the new year, apply the domain's edits to the copy. The source sheet is never written to.

import { FiscalYearError, planNextYear } from "../domain/fiscal";
import { a1, cellText, type CellValue, type Grid } from "../domain/grid";
import { parseNumber } from "../domain/text";
import { excelMessages, OPERATION_NAMES, operationName, type Language } from "./messages";
import { earlierMarks, queueMarkRead, type EarlierMark } from "./marks";
import { formsOf, queueActiveSheetRead } from "./formInfo";
import { ExcelOperationError, type Result } from "./errors";
import { asOwnWrite } from "./ownWrites";
import { runExcel, type HostOptions } from "./run";
import { asLiteralText } from "./textCells";
import { isFormulaCell, readRestOfSheet, sheetFormulasOf, syncFirstRead, type QueuedSheetRead } from "./sheetGrid";

export interface NextYearOptions extends HostOptions {
  /** Move the years mentioned in the header and indicator texts one year on (default false). */
  updateMentions?: boolean;
}

export interface CellEdit {
  /** A1 address, the same on the source and the new sheet. */
  cell: string;
  before: string;
  after: string;
  reason: string;
}

export interface NextYearChange {
  fromYear: number;
  toYear: number;
  sourceSheetName: string;
  /** The new sheet's name ("2028年"); planned, for a preview. */
  sheetName: string;
  edits: CellEdit[];
  /** Cells the plan would change that hold a formula: left as they are on the new sheet. */
  skipped: Array<{ cell: string; reason: string }>;
}

/** The new year's sheet name. */
export function nextYearSheetName(toYear: number): string {
  return `${toYear}年`;
}

interface Planned {
  change: NextYearChange;
  writes: Array<{ row: number; col: number; value: string | number }>;
}

function planFor(read: QueuedSheetRead, names: readonly string[], updateMentions: boolean, language: Language): Planned {
  const say = excelMessages(language);
  const { grid, forms } = formsOf(read, language);
  const formulas: Grid = sheetFormulasOf(read);
  const first = forms[0];
  let fromYear = 0;
  let toYear = 0;
  const edits: CellEdit[] = [];
  const skipped: Array<{ cell: string; reason: string }> = [];
  const writes: Planned["writes"] = [];
  for (const form of forms) {
    let plan;
    try {
      plan = planNextYear(grid, form, { updateMentions, language });
    } catch (e) {
      // The domain says it in the operation's language.
      if (e instanceof FiscalYearError) throw new ExcelOperationError("no-year", e.message);
      throw e;
    }
    if (form === first) {
      fromYear = plan.fromYear;
      toYear = plan.toYear;
    }
    for (const edit of plan.edits) {
      const cell = a1(edit.row, edit.col);
      const formula = formulas[edit.row]?.[edit.col];
      // A text shown as "=…" (typed with an apostrophe) is not a formula and is moved on like any text.
      if (typeof formula === "string" && isFormulaCell(read, edit.row, edit.col)) {
        skipped.push({ cell, reason: say.formulaKept(formula) });
        continue;
      }
      edits.push({ cell, before: edit.before, after: edit.after, reason: edit.reason });
      writes.push({ row: edit.row, col: edit.col, value: valueToWrite(grid[edit.row]?.[edit.col], edit.after) });
    }
  }
  const sheetName = nextYearSheetName(toYear);
  const taken = names.some((n) => n.toLowerCase() === sheetName.toLowerCase());
  if (taken) {
    throw new ExcelOperationError("sheet-exists", say.sheetExists(sheetName));
  }
  return { change: { fromYear, toYear, sourceSheetName: read.sheet.name, sheetName, edits, skipped }, writes };
}

/** A year cell that held a number keeps a number; text is written as text. */
function valueToWrite(before: CellValue, after: string): string | number {
  const n = parseNumber(after);
  if (typeof before === "number" && n !== null && cellText(n) === after.trim()) return n;
  return asLiteralText(after);
}

async function readPlan(
  context: Excel.RequestContext,
  updateMentions: boolean,
  language: Language,
  withMarks = false,
): Promise<{ sheet: Excel.Worksheet; planned: Planned; names: string[]; marks: EarlierMark[] }> {
  const sheets = context.workbook.worksheets;
  const { read, cfs, structure } = await syncFirstRead(context, (rows) => {
    const queued = queueActiveSheetRead(context, { formulas: true, bounded: rows });
    sheets.load("items/name");
    const protection = withMarks ? context.workbook.protection : null;
    protection?.load("protected");
    return { read: queued, cfs: withMarks ? queueMarkRead(queued.sheet) : null, structure: protection };
  });
  const sheet = read.sheet;
  await readRestOfSheet(context, read);
  // Excel copies a sheet's protection with it: the copy's edits would fail after the copy was made.
  if (read.sheet.protection.protected) throw new ExcelOperationError("protected", excelMessages(language).sourceProtected(read.sheet.name));
  if (structure?.protected) throw new ExcelOperationError("protected", excelMessages(language).structureProtected(operationName("makeNextYear", language)));
  const names = sheets.items.map((s) => s.name);
  return { sheet, planned: planFor(read, names, updateMentions, language), names, marks: cfs ? earlierMarks(cfs) : [] };
}

/** The name Excel gives a copy of `source` ("Sheet1 (2)", or the next free number). */
function copyName(source: string, names: readonly string[]): string {
  const base = source.replace(/ \(\d+\)$/, "");
  const taken = new Set(names.map((n) => n.toLowerCase()));
  let n = 2;
  while (taken.has(`${base} (${n})`.toLowerCase())) n++;
  return `${base} (${n})`;
}

/** 预览下一年度：新工作表的名称和每一处将要改动的单元格（只读，不改动工作簿）。 */
export function previewNextFiscalYear(options: NextYearOptions = {}): Promise<Result<NextYearChange>> {
  return runExcel(OPERATION_NAMES.previewNextYear, "nextFiscalYear", options, async (context, _isSupported, { language }) => {
    const { planned } = await readPlan(context, options.updateMentions ?? false, language);
    return planned.change;
  });
}

/**
 * 生成下一年度：复制当前工作表到末尾，命名为“YYYY年”，在副本中改年度、清空填表日期（并按需顺延文字中的年份）。
 * Two round trips: one read, one write (copy, rename, edits, activate).
 */
export function makeNextFiscalYear(options: NextYearOptions = {}): Promise<Result<NextYearChange>> {
  return runExcel(OPERATION_NAMES.makeNextYear, "nextFiscalYear", options, async (context, _isSupported, { language }) => {
    const { sheet, planned, names, marks } = await readPlan(context, options.updateMentions ?? false, language, true);
    const copy = sheet.copy(Excel.WorksheetPositionType.end);
    copy.name = planned.change.sheetName;
    // This year's check marks stay behind: the copy's formats are in the source's order, so each mark is found by
    // its position, deleted from the last one up so that no deletion moves another mark.
    const copied = copy.getRange().conditionalFormats;
    for (const m of [...marks].sort((a, b) => b.index - a.index)) copied.getItemAt(m.index).delete();
    for (const w of planned.writes) copy.getRange(a1(w.row, w.col)).values = [[w.value]];
    copy.activate();
    try {
      await asOwnWrite(() => context.sync());
    } catch (e) {
      // A batch is not a transaction: the copy may exist, under Excel's name or ours. Delete it so that no
      // half-made sheet is left; the source was never written to.
      const sheets = context.workbook.worksheets;
      for (const name of [copyName(sheet.name, names), planned.change.sheetName]) sheets.getItemOrNullObject(name).delete();
      sheet.activate();
      await asOwnWrite(() => context.sync()).catch(() => undefined);
      throw e;
    }
    return planned.change;
  });
}
