// What the pane asks of the workbook, in the pane's own terms. api.ts maps these onto the Excel layer,
// so a change there stays in one file. Where the pane's type is the Excel layer's or a part of it, it is
// derived from it here rather than restated.
import type { ScoringMethod } from "../domain/scoring/schema";
import type { CheckedForm as ExcelCheckedForm, CheckReport as ExcelCheckReport } from "../excel/check";
import type { CellEdit, NextYearChange as ExcelNextYearChange } from "../excel/fiscal";
import type { SelectedIndicator, SelectionRows, SelfEvalSelection } from "../excel/scoring";
import type { SelfEvalRowScore } from "../excel/selfevalScores";

/** A failure the user can act on: a Chinese message and, when it applies, the cell. */
export interface PaneFailure {
  message: string;
  cell?: string;
  /** The Excel layer's error code ("no-form", "no-selection" …), when there is one. */
  code?: string;
}
export type PaneResult<T> = { ok: true; value: T } | { ok: false; error: PaneFailure };

/** A form's result as the pane shows it: where it starts, its findings, its points. */
export type CheckedForm = Pick<ExcelCheckedForm, "anchor" | "findings" | "pointsTotal" | "rowLabels" | "year">;

/** The sheet's check; `findings` holds every finding, including ones not tied to a form (form-not-found). */
export type CheckReport = Pick<ExcelCheckReport, "sheetName" | "findings"> & { forms: CheckedForm[] };

export type { SelectedIndicator, CellEdit, SelfEvalRowScore };

/** The indicator rows selected in the sheet, with the form's running total of points. */
export type SelectedRows = Pick<SelectionRows, "sheetName" | "rows" | "pointsTotal">;

/** A self-evaluation sheet's selected rows, each with its computed score and why. */
export type SelfEvalScores = Pick<SelfEvalSelection, "kind" | "sheetName" | "rows">;

/** The planned (or made) next-year sheet: its name, the edits and the formula cells left alone. */
export type NextYearChange = Omit<ExcelNextYearChange, "sourceSheetName">;

/** One row's standard as previewed: the 1-based sheet row and its method. */
export interface RowStandard {
  sheetRow: number;
  method: ScoringMethod;
}

/** Written rows named (row and indicator), or the selection moved since the preview and nothing was written. */
export type RowsWriteOutcome =
  | (WriteOutcome & { moved: false; rows: Array<{ sheetRow: number; label: string }> })
  | { moved: true; selectedRows: number[] };

export interface WriteOutcome {
  written: number;
  skipped: number;
  /** Points of the forms written to, after the write. */
  pointsTotal: number | null;
}

export interface Capability {
  /** Which operation (the pane names it in the user's words). */
  op: string;
  label: string;
  supported: boolean;
  /** What the user loses, in Chinese, when unsupported. */
  detail?: string;
}

export interface LiveCheck {
  stop(): void;
}

export interface PaneApi {
  insertForm(input: { year: number; deptName: string }): Promise<PaneResult<{ sheetName: string; notes: string[] }>>;
  setPrintMerges(merged: boolean): Promise<PaneResult<void>>;
  addIndicatorRows(count: number): Promise<PaneResult<{ added: number }>>;
  /** Null once checking's code (a chunk requested as the pane starts) has arrived; else a promise of its arrival. */
  engineReady(): Promise<void> | null;
  /** `onProgress` hears rows read so far and in all, on a sheet long enough to be read in slices. */
  check(expectedTotal: number, onProgress?: (rows: number, total: number) => void): Promise<PaneResult<CheckReport>>;
  /** 在表中标出: check and mark the cells native formats cannot show (only changed marks are written). */
  markFindings(expectedTotal: number): Promise<PaneResult<CheckReport>>;
  /** 清除标记: remove every check mark from the active sheet; the message says how many. */
  clearMarks(): Promise<PaneResult<{ removed: number; message: string }>>;
  /** Starts live checking; `initial`: check once at once (the box was just ticked, or remembered ticked). */
  startLiveCheck(expectedTotal: () => number, onReport: (report: PaneResult<CheckReport>) => void, initial: boolean): Promise<PaneResult<LiveCheck>>;
  /** Calls `onChange` when the sheet's selection or active sheet changes; fails below ExcelApi 1.9. */
  watchSelection(onChange: () => void): Promise<PaneResult<LiveCheck>>;
  /** Writes each previewed row's standard, refusing when the sheet's selection no longer holds exactly those rows. */
  writeRowStandards(rows: RowStandard[], overwrite: boolean): Promise<PaneResult<RowsWriteOutcome>>;
  loadLiveCheck(): boolean;
  saveLiveCheck(on: boolean): Promise<PaneResult<void>>;
  selectCell(sheetName: string, address: string): Promise<PaneResult<void>>;
  /** The selected rows: a target form's, or a self-evaluation sheet's with their scores (one read either way). */
  readSelection(expectedTotal: number): Promise<PaneResult<SelectedRows | SelfEvalScores>>;
  /** Writes into the indicator rows selected in the sheet now; `method: "default"` writes each row's suggestion. */
  writeStandards(method: ScoringMethod | "default", overwrite: boolean, expectedTotal: number): Promise<PaneResult<WriteOutcome>>;
  fillBlankStandards(expectedTotal: number): Promise<PaneResult<WriteOutcome>>;
  previewNextYear(updateMentions: boolean): Promise<PaneResult<NextYearChange>>;
  makeNextYear(updateMentions: boolean): Promise<PaneResult<NextYearChange>>;
  /** 生成自评表 from the active sheet's target table; `notes[0]` says what was made. */
  makeSelfEvaluation(): Promise<PaneResult<{ sheetName: string; notes: string[] }>>;
  capabilities(): Capability[];
  loadExpectedTotal(): number;
  saveExpectedTotal(total: number): Promise<PaneResult<void>>;
}
