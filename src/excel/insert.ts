// 插入表样：write the standard form (drawForm) into the active sheet when it is empty, otherwise into a new
// sheet named after the year. One read sync (is the sheet empty, which names are taken, which native rules
// exist) and one write sync with everything: values, merges, fonts, borders, sizes, print setup, frozen
// header and the workbook-native rules. A failure of that sync leaves nothing half written on the user's
// own cells, because the target is always empty.

import { defaultFiscalYear } from "../domain/fiscal";
import { a1, columnLetter } from "../domain/grid";
import { STYLES, drawForm, widthInPoints, type DrawOptions, type FormDrawing, type StyleKey } from "../domain/layout";
import type { Result } from "./errors";
import { asOwnWrite } from "./ownWrites";
import { probeNativeRules, queueNativeRules, type NativeRulesProbe, type QueuedNativeRules } from "./nativeRules";
import { runExcel, type HostOptions } from "./run";
import { OPERATION_NAMES, operationName } from "./messages";
import { ExcelOperationError } from "./errors";
import { LISTS_SHEET } from "../domain/native";

export interface InsertFormOptions extends HostOptions {
  /** 预算年度; default: next year from September on, this year before (domain defaultFiscalYear). */
  year?: number;
  /** 部门（单位）名称, written into the header when given. */
  deptName?: string;
  /** Indicator rows the form starts with; default the standard seven (DEFAULT_INDICATOR_ROWS). */
  rows?: DrawOptions["rows"];
  /** Install the dropdowns and conditional formats as well (default true where ExcelApi 1.8 exists). */
  nativeRules?: boolean;
  /** The clock, for the default year. */
  now?: Date;
}

export interface FormInserted {
  sheetName: string;
  /** True when the form went into a new sheet because the active one was not empty. */
  newSheet: boolean;
  year: number;
  /** 1-based sheet rows of the first and last indicator rows. */
  indicatorRows: { first: number; last: number };
  /** False where this Excel lacks ExcelApi 1.9 (print setup skipped, see notes). */
  printSetup: boolean;
  /** What was installed of the native rules, or null when they were not installed. */
  nativeRules: QueuedNativeRules | null;
  /** Plain Chinese sentences for the user: where the form went, what was skipped. */
  notes: string[];
}

const PRINT_SETUP_VERSION = "1.9";
const NATIVE_RULES_VERSION = "1.8";
const FREEZE_VERSION = "1.7";

/** `2027年`, or `2027年 (2)`, `2027年 (3)`… when taken (sheet names compare without case in Excel). */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Text Excel would not keep as typed (a formula, a number, a percentage): such cells get the text format first. */
function needsTextFormat(value: string): boolean {
  const t = value.trim();
  return /^[=+-]/.test(t) || /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(t);
}

interface StyledRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
  style: StyleKey;
}

/**
 * The drawing's styles as few rectangles as possible: runs of equal style along each row, then runs of rows
 * whose runs are the same (all indicator rows become one rectangle, whatever their number).
 */
export function styleRects(drawing: FormDrawing): StyledRect[] {
  const byRow = new Map<number, Array<StyleKey | undefined>>();
  for (const c of drawing.cells) {
    let line = byRow.get(c.row);
    if (!line) byRow.set(c.row, (line = []));
    line[c.col] = c.style;
  }
  const runsOf = (line: Array<StyleKey | undefined>) => {
    const runs: Array<{ left: number; right: number; style: StyleKey }> = [];
    line.forEach((style, col) => {
      if (style === undefined) return;
      const last = runs[runs.length - 1];
      if (last && last.style === style && last.right === col - 1) last.right = col;
      else runs.push({ left: col, right: col, style });
    });
    return runs;
  };
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const out: StyledRect[] = [];
  let open: { top: number; bottom: number; key: string; runs: ReturnType<typeof runsOf> } | null = null;
  const close = () => {
    if (open) for (const r of open.runs) out.push({ top: open.top, bottom: open.bottom, left: r.left, right: r.right, style: r.style });
  };
  for (const row of rows) {
    const runs = runsOf(byRow.get(row) ?? []);
    const key = JSON.stringify(runs);
    if (open && open.key === key && open.bottom === row - 1) open.bottom = row;
    else {
      close();
      open = { top: row, bottom: row, key, runs };
    }
  }
  close();
  return out;
}

function rectAddress(r: { top: number; bottom: number; left: number; right: number }): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

/** Queue (no sync) the form's cells, merges, formats and sizes on `sheet`. */
export function queueFormWrites(sheet: Excel.Worksheet, drawing: FormDrawing): void {
  const width = drawing.lastCol + 1;
  const height = drawing.lastRow + 1;
  const values: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill(""));
  for (const c of drawing.cells) {
    const line = values[c.row];
    if (line) line[c.col] = c.value;
    // The form's texts are text: keep Excel from turning one into a formula or a number.
    if (c.value !== "" && needsTextFormat(c.value)) sheet.getRange(a1(c.row, c.col)).numberFormat = [["@"]];
  }
  sheet.getRange(`A1:${columnLetter(drawing.lastCol)}${height}`).values = values;
  for (const m of drawing.merges) sheet.getRange(rectAddress(m)).merge(false);

  for (const r of styleRects(drawing)) {
    const s = STYLES[r.style];
    const f = sheet.getRange(rectAddress(r)).format;
    f.font.name = s.fontName;
    f.font.size = s.fontSize;
    f.font.bold = s.bold;
    f.horizontalAlignment = s.horizontal === "center" ? "Center" : "Left";
    f.verticalAlignment = s.vertical === "center" ? "Center" : "Top";
    f.wrapText = s.wrap;
    if (s.fill) f.fill.color = s.fill;
    if (s.border) {
      const edges: Excel.BorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as Excel.BorderIndex[];
      if (r.right > r.left) edges.push("InsideVertical" as Excel.BorderIndex);
      if (r.bottom > r.top) edges.push("InsideHorizontal" as Excel.BorderIndex);
      for (const edge of edges) {
        const b = f.borders.getItem(edge);
        b.style = "Continuous";
        b.weight = "Thin";
        b.color = "#000000";
      }
    }
  }

  // Office.js sizes are points (OfficeDev/office-js #187); the layout gives column widths in characters.
  drawing.columnWidths.forEach((chars, col) => {
    const letter = columnLetter(col);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(chars);
  });
  const heights = [...drawing.rowHeights].sort((a, b) => a.row - b.row);
  for (let i = 0; i < heights.length; ) {
    const first = heights[i] as { row: number; height: number };
    let j = i;
    while (j + 1 < heights.length && heights[j + 1]?.height === first.height && heights[j + 1]?.row === (heights[j]?.row ?? 0) + 1) j++;
    const last = heights[j] as { row: number; height: number };
    sheet.getRange(`${first.row + 1}:${last.row + 1}`).format.rowHeight = first.height;
    i = j + 1;
  }
}

/** Queue the print setup (ExcelApi 1.9): A4 landscape, header rows repeated, one page wide, centred. */
export function queuePrintSetup(sheet: Excel.Worksheet, drawing: FormDrawing): void {
  const pl = sheet.pageLayout;
  pl.orientation = "Landscape";
  pl.paperSize = "A4";
  pl.centerHorizontally = true;
  // Only the width is fixed; the height stays automatic. (Some builds apply zoom only while the Page Layout
  // tab is shown, OfficeDev/office-js #1860: the orientation and title rows do not depend on it.)
  pl.zoom = { horizontalFitToPages: 1 };
  pl.setPrintTitleRows(`$${drawing.printTitleRows.first + 1}:$${drawing.printTitleRows.last + 1}`);
}

/** Queue everything the form needs on `sheet`: the rules first, then values, formats, sizes, print setup. */
function queueInsert(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  drawing: FormDrawing,
  isSupported: (v: string) => boolean,
  probe: NativeRulesProbe | null,
  rewriteLists: boolean,
): QueuedNativeRules | null {
  // Rules before values: a failure part-way never leaves a filled-in looking form without its dropdowns.
  const nativeRules = probe ? queueNativeRules(context, sheet, drawing.indicatorRows, probe, { rewriteLists, repair: rewriteLists }) : null;
  queueFormWrites(sheet, drawing);
  if (isSupported(FREEZE_VERSION)) sheet.freezePanes.freezeRows(drawing.freezeRows);
  if (isSupported(PRINT_SETUP_VERSION)) queuePrintSetup(sheet, drawing);
  sheet.getRange(a1(drawing.indicatorRows.first, 3)).select();
  return nativeRules;
}

/**
 * 插入表样 for `options.year` (default the domain's fiscal year) and optional department name. A batch is not a
 * transaction: when the write fails part-way, a new sheet is deleted again (with the lists sheet and names it
 * brought), and a form written into the empty active sheet is written once more from a fresh read, so the
 * sheet is left as it was or with the whole form.
 */
export function insertForm(options: InsertFormOptions = {}): Promise<Result<FormInserted>> {
  return runExcel(OPERATION_NAMES.insertForm, "insertForm", options, async (context, isSupported, { language, messages: say }) => {
    const year = options.year ?? defaultFiscalYear(options.now ?? new Date());
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const active = sheets.getActiveWorksheet();
    active.load("name, protection/protected");
    const used = active.getUsedRangeOrNullObject(true);
    used.load("address");
    const withRules = (options.nativeRules ?? true) && isSupported(NATIVE_RULES_VERSION);
    const probe = withRules ? probeNativeRules(context) : null;
    const structure = isSupported("1.7") ? context.workbook.protection : null;
    structure?.load("protected");
    await context.sync();

    const notes: string[] = [];
    const intoActive = used.isNullObject && !active.protection.protected;
    const addsSheets = !intoActive || (probe !== null && probe.listsSheet.isNullObject);
    if (addsSheets && structure?.protected) throw new ExcelOperationError("protected", say.structureProtected(operationName("insertForm", language)));
    let sheet: Excel.Worksheet;
    let sheetName: string;
    if (intoActive) {
      sheet = active;
      sheetName = active.name;
      notes.push(say.insertedHere(sheetName, year));
    } else {
      sheetName = uniqueSheetName(`${year}年`, sheets.items.map((s) => s.name));
      sheet = sheets.add(sheetName);
      sheet.activate();
      notes.push(say.insertedNewSheet(active.name, sheetName, active.protection.protected));
    }

    const drawing = drawForm({ year, ...(options.deptName ? { deptName: options.deptName } : {}), ...(options.rows ? { rows: options.rows } : {}) });
    const printSetup = isSupported(PRINT_SETUP_VERSION);
    if (!printSetup) notes.push(say.noPrintSetup());
    if (!probe && (options.nativeRules ?? true)) notes.push(say.noDataValidation());
    const nativeRules = queueInsert(context, sheet, drawing, isSupported, probe, false);
    if (nativeRules && nativeRules.namesTaken.length > 0) notes.push(say.namesTaken(nativeRules.namesTaken));
    try {
      await asOwnWrite(() => context.sync());
    } catch (e) {
      // The active sheet gets the whole form (then the insert did succeed); a new sheet is taken away again.
      const completed = await undoOrComplete(intoActive ? { sheetName } : null, sheetName, drawing, isSupported, probe, nativeRules).catch(() => false);
      if (!completed) throw e;
    }

    return {
      sheetName,
      newSheet: !intoActive,
      year,
      indicatorRows: { first: drawing.indicatorRows.first + 1, last: drawing.indicatorRows.last + 1 },
      printSetup,
      nativeRules,
      notes,
    };
  });
}

/**
 * After a failed write: a new sheet is deleted, with the lists sheet and names this insert added; the active
 * sheet (empty before) gets the whole form written again.
 */
async function undoOrComplete(
  active: { sheetName: string } | null,
  sheetName: string,
  drawing: FormDrawing,
  isSupported: (v: string) => boolean,
  probe: NativeRulesProbe | null,
  queued: QueuedNativeRules | null,
): Promise<boolean> {
  return Excel.run(async (context) => {
    const workbook = context.workbook;
    if (active) {
      const sheet = workbook.worksheets.getItem(active.sheetName);
      const fresh = probe ? probeNativeRules(context, sheet) : null;
      await context.sync();
      queueInsert(context, sheet, drawing, isSupported, fresh, true);
      await asOwnWrite(() => context.sync());
      return true;
    }
    {
      workbook.worksheets.getItemOrNullObject(sheetName).delete();
      if (queued?.listsSheetAdded) workbook.worksheets.getItemOrNullObject(LISTS_SHEET).delete();
      for (const name of queued?.namesAdded ?? []) workbook.names.getItemOrNullObject(name).delete();
    }
    await asOwnWrite(() => context.sync());
    return false;
  });
}
