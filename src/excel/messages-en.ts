// The Excel layer's texts in English, for Excel running in English (same ids as zhExcel in messages.ts).
// The form's own words (its column labels) stay as the sheet shows them, in "quotes".

import type { ExcelMessages } from "./messages";

const failed = (operation: string): string => `${operation} failed: `;

export const enExcel: ExcelMessages = {
  operations: {
    check: "Check",
    liveCheck: "Live check",
    select: "Go to cell",
    writeStandards: "Writing scoring standards",
    fillStandards: "Filling blank scoring standards",
    readSelection: "Reading the selected indicator rows",
    previewNextYear: "Previewing next year",
    makeNextYear: "Making next year's sheet",
    addRows: "Adding indicator rows",
    merge: "Merging level-1 cells",
    unmerge: "Unmerging level-1 cells",
    nativeRules: "Installing dropdowns and conditional formats",
    insertForm: "Inserting the form",
    markFindings: "Marking problems in the sheet",
    clearMarks: "Clearing marks",
  },
  features: {
    insertForm: "writing the form (getUsedRangeOrNullObject)",
    nativeRules: "dropdowns and data validation (Range.dataValidation)",
    printSetup: "print setup (Worksheet.pageLayout)",
    printMerges: "merging cells",
    addRows: "inserting indicator rows that keep their dropdowns",
    check: "reading and checking the sheet",
    liveCheck: "checking while you edit (onChanged events)",
    ownWrites: "telling this add-in's own writes apart (triggerSource)",
    scoring: "writing scoring standards",
    nextFiscalYear: "copying a sheet for next year (Worksheet.copy)",
  },
  featureUnavailable: (feature, version) =>
    `This version of Excel does not support ${feature} (it needs ExcelApi ${version}), so that feature is unavailable.`,
  needsApi: (version) => `Needs ExcelApi ${version}`,
  noForm: () =>
    `No performance target form was found on this sheet (no header with "一级指标", "二级指标", "三级指标"…). Insert the form from the Template tab first, or switch to the sheet that holds your form.`,
  unsupported: (feature, version) =>
    `This version of Excel does not support ${feature} (it needs ExcelApi ${version}). Use Microsoft 365, Office 2021 or later, or Excel on the web.`,
  badAddress: (address) => `Go to cell failed: "${address}" is not a valid cell address.`,
  sheetMissing: (name) => `The sheet "${name}" cannot be found: it may have been renamed or deleted. Please check again.`,
  noStandardColumn: (anchor) =>
    `The form at ${anchor} has no "评（扣）分标准" (scoring standard) column: add that column to the header first, then write the standards.`,
  noIndicatorSelected: () =>
    "The selected cells are not on any indicator row: select the form's indicator rows that should get a scoring standard (several at once is fine), then click Write.",
  selectionOutsideForm: () => "The selected cells are outside the form: select the indicator rows whose scoring standard you want to set.",
  selectionOutsideSelfEval: () => "The selected cells are not on the self-evaluation's indicator rows: select the indicator rows whose scores you want to see.",
  sheetExists: (name) => `The workbook already has a sheet named "${name}": rename or delete it first, then make next year's sheet.`,
  protectedSheet: (operation, name) => `${failed(operation)}the sheet "${name}" is protected. Unprotect it (Review → Unprotect Sheet) and try again.`,
  marksSkippedProtected: () => "The sheet is protected, so the cells with problems were not marked on it; see the list below.",
  structureProtected: (operation) => `${failed(operation)}the workbook's structure is protected, so no sheet can be added or copied. Turn it off (Review → Protect Workbook) and try again.`,
  tableBeside: (cell) =>
    `Something else sits beside the form (at ${cell} and around it), and inserting whole rows would split it. Move that table elsewhere (or leave empty rows below the form) and add the rows again.`,
  namesTaken: (names) =>
    `The workbook already has the names ${names.map((n) => `"${n}"`).join(", ")} pointing elsewhere (perhaps your own dropdowns); they were left alone, and this form's dropdowns and conditional formats use names starting with jx_ instead.`,
  marksCleared: (count, sheet) =>
    count === 0 ? `The sheet "${sheet}" has no check marks.` : `Removed ${count} check marks from the sheet "${sheet}"; the form's own dropdowns and conditional formats are unchanged.`,
  sourceProtected: (name) =>
    `The sheet "${name}" is protected, and a copy for next year would be protected too and could not be edited. Unprotect it first (Review → Unprotect Sheet), then make next year's sheet.`,
  formulaKept: (formula) => `The cell holds a formula (${formula}) and was left unchanged: check it yourself on the new sheet.`,
  rowCount: (max) => `Adding indicator rows failed: the number of rows must be a whole number from 1 to ${max}.`,
  whichForm: () => "The sheet holds more than one form: first select a cell in the form that should get the new rows.",
  selectIndicatorRow: (anchor, first, last) =>
    `First select an indicator row of the form at ${anchor} (rows ${first} to ${last}); the new rows are inserted below it.`,
  layoutDiffers: (anchor) =>
    `The columns of the form at ${anchor} are not where the standard form has them (standard: level-1 category in column B … remarks in column J, indicator rows from the row below the header). Dropdowns and conditional formats can only be installed on the standard form: insert a new one with Insert form and copy your content into it.`,
  insertedHere: (sheet, year) => `Inserted the form for ${year} on the current sheet "${sheet}".`,
  insertedNewSheet: (active, sheet, activeProtected) =>
    activeProtected
      ? `The current sheet "${active}" is protected, so the form was inserted on a new sheet "${sheet}".`
      : `The current sheet "${active}" already has content; to leave it untouched, the form was inserted on a new sheet "${sheet}".`,
  noPrintSetup: () =>
    "This version of Excel does not support print setup (it needs ExcelApi 1.9): under Page Layout, set A4 landscape, repeat the title rows and fit the width to one page yourself.",
  noDataValidation: () =>
    "This version of Excel does not support data validation (it needs ExcelApi 1.8): the form has no dropdowns or automatic highlighting; use Check to find problems.",
  documentSettingsUnavailable: () => "The workbook's settings cannot be reached: open the task pane inside Excel.",
  settingsSaveFailed: (reason) =>
    `Saving the settings failed: ${reason ?? "unknown reason"}. Make sure the workbook is not read-only and try again.`,
  host: {
    network: (op) =>
      `${failed(op)}the connection to Excel on the web was lost and the operation did not finish. Check your network and try again once Excel has reconnected (the offline notice at the top is gone).`,
    protected: (op) => `${failed(op)}the sheet or workbook is protected. Unprotect it (Review → Unprotect Sheet) and try again.`,
    editMode: (op) =>
      `${failed(op)}a cell is being edited, and Excel does not accept add-in operations meanwhile. Press Enter or Esc to finish editing the cell, then try again.`,
    throttled: (op) =>
      `${failed(op)}Excel is busy and refused or interrupted this request (too many requests in a short time). Wait a moment and try again; avoid clicking repeatedly.`,
    conflict: (op) =>
      `${failed(op)}someone else is editing the same part at the same time (a co-authoring conflict), so this change was not saved. Wait a moment for their changes to arrive, then try again.`,
    invalidArgument: (op) =>
      `${failed(op)}Excel did not accept the content or range to be written (invalid argument); the form's layout may differ from the standard form. Check for merged cells or inserted or deleted columns, restore them and try again.`,
    itemNotFound: (op) =>
      `${failed(op)}the sheet or name to work on no longer exists; it may just have been deleted or renamed. Make sure the sheet is still there, switch to it and try again.`,
    invalidReference: (op) =>
      `${failed(op)}the cell range to work on is no longer valid; rows, columns or sheets may have been deleted or changed meanwhile. Select the cells again and try again.`,
    general: (op) =>
      `${failed(op)}Excel hit an internal error and the operation did not finish. Save the workbook and try again; if it still fails, close and reopen the workbook.`,
    payloadTooLarge: (op) =>
      `${failed(op)}the data to send at once is over Excel on the web's 5 MB limit. Delete large unrelated content below the form, or use desktop Excel.`,
    apiMissing: (op) => `${failed(op)}this version of Excel does not support a feature it needs. Upgrade to Microsoft 365 or use Excel on the web.`,
    invalidSelection: (op) =>
      `${failed(op)}several separate areas are selected. Select one continuous block of cells (without holding Ctrl) and try again.`,
    itemExists: (op) =>
      `${failed(op)}the sheet or name to be created already exists (someone or something else may just have created it). Reopen the task pane to see the current state and try again.`,
    other: (op, code) => `${failed(op)}Excel reported an error (${code ?? "unknown"}). Try again; if it still fails, save the workbook and reopen it.`,
  },
};
