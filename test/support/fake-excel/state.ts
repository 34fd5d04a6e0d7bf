// The workbook as the fake host holds it: plain data that tests can assert on, plus the edits Excel makes to it.

import { MAX_COLS, Rect, contains, intersects, rows as rowCount, cols as colCount, shiftFormulaRows, subtract } from "./address";
import { officeError } from "./errors";

export type Scalar = string | number | boolean;

export interface CellFormat {
  fontName: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  /** null = no fill. */
  fill: string | null;
  horizontal: string;
  vertical: string;
  wrap: boolean;
}

export interface CellState {
  value: Scalar;
  /** The formula when the cell holds one (starts with "="), else null. */
  formula: string | null;
  numberFormat: string;
  format: CellFormat;
}

export interface BorderState {
  style: string;
  color: string;
  weight: string;
}

export interface ValidationRuleState {
  list?: { inCellDropDown: boolean; source: string };
  custom?: { formula: string };
  other?: { kind: string; json: string };
}

export interface ValidationState {
  id: number;
  rects: Rect[];
  rule: ValidationRuleState | null;
  prompt: { message: string; showPrompt: boolean; title: string };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatState {
  id: string;
  rects: Rect[];
  type: string;
  formula: string | null;
  fillColor: string | null;
  fontColor: string | null;
  bold: boolean | null;
  /** 0 is evaluated first; a new format gets 0 and the others move down (docs: ConditionalFormat.priority). */
  priority: number;
  stopIfTrue: boolean;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  printTitleRows: string | null;
  printArea: string | null;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  centerVertically: boolean;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** Cells left unlocked (Format Cells › Protection) before the sheet was protected: the user may type there. */
  unlocked?: Rect[];
  cells: Map<number, CellState>;
  /** Horizontal edges: key (line above row r, column c); vertical edges: key (row r, line left of column c). */
  hBorders: Map<number, BorderState>;
  vBorders: Map<number, BorderState>;
  merges: Rect[];
  validations: ValidationState[];
  conditionalFormats: ConditionalFormatState[];
  pageLayout: PageLayoutState;
  freeze: { rows: number; columns: number };
  rowHeights: Map<number, number>;
  columnWidths: Map<number, number>;
}

export interface NameState {
  name: string;
  /** "=Sheet1!$A$1:$A$4" */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface WorkbookState {
  sheets: SheetState[];
  names: NameState[];
  activeSheetId: string;
  selection: { sheetId: string; rect: Rect };
  nextSheetId: number;
  nextRuleId: number;
  /** Review › Protect Workbook (structure): sheets cannot be added, copied, deleted, renamed, moved or hidden. */
  structureProtected?: boolean;
}

export const DEFAULT_ROW_HEIGHT = 15;
export const DEFAULT_COLUMN_WIDTH = 48;

export function defaultFormat(): CellFormat {
  return {
    fontName: "等线",
    fontSize: 11,
    bold: false,
    italic: false,
    fontColor: "#000000",
    fill: null,
    horizontal: "General",
    vertical: "Bottom",
    wrap: false,
  };
}

export function emptyCell(): CellState {
  return { value: "", formula: null, numberFormat: "General", format: defaultFormat() };
}

export const key = (row: number, col: number): number => row * MAX_COLS + col;
export const rowOf = (k: number): number => Math.floor(k / MAX_COLS);
export const colOf = (k: number): number => k % MAX_COLS;

export function newSheet(state: WorkbookState, name: string): SheetState {
  const id = `{FAKE-SHEET-${String(state.nextSheetId++).padStart(4, "0")}}`;
  return {
    id,
    name,
    visibility: "Visible",
    protected: false,
    cells: new Map(),
    hBorders: new Map(),
    vBorders: new Map(),
    merges: [],
    validations: [],
    conditionalFormats: [],
    pageLayout: {
      orientation: "Portrait",
      paperSize: "Letter",
      printTitleRows: null,
      printArea: null,
      zoom: { scale: 100 },
      centerHorizontally: false,
      centerVertically: false,
    },
    freeze: { rows: 0, columns: 0 },
    rowHeights: new Map(),
    columnWidths: new Map(),
  };
}

export function cellAt(sheet: SheetState, row: number, col: number): CellState | undefined {
  return sheet.cells.get(key(row, col));
}

export function ensureCell(sheet: SheetState, row: number, col: number): CellState {
  const k = key(row, col);
  let c = sheet.cells.get(k);
  if (!c) {
    c = emptyCell();
    sheet.cells.set(k, c);
  }
  return c;
}

/** Visits every cell position of a rect; refuses rects the fake would have to store cell by cell beyond reason. */
export function forEachCell(r: Rect, visit: (row: number, col: number) => void): void {
  if (rowCount(r) * colCount(r) > 2_000_000) {
    throw officeError("InvalidArgument", "Range", "The fake Excel refuses per-cell work on more than 2,000,000 cells.");
  }
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) visit(row, col);
}

export function isBlank(c: CellState | undefined): boolean {
  return !c || (c.formula === null && c.value === "");
}

function isDefaultFormat(c: CellState): boolean {
  const d = defaultFormat();
  const f = c.format;
  return (
    c.numberFormat === "General" &&
    f.fontName === d.fontName &&
    f.fontSize === d.fontSize &&
    f.bold === d.bold &&
    f.italic === d.italic &&
    f.fontColor === d.fontColor &&
    f.fill === d.fill &&
    f.horizontal === d.horizontal &&
    f.vertical === d.vertical &&
    f.wrap === d.wrap
  );
}

/** Bounding box of cells with values (valuesOnly) or with values or formats; null when there are none. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [k, c] of sheet.cells) {
    if (isBlank(c) && (valuesOnly || isDefaultFormat(c))) continue;
    const row = rowOf(k);
    const col = colOf(k);
    r = r
      ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) }
      : { top: row, left: col, bottom: row, right: col };
  }
  return r;
}

/**
 * What a string becomes when written to `values`: Range.values docs (@types/office-js): "If the returned value
 * starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula." Like
 * typing, numeric text becomes a number and "95%" becomes 0.95 with a percent format, unless the cell is
 * formatted as text ("@"); a leading apostrophe keeps the rest as text.
 */
export function interpretInput(input: Scalar, numberFormat: string): { value: Scalar; formula: string | null; numberFormat?: string } {
  if (typeof input !== "string") return { value: input, formula: null };
  if (numberFormat === "@") return { value: input, formula: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(input.trim())) return { value: Number(input.trim()), formula: null };
  const pct = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/.exec(input.trim());
  if (pct && pct[1]) {
    return { value: Number(pct[1]) / 100, formula: null, ...(numberFormat === "General" ? { numberFormat: "0%" } : {}) };
  }
  if (input.length > 1 && input.startsWith("=")) return { value: "", formula: input };
  if (input.length > 1 && (input.startsWith("+") || input.startsWith("-"))) return { value: "", formula: `=${input}` };
  return { value: input, formula: null };
}

/** The text Excel shows for a cell (Range.text), for the number formats the add-in uses. */
export function displayText(c: CellState | undefined): string {
  if (!c) return "";
  const v = c.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    if (/%$/.test(c.numberFormat)) {
      const decimals = /\.(0+)%$/.exec(c.numberFormat)?.[1]?.length ?? 0;
      return `${(v * 100).toFixed(decimals)}%`;
    }
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  }
  return v;
}

export function mergeAt(sheet: SheetState, row: number, col: number): Rect | undefined {
  return sheet.merges.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
}

// ---------- rules that cover areas ----------

export function validationAt(sheet: SheetState, row: number, col: number): ValidationState | undefined {
  const cell = { top: row, left: col, bottom: row, right: col };
  return sheet.validations.find((v) => v.rects.some((r) => intersects(r, cell)));
}

/** Takes `area` out of every validation (DataValidation.clear: "removes validation only where ranges overlap"). */
export function clearValidation(sheet: SheetState, area: Rect): void {
  for (const v of sheet.validations) v.rects = v.rects.flatMap((r) => subtract(r, area));
  sheet.validations = sheet.validations.filter((v) => v.rects.length > 0);
}

/** The validation covering exactly `area`, splitting it off whatever covered those cells before. */
export function validationFor(state: WorkbookState, sheet: SheetState, area: Rect): ValidationState {
  const exact = sheet.validations.find((v) => v.rects.length === 1 && contains(v.rects[0] as Rect, area) && contains(area, v.rects[0] as Rect));
  if (exact) return exact;
  const inherited = (() => {
    const first = validationAt(sheet, area.top, area.left);
    return first ? { ...first, prompt: { ...first.prompt }, errorAlert: { ...first.errorAlert } } : null;
  })();
  clearValidation(sheet, area);
  const v: ValidationState = {
    id: state.nextRuleId++,
    rects: [area],
    rule: inherited?.rule ?? null,
    prompt: inherited?.prompt ?? { message: "", showPrompt: false, title: "" },
    errorAlert: inherited?.errorAlert ?? { message: "", showAlert: true, style: "Stop", title: "" },
    ignoreBlanks: inherited?.ignoreBlanks ?? true,
  };
  sheet.validations.push(v);
  return v;
}

/** True when the cells of `area` do not all carry the same validation (or all none). */
export function validationMixed(sheet: SheetState, area: Rect): boolean {
  const touching = sheet.validations.filter((v) => v.rects.some((r) => intersects(r, area)));
  if (touching.length === 0) return false;
  if (touching.length > 1) return true;
  const only = touching[0] as ValidationState;
  let covered = [area];
  for (const r of only.rects) covered = covered.flatMap((c) => subtract(c, r));
  return covered.length > 0;
}

// ---------- inserting rows ----------

function shiftRect(r: Rect, at: number, count: number): Rect {
  if (r.top >= at) return { ...r, top: r.top + count, bottom: r.bottom + count };
  if (r.bottom >= at) return { ...r, bottom: r.bottom + count }; // rows inserted inside: the area grows
  return r;
}

function shiftMap<T>(m: Map<number, T>, at: number, count: number, rowOfKey: (k: number) => number, rekey: (k: number, d: number) => number): Map<number, T> {
  const out = new Map<number, T>();
  for (const [k, v] of m) out.set(rowOfKey(k) >= at ? rekey(k, count) : k, v);
  return out;
}

/**
 * Inserts `count` entire rows before row `at`, as Excel does: cells, row heights and borders move down; merges,
 * validations and conditional formats that start below move down, and those that span the insertion point grow;
 * references in formulas, rule formulas and names move with the cells they point at. Inserted rows take the
 * format of the row above (Excel's default "Format Same As Above").
 */
export function insertRows(state: WorkbookState, sheet: SheetState, at: number, count: number): void {
  const rekey = (k: number, d: number) => k + d * MAX_COLS;
  sheet.cells = shiftMap(sheet.cells, at, count, rowOf, rekey);
  if (at > 0) {
    for (const [k, c] of [...sheet.cells]) {
      if (rowOf(k) !== at - 1) continue;
      for (let i = 0; i < count; i++) {
        sheet.cells.set(key(at + i, colOf(k)), { value: "", formula: null, numberFormat: c.numberFormat, format: { ...c.format } });
      }
    }
  }
  const oldH = sheet.hBorders;
  sheet.hBorders = shiftMap(oldH, at, count, rowOf, rekey);
  sheet.vBorders = shiftMap(sheet.vBorders, at, count, rowOf, rekey);
  if (at > 0) {
    // The new rows' edges copy the row above: its vertical edges, and the line under it between each new row.
    for (const [k, b] of oldH) {
      if (rowOf(k) !== at) continue;
      for (let i = 0; i < count; i++) sheet.hBorders.set(key(at + i, colOf(k)), { ...b });
    }
    for (const [k, b] of [...sheet.vBorders]) {
      if (rowOf(k) !== at - 1) continue;
      for (let i = 0; i < count; i++) sheet.vBorders.set(key(at + i, colOf(k)), { ...b });
    }
  }
  const heights = new Map<number, number>();
  for (const [r, h] of sheet.rowHeights) heights.set(r >= at ? r + count : r, h);
  sheet.rowHeights = heights;
  sheet.merges = sheet.merges.map((m) => shiftRect(m, at, count));
  for (const v of sheet.validations) {
    v.rects = v.rects.map((r) => shiftRect(r, at, count));
    if (v.rule?.custom) v.rule.custom.formula = shiftFormulaRows(v.rule.custom.formula, sheet.name, sheet.name, at, count);
    if (v.rule?.list) v.rule.list.source = shiftFormulaRows(v.rule.list.source, sheet.name, sheet.name, at, count);
  }
  for (const cf of sheet.conditionalFormats) {
    cf.rects = cf.rects.map((r) => shiftRect(r, at, count));
    if (cf.formula) cf.formula = shiftFormulaRows(cf.formula, sheet.name, sheet.name, at, count);
  }
  for (const s of state.sheets) {
    for (const c of s.cells.values()) if (c.formula) c.formula = shiftFormulaRows(c.formula, s.name, sheet.name, at, count);
  }
  for (const n of state.names) n.formula = shiftFormulaRows(n.formula, null, sheet.name, at, count);
}

// ---------- copies ----------

export function cloneSheet(src: SheetState, id: string, name: string): SheetState {
  const cells = new Map<number, CellState>();
  for (const [k, c] of src.cells) cells.set(k, { ...c, format: { ...c.format } });
  return {
    id,
    name,
    visibility: src.visibility,
    protected: false,
    cells,
    hBorders: new Map([...src.hBorders].map(([k, b]) => [k, { ...b }])),
    vBorders: new Map([...src.vBorders].map(([k, b]) => [k, { ...b }])),
    merges: src.merges.map((m) => ({ ...m })),
    validations: src.validations.map((v) => ({
      ...v,
      rects: v.rects.map((r) => ({ ...r })),
      rule: v.rule ? (JSON.parse(JSON.stringify(v.rule)) as ValidationRuleState) : null,
      prompt: { ...v.prompt },
      errorAlert: { ...v.errorAlert },
    })),
    conditionalFormats: src.conditionalFormats.map((cf) => ({ ...cf, id: `${cf.id}-copy`, rects: cf.rects.map((r) => ({ ...r })) })),
    pageLayout: { ...src.pageLayout, zoom: { ...src.pageLayout.zoom } },
    freeze: { ...src.freeze },
    rowHeights: new Map(src.rowHeights),
    columnWidths: new Map(src.columnWidths),
  };
}

/** A JSON-friendly copy of a sheet, for "unchanged" assertions. */
export function sheetSnapshot(s: SheetState): unknown {
  const sortEntries = <T>(m: Map<number, T>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
  return {
    id: s.id,
    name: s.name,
    visibility: s.visibility,
    protected: s.protected,
    cells: sortEntries(s.cells),
    hBorders: sortEntries(s.hBorders),
    vBorders: sortEntries(s.vBorders),
    merges: s.merges,
    validations: s.validations,
    conditionalFormats: s.conditionalFormats,
    pageLayout: s.pageLayout,
    freeze: s.freeze,
    rowHeights: sortEntries(s.rowHeights),
    columnWidths: sortEntries(s.columnWidths),
  };
}
