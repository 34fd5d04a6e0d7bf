// What the pane asks of the workbook, in the pane's own terms. api.ts maps these onto the Excel layer,
// so a change there stays in one file.
import type { Finding } from "../domain/findings";
import type { IndicatorRow } from "../domain/form";
import type { ScoringMethod } from "../domain/scoring/schema";

/** A failure the user can act on: a Chinese message and, when it applies, the cell. */
export interface PaneFailure {
  message: string;
  cell?: string;
}
export type PaneResult<T> = { ok: true; value: T } | { ok: false; error: PaneFailure };

export interface CheckedForm {
  /** Where the form starts on the sheet (A1), to tell several forms apart. */
  anchor: string;
  findings: Finding[];
  /** Sum of the indicators' points (分值列 or stated in the standards); null when none states points. */
  pointsTotal: number | null;
}

export interface CheckReport {
  sheetName: string;
  forms: CheckedForm[];
  /** Every finding of the sheet, including ones not tied to a form (form-not-found). */
  findings: Finding[];
}

export interface SelectedIndicator {
  /** 1-based sheet row. */
  sheetRow: number;
  row: IndicatorRow;
  /** Points the row states (分值 cell or its standard), null when none. */
  points: number | null;
  /** The method suggested for the row, with its points. */
  defaultMethod: ScoringMethod;
}

export interface SelectedRows {
  sheetName: string;
  rows: SelectedIndicator[];
  /** The form's running total of points, null when none states points. */
  pointsTotal: number | null;
}

export interface CellEdit {
  cell: string;
  before: string;
  after: string;
  reason: string;
}

export interface NextYearChange {
  fromYear: number;
  toYear: number;
  /** The new sheet's name (planned for a preview). */
  sheetName: string;
  edits: CellEdit[];
  /** Cells the change would touch but leaves alone (they hold formulas), with the reason. */
  skipped: Array<{ cell: string; reason: string }>;
}

export interface WriteOutcome {
  written: number;
  skipped: number;
  /** Points of the forms written to, after the write. */
  pointsTotal: number | null;
}

export interface Capability {
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
  check(expectedTotal: number): Promise<PaneResult<CheckReport>>;
  startLiveCheck(expectedTotal: () => number, onReport: (report: PaneResult<CheckReport>) => void): Promise<PaneResult<LiveCheck>>;
  selectCell(sheetName: string, address: string): Promise<PaneResult<void>>;
  readSelection(expectedTotal: number): Promise<PaneResult<SelectedRows>>;
  /** Writes into the indicator rows selected in the sheet now; `method: "default"` writes each row's suggestion. */
  writeStandards(method: ScoringMethod | "default", overwrite: boolean, expectedTotal: number): Promise<PaneResult<WriteOutcome>>;
  fillBlankStandards(expectedTotal: number): Promise<PaneResult<WriteOutcome>>;
  previewNextYear(updateMentions: boolean): Promise<PaneResult<NextYearChange>>;
  makeNextYear(updateMentions: boolean): Promise<PaneResult<NextYearChange>>;
  capabilities(): Capability[];
  loadExpectedTotal(): number;
  saveExpectedTotal(total: number): Promise<PaneResult<void>>;
}
