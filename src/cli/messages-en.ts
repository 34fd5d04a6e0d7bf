// The `check` run's texts in English, for `jixiao check --lang en` (same keys as CHECK_ZH in messages.ts).
// File and sheet names stay as written, in "quotes".

import type { Severity } from "../domain/findings";
import type { CheckMessages } from "./messages";

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function counts(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return "no problems found";
  return `${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}`;
}

/** Padded to one width so the cells line up under each other. */
const SEVERITY: Readonly<Record<Severity, string>> = { error: "error  ", warning: "warning" };

const repair = `open it in Excel or WPS (use "Open and Repair" if needed), save it as .xlsx and check it again, or ask the sender for a new copy.`;

export const CHECK_EN: CheckMessages = {
  inputProblems: {
    "not-found": (input) => `"${input}" not found: no such file or folder. Check the path (quote paths with spaces).`,
    "no-match": (input) => `No .xlsx or .csv file matches "${input}". Check the wildcard and the folder.`,
    "empty-folder": (input) => `The folder "${input}" (with its subfolders) holds no .xlsx or .csv file.`,
    "unreadable-folder": (input) =>
      `The folder "${input}" cannot be opened (no permission, or damaged); its files were not checked. Check the folder's permissions and run again.`,
    "broken-link": (input) =>
      `"${input}" is a shortcut (symbolic link) to nothing; not checked. Find the original file and check it.`,
    "link-loop": (input) =>
      `"${input}" is a symbolic link back to a folder above it; skipped so nothing is checked twice.`,
  },
  unreadable: {
    empty: "The file is empty (0 bytes). Make sure it was saved completely, or ask the sender for a new copy.",
    encrypted:
      'The file is password-protected (encrypted) and cannot be read. Open it in Excel or WPS with the password, remove "Encrypt with Password", save it and check it again.',
    xls: 'This is the old Excel 97-2003 format (.xls or .et). Open it in Excel or WPS, save it as "Excel Workbook (*.xlsx)" and check it again.',
    docx: "This is a Word document, not an Excel workbook. Copy the table into Excel, save it as .xlsx and check it again.",
    pptx: "This is a PowerPoint presentation, not an Excel workbook. Ask the sender for the .xlsx version.",
    pdf: "This is a PDF file, not a workbook; its tables cannot be checked. Ask the sender for the Excel (.xlsx) version.",
    html: 'This is a web page (HTML) table with an Excel-like extension. Open it in Excel or WPS, save it as "Excel Workbook (*.xlsx)" and check it again.',
    zip: `The file is damaged or not an Excel workbook (it cannot be opened as .xlsx): ${repair}`,
    corrupt: (detail) => `The file is damaged and cannot be read as .xlsx (${detail}): ${repair}`,
    ods: "This is an OpenDocument spreadsheet (.ods) and cannot be checked directly. Save it as .xlsx in Excel or WPS and check it again.",
    xlsb: "This is an Excel binary workbook (.xlsb) and cannot be checked directly. Save it as .xlsx in Excel or WPS and check it again.",
    notRegular: "This is not a regular file (a pipe, device or socket); skipped. Name .xlsx or .csv files.",
    tooLargeOrOdd: (detail) =>
      `File too large or oddly built; skipped (${detail}). A performance target form has a few hundred rows: check that this is the right file, or delete unrelated rows, columns and sheets in Excel, save it as .xlsx and check it again.`,
    binary: "This is neither an Excel workbook nor a CSV text file. Only .xlsx and .csv files can be checked.",
    unsupported: (ext) =>
      `"${ext || "no extension"}" files are not supported. Only .xlsx and .csv files can be checked: save it as .xlsx in Excel or WPS (text tables may be saved as .csv) and check it again.`,
    tooLarge: (mb, limitMb) =>
      `The file has ${mb} MB, over the ${limitMb} MB limit; it does not look like a performance target form. Check that it is the right file, or delete unrelated sheets and check it again.`,
    io: (detail) =>
      `The file cannot be opened (${detail}). Check that it exists, that you may read it, and that no other program holds it.`,
  },
  structure: {
    "no-directory": "the zip directory is missing; the file may be incomplete",
    "no-workbook": "the workbook part xl/workbook.xml is missing",
    "missing-part": "a sheet or shared-strings part is missing",
    "bad-entry": "a part cannot be unpacked or differs from its declared size",
    unparsable: "a sheet is not valid XML",
    part: "a part unpacks to more than 64 MB",
    total: "the parts unpack to more than 160 MB in all",
    cells: "far more cells than a form holds (over 1.5 million cells with content)",
    dimension: "a sheet declares a range beyond Excel's 1,048,576 rows and 16,384 columns",
    grid: "its contents are spread over a huge area",
    memory: "reading it needs more memory than allowed",
    timeout: "reading it takes too long",
  },
  formula: {
    error: (cell, error) =>
      `The formula in ${cell} fails (it shows ${error}), so there is no value to check. Fix the formula in Excel or WPS (a division by 0, a reference to deleted cells…) or type the value.`,
    noResult: (cell) =>
      `${cell} holds a formula but the file has no saved result (common in files made by programs). Open it in Excel or WPS, recalculate (F9), save and check again, or type the value.`,
  },
  internalError: (e) =>
    `Internal error while checking (${e instanceof Error ? e.message : String(e)}). This is a bug in this tool: please report this file and message to the developers.`,
  unreadableLine: (file, why) => `Cannot read "${file}": ${why}`,
  report: {
    fileHeading: (file) => `File: ${file}`,
    sheetHeading: (sheet, errors, warnings) =>
      `  ${sheet === "" ? "Whole workbook" : `Sheet "${sheet}"`}: ${counts(errors, warnings)}`,
    noProblems: "  No problems found",
    unreadable: (why) => `  Cannot read: ${why}`,
    summary: (s) => {
      const skipped = s.skipped ?? 0;
      const head = `Checked ${plural(s.files, "file", "files")}: ${s.withErrors} with errors; `;
      if (s.unreadable === 0 && skipped === 0) return `${head}${counts(s.errors, s.warnings)}.`;
      return (
        `${head}${plural(s.errors, "error", "errors")}, ${plural(s.warnings, "warning", "warnings")}` +
        (s.unreadable > 0 ? `; ${s.unreadable} could not be read` : "") +
        (skipped > 0 ? `; ${plural(skipped, "folder or path", "folders or paths")} could not be scanned` : "") +
        " (reasons above)."
      );
    },
    invisibleNote: (names) =>
      `      Note: the quoted text holds invisible characters (${names}), removed here. In the sheet they make texts that look the same count as different: delete them from the cell.`,
    others: (count, sample) =>
      `${plural(count, "other file that is not a table was", "other files that are not tables were")} not checked (such as "${sample}").`,
    progress: (done, total) => `Checked ${done}/${total} files`,
    findingLine: (severity, cell, message, rule) => `    ${SEVERITY[severity]}  ${cell.padEnd(5)} ${message} (${rule})`,
  },
};
