// 评（扣）分标准：write generated standards into the 评（扣）分标准 cells of indicator rows, read the
// selected rows for the pane. One read round trip and one write round trip, however many rows.

import type { Form, IndicatorRow } from "../domain/form";
import { a1, type Grid } from "../domain/grid";
import { readForms } from "../domain/reader";
import { defaultMethodFor, indicatorSlots, renderStandard, sharePoints, statedPoints, type ScoringMethod } from "../domain/scoring";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { ExcelOperationError, type Result } from "./errors";
import { formAnchor, formAtRow, formsOf, pointsTotal, queueActiveSheetRead, queueSelectedRows } from "./formInfo";
import { asOwnWrite } from "./ownWrites";
import { refuseIfProtectedIn, runExcel, type HostOptions } from "./run";
import { queueTextWrites, type TextCell } from "./textCells";
import { selfEvalScoresAt, type SelfEvalRowScore } from "./selfevalScores";
import { readRestOfSheet, sheetGridOf, syncFirstRead, type QueuedSheetRead } from "./sheetGrid";
import { OPERATION_NAMES, type ExcelMessages, type Language } from "./messages";

export type StandardsTarget = "selection" | { rows: readonly number[] };

export interface WriteStandardsOptions extends HostOptions {
  /** Replace a standard that is already there (default false: such rows are skipped). */
  overwrite?: boolean;
  /** For `method: "default"` and fillBlankStandards: the expected total the suggested points share out. */
  settings?: Settings;
}

export interface StandardsOutcome {
  sheetName: string;
  /** Cells written (A1) and rows skipped because a standard was already there (1-based sheet rows). */
  written: string[];
  skippedRows: number[];
  /** Rows not written because their cells slid out of their columns (fix the row first; 1-based). */
  shiftedRows: number[];
  /** Points of each form touched, after the write (null when none states points). */
  pointsTotal: number | null;
}

export interface SelectedIndicator {
  /** 1-based sheet row. */
  sheetRow: number;
  row: IndicatorRow;
  /** Points the row's standard states (or its 分值 cell), null when none. */
  points: number | null;
  /** The method suggested for the row, with its stated points or a share of what is left of the total. */
  defaultMethod: ScoringMethod;
}

export interface SelectionRows {
  sheetName: string;
  /** Where the form holding the selection starts (A1). */
  formAnchor: string;
  rows: SelectedIndicator[];
  /** Running total of the form's points, against settings.expectedTotal. */
  pointsTotal: number | null;
  expectedTotal: number;
}

/** Points for rows that state none, shared over every indicator row of the form (blank template rows too). */
function sharesFor(grid: Grid, form: Form, rows: readonly IndicatorRow[], expectedTotal: number): Map<IndicatorRow, number> {
  return sharePoints(form, rows, expectedTotal, indicatorSlots(grid, form));
}

function standardColumn(form: Form, say: ExcelMessages): number {
  const col = form.columns.scoringStandard;
  if (col === undefined) {
    throw new ExcelOperationError("no-form", say.noStandardColumn(formAnchor(form)));
  }
  return col;
}

function plan(
  grid: Grid,
  form: Form,
  rows: readonly IndicatorRow[],
  method: ScoringMethod | "default",
  overwrite: boolean,
  expectedTotal: number,
  say: ExcelMessages,
): { planned: TextCell[]; skippedRows: number[]; shiftedRows: number[] } {
  const col = standardColumn(form, say);
  const shares = method === "default" ? sharesFor(grid, form, rows, expectedTotal) : new Map<IndicatorRow, number>();
  const planned: TextCell[] = [];
  const skippedRows: number[] = [];
  const shiftedRows: number[] = [];
  for (const row of rows) {
    // A slid row's 评（扣）分标准 cell may hold another field's text: never write over it.
    if (row.realignment !== null) {
      shiftedRows.push(row.row + 1);
      continue;
    }
    if (row.values.scoringStandard !== "" && !overwrite) {
      skippedRows.push(row.row + 1);
      continue;
    }
    const m = method === "default" ? defaultMethodFor(row, statedPoints(form, row) ?? shares.get(row) ?? 10) : method;
    planned.push({ row: row.row, col, text: renderStandard(m) });
  }
  return { planned, skippedRows, shiftedRows };
}

/** Grid with the planned texts in place, to report the new running total. */
function withPlanned(grid: Grid, planned: readonly TextCell[]): Grid {
  const copy = grid.map((r) => [...r]);
  for (const p of planned) {
    const row = copy[p.row] ?? [];
    while (row.length <= p.col) row.push(null);
    row[p.col] = p.text;
    copy[p.row] = row;
  }
  return copy;
}

function totalAfter(grid: Grid, planned: readonly TextCell[], anchors: ReadonlySet<string>): number | null {
  const forms = readForms(withPlanned(grid, planned)).filter((f) => anchors.has(formAnchor(f)));
  const totals = forms.map(pointsTotal).filter((t): t is number => t !== null);
  return totals.length === 0 ? null : Math.round(totals.reduce((a, b) => a + b, 0) * 100) / 100;
}

/** 写入评（扣）分标准：为选中的（或给定的 1-based 行号的）指标行写入一种方法的文字，或每行的建议方法。 */
export function writeStandards(
  target: StandardsTarget,
  method: ScoringMethod | "default",
  options: WriteStandardsOptions = {},
): Promise<Result<StandardsOutcome>> {
  return runExcel(OPERATION_NAMES.writeStandards, "scoring", options, async (context, _isSupported, { language, messages: say }) => {
    const { read, selection } = await syncFirstRead(context, (rows) => ({
      read: queueActiveSheetRead(context, { bounded: rows }),
      selection: target === "selection" ? queueSelectedRows(context) : null,
    }));
    await readRestOfSheet(context, read);

    const { grid, forms } = formsOf(read, language);
    const wanted = selection
      ? rowRange(selection.rowIndex, selection.rowCount)
      : new Set((target as { rows: readonly number[] }).rows.map((r) => r - 1));
    const planned: TextCell[] = [];
    const skippedRows: number[] = [];
    const shiftedRows: number[] = [];
    const touched = new Set<string>();
    for (const form of forms) {
      const rows = form.rows.filter((r) => wanted.has(r.row));
      if (rows.length === 0) continue;
      touched.add(formAnchor(form));
      const p = plan(grid, form, rows, method, options.overwrite ?? false, (options.settings ?? DEFAULT_SETTINGS).expectedTotal, say);
      planned.push(...p.planned);
      skippedRows.push(...p.skippedRows);
      shiftedRows.push(...p.shiftedRows);
    }
    if (touched.size === 0) {
      throw new ExcelOperationError("no-selection", say.noIndicatorSelected());
    }
    return {
      sheetName: read.sheet.name,
      written: await writePlanned(context, read, planned, OPERATION_NAMES.writeStandards, language),
      skippedRows,
      shiftedRows,
      pointsTotal: totalAfter(grid, planned, touched),
    };
  });
}

/** The one write sync of a standards operation (none when nothing is planned); the cells written (A1). */
async function writePlanned(
  context: Excel.RequestContext,
  read: QueuedSheetRead,
  planned: readonly TextCell[],
  operation: string,
  language: Language,
): Promise<string[]> {
  if (planned.length > 0) {
    refuseIfProtectedIn(read, operation, language);
    queueTextWrites(read.sheet, planned);
    await asOwnWrite(() => context.sync());
  }
  return planned.map((p) => a1(p.row, p.col));
}

/** Rows first … first + count − 1 (0-based), without listing them: a whole column is a million rows. */
function rowRange(first: number, count: number): { has(row: number): boolean } {
  return { has: (row) => row >= first && row < first + count };
}

/** 补齐空白评分标准：为当前工作表每张表中评（扣）分标准为空的指标行写入建议的标准（已有的不动）。 */
export function fillBlankStandards(options: Omit<WriteStandardsOptions, "overwrite"> = {}): Promise<Result<StandardsOutcome>> {
  return runExcel(OPERATION_NAMES.fillStandards, "scoring", options, async (context, _isSupported, { language, messages: say }) => {
    const read = await syncFirstRead(context, (rows) => queueActiveSheetRead(context, { bounded: rows }));
    await readRestOfSheet(context, read);

    const { grid, forms } = formsOf(read, language);
    const expected = (options.settings ?? DEFAULT_SETTINGS).expectedTotal;
    const planned: TextCell[] = [];
    const shiftedRows: number[] = [];
    for (const form of forms) {
      const blank = form.rows.filter((r) => r.values.scoringStandard === "");
      if (blank.length === 0) continue;
      const p = plan(grid, form, blank, "default", false, expected, say);
      planned.push(...p.planned);
      shiftedRows.push(...p.shiftedRows);
    }
    return {
      sheetName: read.sheet.name,
      written: await writePlanned(context, read, planned, OPERATION_NAMES.fillStandards, language),
      skippedRows: [],
      shiftedRows,
      pointsTotal: totalAfter(grid, planned, new Set(forms.map(formAnchor))),
    };
  });
}

/** 读取选中的指标行：每行的内容、已写明的分值和建议的赋分方法，以及该表的分值合计（一次读取）。 */
export function readSelectionRows(options: { settings?: Settings } & HostOptions = {}): Promise<Result<SelectionRows>> {
  return runExcel(OPERATION_NAMES.readSelection, "scoring", options, async (context, _isSupported, { language, messages: say }) => {
    const { read, selection } = await readWithSelection(context);
    return selectionRowsOf(read, selection, options.settings, language, say);
  });
}

/** The selected rows of a self-evaluation sheet: each with its computed score and why (nothing to write). */
export interface SelfEvalSelection {
  kind: "selfeval";
  sheetName: string;
  rows: SelfEvalRowScore[];
}

/**
 * What 评分标准 shows for the selection, in one read: on a self-evaluation sheet the selected rows' computed
 * scores, else the selected target-form rows (as readSelectionRows).
 */
export function readScoringSelection(
  options: { settings?: Settings } & HostOptions = {},
): Promise<Result<SelectionRows | SelfEvalSelection>> {
  return runExcel(OPERATION_NAMES.readSelection, "scoring", options, async (context, _isSupported, { language, messages: say }) => {
    const { read, selection } = await readWithSelection(context);
    const scores = selfEvalScoresAt(sheetGridOf(read), selection.rowIndex, selection.rowIndex + selection.rowCount - 1);
    if (scores) {
      if (scores.length === 0) throw new ExcelOperationError("no-selection", say.selectionOutsideSelfEval());
      return { kind: "selfeval" as const, sheetName: read.sheet.name, rows: scores };
    }
    return selectionRowsOf(read, selection, options.settings, language, say);
  });
}

async function readWithSelection(context: Excel.RequestContext): Promise<{ read: QueuedSheetRead; selection: Excel.Range }> {
  const queued = await syncFirstRead(context, (rows) => ({
    read: queueActiveSheetRead(context, { bounded: rows }),
    selection: queueSelectedRows(context),
  }));
  await readRestOfSheet(context, queued.read);
  return queued;
}

function selectionRowsOf(
  read: QueuedSheetRead,
  selection: Excel.Range,
  settings: Settings | undefined,
  language: Language,
  say: ExcelMessages,
): SelectionRows {
  const { grid, forms } = formsOf(read, language);
  const wanted = rowRange(selection.rowIndex, selection.rowCount);
  const form = formAtRow(forms, selection.rowIndex) ?? forms.find((f) => f.rows.some((r) => wanted.has(r.row)));
  if (!form) {
    throw new ExcelOperationError("no-selection", say.selectionOutsideForm());
  }
  const expectedTotal = (settings ?? DEFAULT_SETTINGS).expectedTotal;
  const rows = form.rows.filter((r) => wanted.has(r.row));
  const shares = sharesFor(grid, form, rows, expectedTotal);
  return {
    sheetName: read.sheet.name,
    formAnchor: formAnchor(form),
    rows: rows.map((row) => {
      const points = statedPoints(form, row);
      return { sheetRow: row.row + 1, row, points, defaultMethod: defaultMethodFor(row, points ?? shares.get(row) ?? 10) };
    }),
    pointsTotal: pointsTotal(form),
    expectedTotal,
  };
}

/** One row's standard as the pane previewed it: the 1-based sheet row and its method. */
export interface RowStandard {
  sheetRow: number;
  method: ScoringMethod;
}

export type RowStandardsOutcome =
  | (StandardsOutcome & { moved: false; rows: Array<{ sheetRow: number; label: string }> })
  /** The sheet's selection no longer holds exactly the previewed rows: nothing written. */
  | { moved: true; sheetName: string; selectedRows: number[] };

/**
 * 写入预览过的行：每行写入预览时的文字，只写这些行。`requireSelection`（默认 true）：工作表中选中的指标行
 * 必须正好是这些行，否则什么也不写并返回 moved（用户在预览之后移动了选区）。一次读取、一次写入。
 */
export function writeRowStandards(
  standards: readonly RowStandard[],
  options: { overwrite?: boolean; requireSelection?: boolean } & HostOptions = {},
): Promise<Result<RowStandardsOutcome>> {
  return runExcel(OPERATION_NAMES.writeStandards, "scoring", options, async (context, _isSupported, { language, messages: say }) => {
    const { read, selection } = await syncFirstRead(context, (rows) => ({
      read: queueActiveSheetRead(context, { bounded: rows }),
      selection: (options.requireSelection ?? true) ? queueSelectedRows(context) : null,
    }));
    await readRestOfSheet(context, read);

    const { grid, forms } = formsOf(read, language);
    const byRow = new Map(standards.map((s) => [s.sheetRow - 1, s.method]));
    if (selection) {
      const selected = rowRange(selection.rowIndex, selection.rowCount);
      const selectedRows = forms.flatMap((f) => f.rows.filter((r) => selected.has(r.row)).map((r) => r.row));
      const same = selectedRows.length === byRow.size && selectedRows.every((r) => byRow.has(r));
      if (!same) return { moved: true, sheetName: read.sheet.name, selectedRows: selectedRows.map((r) => r + 1) };
    }
    const planned: TextCell[] = [];
    const skippedRows: number[] = [];
    const shiftedRows: number[] = [];
    const rows: Array<{ sheetRow: number; label: string }> = [];
    const touched = new Set<string>();
    for (const form of forms) {
      const col = standardColumn(form, say);
      for (const row of form.rows) {
        const method = byRow.get(row.row);
        if (!method) continue;
        touched.add(formAnchor(form));
        if (row.realignment !== null) shiftedRows.push(row.row + 1);
        else if (row.values.scoringStandard !== "" && !options.overwrite) skippedRows.push(row.row + 1);
        else {
          planned.push({ row: row.row, col, text: renderStandard(method) });
          rows.push({ sheetRow: row.row + 1, label: row.values.level3 || row.level2 || row.level1 });
        }
      }
    }
    if (touched.size === 0) throw new ExcelOperationError("no-selection", say.noIndicatorSelected());
    return {
      moved: false,
      sheetName: read.sheet.name,
      written: await writePlanned(context, read, planned, OPERATION_NAMES.writeStandards, language),
      skippedRows,
      shiftedRows,
      pointsTotal: totalAfter(grid, planned, touched),
      rows,
    };
  });
}
