// The Excel layer's public operations: what the task pane and the ribbon commands call. Each returns a
// Result: a typed value, or an ExcelOperationError with a Chinese message.

export { ExcelOperationError, fromHostError, attempt, type Result, type ExcelErrorCode } from "./errors";
export { hostCapabilities, REQUIREMENTS, MINIMUM_VERSION, type Capabilities, type Operation, type IsSetSupported } from "./host";
export type { HostOptions } from "./run";

export { insertForm, type InsertFormOptions, type FormInserted } from "./insert";
export {
  installNativeRules,
  probeNativeRules,
  queueNativeRules,
  type NativeRulesProbe,
  type NativeRulesState,
  type QueuedNativeRules,
  type NativeRulesInstalled,
} from "./nativeRules";
export { checkActiveSheet, markFindings, type CheckReport, type CheckedForm, type CheckOptions } from "./check";
export { startLiveCheck, type LiveCheck, type LiveCheckOptions, type LiveReport, type LiveTrigger } from "./live";
export {
  writeStandards,
  fillBlankStandards,
  readSelectionRows,
  type StandardsTarget,
  type WriteStandardsOptions,
  type StandardsOutcome,
  type SelectionRows,
  type SelectedIndicator,
} from "./scoring";
export {
  previewNextFiscalYear,
  makeNextFiscalYear,
  nextYearSheetName,
  type NextYearOptions,
  type NextYearChange,
  type CellEdit,
} from "./fiscal";
export { addIndicatorRows, setPrintMerges, type AddRowsOptions, type RowsAdded, type PrintMergesOutcome } from "./rows";
export { selectCell } from "./select";
export { MARK_FORMULA, MARK_FILL, markFormula, markAreaOf } from "./marks";
export { clearMarks, type MarksCleared } from "./clearMarks";
