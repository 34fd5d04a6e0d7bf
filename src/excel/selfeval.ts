// 生成自评表：read the active target form (one sync), make the self-evaluation (domain selfEvaluationOf and
// drawSelfEvaluation), write it to a new sheet "YYYY年自评" in one sync: values and formulas in one matrix,
// number formats in one matrix, merges, styles, sizes, dropdowns and validations, print setup. The source sheet
// is only read. Two round trips whatever the number of rows.

import type { FormDrawing } from "../domain/layout";
import { a1, columnLetter } from "../domain/grid";
import { readForms } from "../domain/reader";
import {
  drawSelfEvaluation,
  readSelfEvaluations,
  selfEvaluationOf,
  type SelfEvalDrawing,
} from "../domain/selfeval";
import { ExcelOperationError, type Result } from "./errors";
import { queueActiveSheetRead } from "./formInfo";
import { queueFormWrites, queuePrintSetup, uniqueSheetName } from "./insert";
import { excelMessages } from "./messages";
import { asOwnWrite } from "./ownWrites";
import { runExcel, type HostOptions } from "./run";
import { selfEvalScoresAt, type SelfEvalRowScore } from "./selfevalScores";
import { readRestOfSheet, sheetGridOf, syncFirstRead } from "./sheetGrid";

export interface SelfEvalMade {
  sourceSheetName: string;
  sheetName: string;
  year: number | null;
  indicators: number;
  /** Indicators whose standard states no method this product can compute: the user scores them. */
  unscored: number;
  /** 1-based rows: the budget row (A and B to fill) and the indicator rows. */
  budgetRow: number;
  indicatorRows: { first: number; last: number };
  notes: string[];
}

const TEXTS = {
  zh: {
    operation: "生成自评表",
    made: (source: string, sheet: string) => `已由“${source}”生成“${sheet}”，原表未改动。`,
    unscored: (n: number) => `${n} 个指标的评（扣）分标准没有写明可计算的方法，得分需手工填写（已限定在 0 至分值之间）。`,
    fill: "请在预算执行一栏填写全年预算数（A）和全年执行数（B），在“实际完成值”列填写全年实际完成情况。",
    noPrintSetup: "此版本 Excel 不支持打印设置（需要 ExcelApi 1.9），未设置 A4 横向打印。",
  },
  en: {
    operation: "Make self-evaluation",
    made: (source: string, sheet: string) => `Made "${sheet}" from "${source}"; the source sheet is unchanged.`,
    unscored: (n: number) => `${n} indicator(s) have a scoring standard without a method that can be computed: enter their scores (limited to 0 to the points).`,
    fill: "Fill in the annual budget (A) and spending (B), and the actual values in the \"实际完成值\" column.",
    noPrintSetup: "This Excel has no print setup (needs ExcelApi 1.9): A4 landscape was not set.",
  },
} as const;

const PRINT_SETUP_VERSION = "1.9";
const FREEZE_VERSION = "1.7";

/** Text that Excel would turn into a number or a formula when written as a value. */
function looksConverted(text: string): boolean {
  return /^[=+-]/.test(text.trim()) || /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(text.trim());
}

/** The drawing's styles, merges and sizes through insert.ts's writer (its values are written separately). */
function asFormDrawing(d: SelfEvalDrawing): FormDrawing {
  return {
    cells: d.cells.map((c) => ({ row: c.row, col: c.col, value: "", style: c.style })),
    merges: d.merges,
    rowHeights: d.rowHeights,
    columnWidths: d.columnWidths,
    lastCol: d.lastCol,
    indicatorRows: d.indicatorRows,
    signoffRows: { first: d.totalRow + 2, last: d.totalRow + 2 },
    printTitleRows: d.printTitleRows,
    freezeRows: d.freezeRows,
    lastRow: d.lastRow,
  };
}

/** Queue (no sync) every write of the drawing on an empty sheet. */
export function queueSelfEvalWrites(sheet: Excel.Worksheet, d: SelfEvalDrawing): void {
  queueFormWrites(sheet, asFormDrawing(d));
  const width = d.lastCol + 1;
  const height = d.lastRow + 1;
  const formulas: Array<Array<string | number>> = Array.from({ length: height }, () => new Array<string | number>(width).fill(""));
  const formats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill("General"));
  for (const c of d.cells) {
    const line = formulas[c.row] as Array<string | number>;
    line[c.col] = c.formula ? `=${c.formula}` : c.value;
    const format = c.numberFormat ?? (typeof c.value === "string" && looksConverted(c.value) ? "@" : undefined);
    if (format) (formats[c.row] as string[])[c.col] = format;
  }
  const area = sheet.getRange(`A1:${columnLetter(d.lastCol)}${height}`);
  area.numberFormat = formats;
  area.formulas = formulas;
  for (const v of d.validations) {
    const dv = sheet.getRange(a1(v.row, v.col)).dataValidation;
    dv.errorAlert = { message: v.message, showAlert: true, style: "Stop", title: "绩效自评" };
    if (v.kind === "list") dv.rule = { list: { inCellDropDown: true, source: v.source } };
    else if (v.kind === "custom") dv.rule = { custom: { formula: `=${v.formula}` } };
    else dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
  }
}

/** 生成自评表 from the active sheet's (first) target form into a new sheet; the source is never written. */
export function makeSelfEvaluation(options: HostOptions = {}): Promise<Result<SelfEvalMade>> {
  const lang = options.language ?? "zh";
  const say = TEXTS[lang];
  return runExcel(say.operation, "nativeRules", options, async (context, isSupported, { language }) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const read = await syncFirstRead(context, (rows) => queueActiveSheetRead(context, { bounded: rows }));
    await readRestOfSheet(context, read);

    const grid = sheetGridOf(read);
    const selfHeaders = new Set(readSelfEvaluations(grid).map((t) => t.headerRow));
    const form = readForms(grid).find((f) => !selfHeaders.has(f.headerRow));
    if (!form) throw new ExcelOperationError("no-form", excelMessages(language).noForm());
    const se = selfEvaluationOf(form);
    const drawing = drawSelfEvaluation(se);
    const sheetName = uniqueSheetName(drawing.sheetName, sheets.items.map((s) => s.name));

    const sheet = sheets.add(sheetName);
    queueSelfEvalWrites(sheet, drawing);
    if (isSupported(FREEZE_VERSION)) sheet.freezePanes.freezeRows(drawing.freezeRows);
    const notes: string[] = [say.made(read.sheet.name, sheetName)];
    if (isSupported(PRINT_SETUP_VERSION)) queuePrintSetup(sheet, asFormDrawing(drawing));
    else notes.push(say.noPrintSetup);
    sheet.activate();
    sheet.getRange(a1(drawing.budgetRow, 2)).select();
    await asOwnWrite(() => context.sync());

    const unscored = se.indicators.filter((i) => i.method === null).length;
    if (unscored > 0) notes.push(say.unscored(unscored));
    notes.push(say.fill);
    return {
      sourceSheetName: read.sheet.name,
      sheetName,
      year: se.year,
      indicators: se.indicators.length,
      unscored,
      budgetRow: drawing.budgetRow + 1,
      indicatorRows: { first: drawing.indicatorRows.first + 1, last: drawing.indicatorRows.last + 1 },
      notes,
    };
  });
}

export type { SelfEvalRowScore };

/**
 * 评分标准 for a self-evaluation sheet: the computed score and why for each selected indicator row. One round
 * trip (the sheet and the selection); null when the active sheet holds no self-evaluation table.
 */
export function explainSelectedScores(options: HostOptions = {}): Promise<Result<SelfEvalRowScore[] | null>> {
  const say = TEXTS[options.language ?? "zh"];
  return runExcel(say.operation, "check", options, async (context) => {
    const { read, selection } = await syncFirstRead(context, (rows) => {
      const range = context.workbook.getSelectedRange();
      range.load("rowIndex,rowCount");
      return { read: queueActiveSheetRead(context, { bounded: rows }), selection: range };
    });
    await readRestOfSheet(context, read);
    return selfEvalScoresAt(sheetGridOf(read), selection.rowIndex, selection.rowIndex + selection.rowCount - 1);
  });
}
