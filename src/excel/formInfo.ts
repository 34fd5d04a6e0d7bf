// Facts about a form read from a sheet that several operations need: where it starts and ends, its points.

import type { Form } from "../domain/form";
import { a1, cellText, type Grid } from "../domain/grid";
import { readForms } from "../domain/reader";
import { pointsOf } from "../domain/scoring";
import { ExcelOperationError } from "./errors";
import { excelMessages, type Language } from "./messages";
import { queueSheetRead, sheetGridOf, type QueuedSheetRead } from "./sheetGrid";

/**
 * Queue the reads an operation on the active sheet starts with (no sync): the sheet's values and, when
 * asked, the selection's rows. The caller adds its own reads and syncs once, then calls formsOf.
 */
export function queueActiveSheetRead(context: Excel.RequestContext, options: { formulas?: boolean; bounded?: boolean | number } = {}): QueuedSheetRead {
  return queueSheetRead(context.workbook.worksheets.getActiveWorksheet(), options.formulas ?? false, options.bounded ?? false);
}

/** Queue the selection's first row and row count (no sync). */
export function queueSelectedRows(context: Excel.RequestContext): Excel.Range {
  const selection = context.workbook.getSelectedRange();
  selection.load("rowIndex,rowCount");
  return selection;
}

/** After the caller's sync: the sheet as a grid and the forms on it (possibly none). */
export function sheetForms(read: QueuedSheetRead): { grid: Grid; forms: Form[] } {
  const grid = sheetGridOf(read);
  return { grid, forms: readForms(grid) };
}

/** After the caller's sync: the grid and its forms; throws "no-form" when the sheet holds none. */
export function formsOf(read: QueuedSheetRead, language: Language = "zh"): { grid: Grid; forms: [Form, ...Form[]] } {
  const { grid, forms } = sheetForms(read);
  const [first, ...rest] = forms;
  if (!first) throw new ExcelOperationError("no-form", excelMessages(language).noForm());
  return { grid, forms: [first, ...rest] };
}

/** The rows (0-based, inclusive) a form occupies: title and header fields down to the sign-off lines. */
export function formSpan(form: Form): { top: number; bottom: number } {
  const cells = [
    form.title.cell,
    form.year.cell,
    ...Object.values(form.header).map((f) => f.cell),
    ...Object.values(form.signoff).map((f) => f.cell),
  ].filter((c): c is { row: number; col: number } => c !== null);
  const rows = cells.map((c) => c.row);
  // lastRow is never above headerRow (reader), so each bound can take every row.
  return { top: Math.min(form.headerRow, ...rows), bottom: Math.max(form.lastRow, ...rows) };
}

/** Where the form begins (A1): its title, else its grid header. */
export function formAnchor(form: Form): string {
  const cell = form.title.cell;
  if (cell) return a1(cell.row, cell.col);
  const cols = Object.values(form.columns).filter((c): c is number => typeof c === "number");
  return a1(form.headerRow, cols.length > 0 ? Math.min(...cols) : 0);
}

/** Sum of the indicators' points (分值 column, else stated in the standards); null when no row states any. */
export function pointsTotal(form: Form): number | null {
  const hasPointsColumn = form.columns.points !== undefined;
  let total = 0;
  let any = false;
  for (const r of form.rows) {
    const p = hasPointsColumn ? r.points : pointsOf(r.values.scoringStandard);
    if (p === null) continue;
    total += p;
    any = true;
  }
  return any ? Math.round(total * 100) / 100 : null;
}

/** The form that holds sheet row `row` (0-based), if any. */
export function formAtRow(forms: readonly Form[], row: number): Form | undefined {
  return forms.find((f) => {
    const s = formSpan(f);
    return s.top <= row && row <= s.bottom;
  });
}

/** A cheap fingerprint of the form's rows in the grid, to tell whether anything in it changed. */
export function formFingerprint(grid: Grid, form: Form): string {
  const s = formSpan(form);
  let h = 0x811c9dc5;
  for (let r = s.top; r <= s.bottom; r++) {
    const row = grid[r] ?? [];
    // Stryker disable next-line EqualityOperator: the cell past the end is undefined, its text "" and skipped
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (t === "") continue;
      const piece = `${r},${c}:${t}\u0001`;
      for (let i = 0; i < piece.length; i++) {
        h ^= piece.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
    }
  }
  return `${s.top}-${s.bottom}-${h.toString(16)}`;
}
