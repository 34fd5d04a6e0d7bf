// Reading a sheet's values in the one read sync of an operation, as a grid whose indices are sheet
// positions: the used range starts at its own top-left, so the grid is padded to start at A1 and every
// a1() the domain computes is already the sheet's address.
//
// Bounded reads: Excel on the web refuses a response over 5 MB (OFFICE-NOTES "Limits"), and every operation
// on a big sheet would fail. The operation's own read sync loads the used range's first WINDOW_ROWS rows
// (every form up to about a thousand indicator rows, in that one round trip); a longer sheet is read after it
// in slices sized from what the first rows weighed, each well under the limit (readRestOfSheet).

import { shownValue, type CellValue, type Grid } from "../domain/grid";
import { readForms } from "../domain/reader";

/** Rows read in the operation's own read sync. */
export const WINDOW_ROWS = 1200;
/** Bytes a later slice aims at: well under Excel on the web's 5 MB per response. */
export const SLICE_BYTES = 2 * 1024 * 1024;

interface Slice {
  /** 0-based sheet row and column of the slice's top-left cell. */
  top: number;
  left: number;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][] | null;
}

export interface QueuedSheetRead {
  sheet: Excel.Worksheet;
  /** The used range (values only): its position and size, and, when read whole, its values. */
  used: Excel.Range;
  /** Set for a bounded read: the first rows, then the slices readRestOfSheet adds. */
  window?: { range: Excel.Range; slices: Slice[]; withFormulas: boolean; complete: boolean };
}

/**
 * Queue the reads (no sync): the sheet's name and id, the used range's position and its values, number formats
 * (and formulas when asked). The number formats come in the same round trip so that a "95%" typed into a cell
 * (the number 0.95 in "0%") reaches the rules as "95%", as `jixiao check` reads it. With `bounded`, only the
 * first WINDOW_ROWS rows come in this sync: call readRestOfSheet after it.
 */
export function queueSheetRead(sheet: Excel.Worksheet, withFormulas = false, bounded: boolean | number = false): QueuedSheetRead {
  sheet.load("name,id");
  sheet.protection.load("protected");
  const used = sheet.getUsedRangeOrNullObject(true);
  if (!bounded) {
    if (withFormulas) used.load("values,numberFormat,formulas,rowIndex,columnIndex");
    else used.load("values,numberFormat,rowIndex,columnIndex");
    return { sheet, used };
  }
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  // The used range's first rows: intersected with the top of the sheet, so nothing below is sent.
  const range = used.getIntersectionOrNullObject(`1:${typeof bounded === "number" ? bounded : WINDOW_ROWS}`);
  loadCells(range, withFormulas);
  return { sheet, used, window: { range, slices: [], withFormulas, complete: false } };
}

/**
 * After the caller's sync, for a bounded read: reads the rest of the used range in slices, one round trip each
 * (none when the first rows held it all). `onProgress` hears rows read so far and the total.
 */
export async function readRestOfSheet(context: Excel.RequestContext, read: QueuedSheetRead, onProgress?: (rows: number, total: number) => void): Promise<void> {
  const w = read.window;
  if (!w || w.complete) return;
  w.complete = true;
  if (read.used.isNullObject) return;
  const top = read.used.rowIndex;
  const bottom = top + read.used.rowCount - 1;
  let next = top;
  let bytesPerRow = 1;
  let left = read.used.columnIndex;
  let width = read.used.columnCount;
  if (!w.range.isNullObject) {
    const first = loadedSlice(w.range, w.range.rowIndex, left, w.withFormulas);
    const values = first.values;
    w.slices.push(first);
    next = w.range.rowIndex + values.length;
    bytesPerRow = Math.max(1, weight(values) / Math.max(1, values.length)) * (w.withFormulas ? 3 : 2);
    // Below the first rows only the forms' columns and a margin are read (the rows of a long form).
    const band = formsBand(w.slices, left, left + width - 1);
    if (band) {
      left = band.left;
      width = band.right - band.left + 1;
      bytesPerRow = Math.max(1, (bytesPerRow * width) / read.used.columnCount);
    }
  }
  while (next <= bottom) {
    onProgress?.(next - top, bottom - top + 1);
    // At least 50 rows a slice, never past the used range's last row.
    const rows = Math.min(bottom - next + 1, Math.max(50, Math.floor(SLICE_BYTES / bytesPerRow)));
    const range = read.sheet.getRangeByIndexes(next, left, rows, width);
    loadCells(range, w.withFormulas);
    // One slice per round trip: each response stays under the limit (a loop of syncs is the point here).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    const slice = loadedSlice(range, next, left, w.withFormulas);
    const values = slice.values;
    w.slices.push(slice);
    bytesPerRow = Math.max(bytesPerRow, (weight(values) / Math.max(1, values.length)) * (w.withFormulas ? 3 : 2));
    next += rows;
  }
  onProgress?.(bottom - top + 1, bottom - top + 1);
}

/** First rows to read when the first WINDOW_ROWS were too much for one response (very long texts). */
const SMALL_WINDOW_ROWS = 50;

/**
 * The operation's read sync for a bounded read: `queue(windowRows)` queues the operation's reads (its
 * queueSheetRead with `windowRows` included). When the response is refused for its size (rows of very long
 * texts), the reads are queued again with a small window and sent once more; the rest comes in slices.
 */
export async function syncFirstRead<T>(context: Excel.RequestContext, queue: (windowRows: number) => T): Promise<T> {
  const handles = queue(WINDOW_ROWS);
  try {
    await context.sync();
    return handles;
  } catch (e) {
    if ((e as { code?: string }).code !== "ResponsePayloadSizeLimitExceeded") throw e;
  }
  const small = queue(SMALL_WINDOW_ROWS);
  await context.sync();
  return small;
}

/** Queue the load of what the grid needs from `range`. */
function loadCells(range: Excel.Range, withFormulas: boolean): void {
  if (withFormulas) range.load("values,numberFormat,formulas,rowIndex");
  else range.load("values,numberFormat,rowIndex");
}

/** Columns either side of the forms read below the first rows. */
const MARGIN_COLUMNS = 3;

/** The forms' columns in the first rows, widened by the margin and kept within the used range; null when none. */
function formsBand(slices: readonly Slice[], usedLeft: number, usedRight: number): { left: number; right: number } | null {
  const grid: CellValue[][] = [];
  for (const s of slices) place(grid, s.top, s.left, s.values as CellValue[][]);
  const cols = readForms(grid).flatMap((f) => Object.values(f.columns).filter((c): c is number => typeof c === "number"));
  if (cols.length === 0) return null;
  return { left: Math.max(usedLeft, Math.min(...cols) - MARGIN_COLUMNS), right: Math.min(usedRight, Math.max(...cols) + MARGIN_COLUMNS) };
}

/** A range loaded by loadCells, as a slice whose top-left cell is (`top`, `left`) (after the sync). */
/* eslint-disable office-addins/load-object-before-read -- loaded by loadCells before the caller's sync */
function loadedSlice(range: Excel.Range, top: number, left: number, withFormulas: boolean): Slice {
  return {
    top,
    left,
    values: range.values as unknown[][],
    numberFormat: range.numberFormat as unknown[][],
    formulas: withFormulas ? (range.formulas as unknown[][]) : null,
  };
}
/* eslint-enable office-addins/load-object-before-read */

/** Rough UTF-8 bytes of loaded values (Chinese text three bytes a character). */
function weight(values: unknown[][]): number {
  let n = 0;
  for (const row of values) for (const v of row) n += typeof v === "string" ? v.length * 3 + 3 : 8;
  return n;
}

/** The rows read, in sheet order: the used range whole, or the slices of a bounded read. */
function slicesOf(read: QueuedSheetRead): Slice[] {
  if (read.used.isNullObject) return [];
  if (!read.window) {
    const formulas = (() => {
      try {
        return read.used.formulas as unknown[][];
      } catch {
        return null; // not loaded: the operation did not ask for formulas
      }
    })();
    return [{ top: read.used.rowIndex, left: read.used.columnIndex, values: read.used.values as unknown[][], numberFormat: read.used.numberFormat as unknown[][], formulas }];
  }
  if (!read.window.complete) throw new Error("readRestOfSheet must run before the grid is used");
  return read.window.slices;
}

/**
 * The loaded values as a sheet-anchored grid (empty when the sheet has no values), numbers in a percent format
 * as the text the user sees ("95%"). Call after the sync (and readRestOfSheet for a bounded read).
 */
export function sheetGridOf(read: QueuedSheetRead): Grid {
  const grid: CellValue[][] = [];
  for (const s of slicesOf(read)) {
    const shown = s.values.map((row, r) => row.map((v, c) => shownValue(v as CellValue, formatAt(s.numberFormat, r, c))));
    place(grid, s.top, s.left, shown);
  }
  return grid;
}

/** A cell's number format; Office.js gives a string per cell (null only for a multi-cell property read). */
function formatAt(formats: unknown[][], row: number, col: number): string | null {
  const f = formats[row]?.[col];
  return typeof f === "string" ? f : null;
}

/** The loaded formulas, sheet-anchored like sheetGridOf. */
export function sheetFormulasOf(read: QueuedSheetRead): Grid {
  const grid: CellValue[][] = [];
  for (const s of slicesOf(read)) place(grid, s.top, s.left, (s.formulas ?? []) as CellValue[][]);
  return grid;
}

function place(grid: CellValue[][], top: number, left: number, rows: CellValue[][]): void {
  const pad: CellValue[] = new Array<CellValue>(left).fill(null);
  while (grid.length < top) grid.push([]);
  rows.forEach((row, i) => (grid[top + i] = left > 0 ? pad.concat(row) : row));
}

/** The cell (0-based sheet position) as loaded: its value and formula. */
function loadedCell(read: QueuedSheetRead, row: number, col: number): { value: unknown; formula: unknown } {
  if (read.used.isNullObject) return { value: undefined, formula: undefined };
  for (const s of slicesOf(read)) {
    const r = row - s.top;
    if (r < 0 || r >= s.values.length) continue;
    const c = col - s.left;
    return { value: s.values[r]?.[c], formula: s.formulas?.[r]?.[c] };
  }
  return { value: undefined, formula: undefined };
}

/** Whether the sheet cell (0-based) holds a number (Range.values), whatever text the grid shows for it. */
export function isNumberCell(read: QueuedSheetRead, row: number, col: number): boolean {
  return typeof loadedCell(read, row, col).value === "number";
}

/**
 * Whether the sheet cell (0-based) holds a formula (needs the formulas loaded). Range.formulas gives a text typed
 * with a leading apostrophe ('=…) without it, exactly as the cell's value (OfficeDev/office-js #6687): such a cell
 * is text, told apart from a formula, whose value is its result, by the value being the formula text itself.
 */
export function isFormulaCell(read: QueuedSheetRead, row: number, col: number): boolean {
  const { value, formula } = loadedCell(read, row, col);
  if (typeof formula !== "string" || !formula.startsWith("=")) return false;
  return value !== formula;
}
