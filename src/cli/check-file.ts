// 一个文件 → 各工作表的检查结果；读不了的文件给出原因（按 settings.language，默认中文；不抛异常）。

import { readFile, stat } from "fs/promises";
import { basename, extname } from "path";
import { a1, type CellValue } from "../domain/grid";
import { compareFindings, type Finding } from "../domain/findings";
import { checkGrid, formNotFoundFinding } from "../domain/rules";
import type { Language, Settings } from "../domain/settings";
import { csvGrid } from "./csv";
import { checkMessages } from "./messages";
import { sniffFileKind } from "./sniff";
import { guardWorkbook } from "./xlsx-guard";
import { readWorkbookGrids, SheetTooLargeError, type FormulaProblem, type SheetGrid } from "./xlsx-read";

/** Bigger than any real form by far; keeps one run's memory bounded. */
export const MAX_FILE_MB = 50;

/** Findings the command line adds itself, about the file rather than the form's rules. */
export const FORMULA_ERROR = "formula-error";
export type CliFinding = Omit<Finding, "rule"> & { rule: Finding["rule"] | typeof FORMULA_ERROR };

export interface SheetResult {
  /** Worksheet name; for CSV the file's base name without extension; "" for the whole workbook. */
  sheet: string;
  forms: number;
  /** Sorted: errors first, then by row and column. */
  findings: CliFinding[];
}

export type FileOutcome =
  { kind: "checked"; file: string; sheets: SheetResult[] } | { kind: "unreadable"; file: string; reason: string };

/** Extensions whose text content is read as a delimited table (systems export CSV/TSV named .xls, too). */
const TEXT_TABLE_EXTENSIONS = [".csv", ".tsv", ".txt", ".xls", ".xlsx"];

/** The sheet name a CSV file gets: what Excel shows on the tab when it opens the file. */
export function csvSheetName(file: string): string {
  return basename(file, extname(file));
}

/** Grids of a file, or why it cannot be read. */
export type ReadResult = { ok: true; source: "csv" | "xlsx"; sheets: SheetGrid[] } | { ok: false; reason: string };

export async function fileSheets(file: string, language: Language): Promise<ReadResult> {
  const say = checkMessages(language);
  const UNREADABLE = say.unreadable;
  let bytes: Buffer;
  try {
    const s = await stat(file);
    // A pipe or device would block the read forever, or never end.
    if (!s.isFile()) return { ok: false, reason: UNREADABLE.notRegular };
    if (s.size > MAX_FILE_MB * 1024 * 1024) {
      return { ok: false, reason: UNREADABLE.tooLarge(Math.round(s.size / 1024 / 1024), MAX_FILE_MB) };
    }
    bytes = await readFile(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, reason: UNREADABLE.io(err.code ?? "") };
  }
  const ext = extname(file).toLowerCase();
  if (ext === ".numbers") return { ok: false, reason: UNREADABLE.unsupported(ext) };
  const kind = sniffFileKind(bytes);
  switch (kind) {
    case "xlsx": {
      const guard = guardWorkbook(bytes);
      if (!guard.ok) {
        const detail = say.structure[guard.problem.detail];
        return {
          ok: false,
          reason: guard.problem.kind === "damaged" ? UNREADABLE.corrupt(detail) : UNREADABLE.tooLargeOrOdd(detail),
        };
      }
      try {
        return { ok: true, source: "xlsx", sheets: await readWorkbookGrids(bytes, guard.sheets) };
      } catch (e) {
        if (e instanceof SheetTooLargeError) return { ok: false, reason: UNREADABLE.tooLargeOrOdd(say.structure.grid) };
        // exceljs's own words ("Corrupted zip…", "Cannot set properties of undefined") mean nothing to a reviewer.
        return { ok: false, reason: UNREADABLE.corrupt(say.structure.unparsable) };
      }
    }
    case "text":
      if (!TEXT_TABLE_EXTENSIONS.includes(ext)) return { ok: false, reason: UNREADABLE.unsupported(ext) };
      return {
        ok: true,
        source: "csv",
        sheets: [{ name: csvSheetName(file), grid: csvGrid(bytes, ext === ".tsv" ? "\t" : undefined).grid }],
      };
    case "empty":
    case "encrypted":
    case "xls":
    case "xlsb":
    case "ods":
    case "docx":
    case "pptx":
    case "pdf":
    case "html":
    case "zip":
    case "binary":
      return { ok: false, reason: UNREADABLE[kind] };
  }
}

/** Findings of one grid, sorted; forms found. */
export function checkSheet(name: string, grid: readonly (readonly CellValue[])[], settings: Settings): SheetResult {
  const { forms, selfEvaluations, findings } = checkGrid(grid, settings);
  return { sheet: name, forms: forms.length + selfEvaluations.length, findings: [...findings].sort(compareFindings) };
}

/**
 * A formula error or a formula without a saved result is what is wrong with its cell: it replaces the findings
 * its missing or odd value caused there ("指标值为空", "不是纯数字").
 */
function withFormulaProblems(r: SheetResult, problems: readonly FormulaProblem[], language: Language): SheetResult {
  if (problems.length === 0) return r;
  const say = checkMessages(language).formula;
  const added: CliFinding[] = problems.map((p) => {
    const cell = a1(p.row, p.col);
    return {
      rule: FORMULA_ERROR,
      severity: "error",
      cell,
      row: p.row + 1,
      message: p.error === null ? say.noResult(cell) : say.error(cell, p.error),
    };
  });
  const cells = new Set(added.map((f) => f.cell));
  const findings = [...r.findings.filter((f) => !cells.has(f.cell)), ...added].sort((a, b) => compareFindings(a as Finding, b as Finding)); // it reads severity, row and cell only
  return { ...r, findings };
}

/**
 * Every form on every sheet of a file. Sheets without a form are left out; a file where no sheet
 * holds one gets form-not-found (on the CSV's sheet, or on "" for a whole workbook).
 */
export async function checkFile(file: string, settings: Settings): Promise<FileOutcome> {
  const language = settings.language ?? "zh";
  const read = await fileSheets(file, language);
  if (!read.ok) return { kind: "unreadable", file, reason: read.reason };
  const results: SheetResult[] = [];
  for (const s of read.sheets) {
    const r = checkSheet(s.name, s.grid, settings);
    if (r.forms > 0) results.push(withFormulaProblems(r, s.formulaProblems ?? [], language));
  }
  if (results.length === 0) {
    const sheet = read.source === "csv" ? csvSheetName(file) : "";
    results.push({ sheet, forms: 0, findings: [formNotFoundFinding(language)] });
  }
  return { kind: "checked", file, sheets: results };
}
