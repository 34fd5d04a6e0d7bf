// `jixiao template`：用 exceljs 按领域里的表样描述写出标准绩效目标表（.xlsx）。

import type * as ExcelJSModule from "exceljs";
import { drawForm, STYLES, type CellStyle, type DrawOptions, type FormDrawing } from "../domain/layout";
import { columnLetter } from "../domain/grid";
import { installNativeRules } from "./template-native";
import { loadWorkbookClass } from "./xlsx-read";

export interface TemplateOptions {
  year: number;
  deptName?: string;
  /** Indicator rows (level-1, level-2 prefilled); default: the form's standard rows. */
  rows?: DrawOptions["rows"];
}

/** The form's sheet name: the year on the tab helps once next year's copy sits beside it. */
export function templateSheetName(year: number): string {
  return `${year}年绩效目标表`;
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };

export function applyStyle(cell: ExcelJSModule.Cell, style: CellStyle): void {
  cell.font = { name: style.fontName, size: style.fontSize, bold: style.bold };
  cell.alignment = {
    horizontal: style.horizontal,
    vertical: style.vertical === "center" ? "middle" : "top",
    wrapText: style.wrap,
  };
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
}

/** What drawSheet needs of a drawing: the target form's and the self-evaluation's both have it. */
type SheetDrawing = Pick<FormDrawing, "merges" | "rowHeights" | "columnWidths" | "lastCol" | "lastRow" | "printTitleRows" | "freezeRows"> & {
  cells: ReadonlyArray<Omit<FormDrawing["cells"][number], "value"> & { value: string | number; formula?: string; numberFormat?: string }>;
};

/** Cells, merges, sizes and print setup of the drawing, on a fresh sheet. */
export function drawSheet(ws: ExcelJSModule.Worksheet, drawing: SheetDrawing): void {
  // exceljs leaves out every column whose width equals its own default (9); make 9 the sheet's default so
  // those columns still come out 9 wide rather than Excel's 8.43.
  ws.properties.defaultColWidth = 9;
  drawing.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const { row, height } of drawing.rowHeights) ws.getRow(row + 1).height = height;
  for (const c of drawing.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula) cell.value = { formula: c.formula, date1904: false } as ExcelJSModule.CellFormulaValue;
    else if (c.value !== "") cell.value = c.value;
    applyStyle(cell, STYLES[c.style]);
    if (c.numberFormat) cell.numFmt = c.numberFormat;
  }
  for (const m of drawing.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  const titleRows = `${drawing.printTitleRows.first + 1}:${drawing.printTitleRows.last + 1}`;
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed
    horizontalCentered: true,
    // exceljs puts a "$" before each end ("A$1" → "$A$1"); without the row's "$" the area would be relative.
    printArea: `A$1:${columnLetter(drawing.lastCol)}$${drawing.lastRow + 1}`,
    printTitlesRow: titleRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: "第 &P 页，共 &N 页" };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: drawing.freezeRows, topLeftCell: `A${drawing.freezeRows + 1}` }];
}

export interface TemplateWorkbook {
  workbook: ExcelJSModule.Workbook;
  /** The form's sheet. */
  sheet: ExcelJSModule.Worksheet;
  /** Where everything was drawn (0-based), for filling rows in. */
  drawing: FormDrawing;
}

/** The standard form as an exceljs workbook: layout, dropdowns, highlighting rules, print setup. */
export function buildTemplateWorkbook(options: TemplateOptions): TemplateWorkbook {
  const Workbook = loadWorkbookClass();
  const wb = new Workbook();
  wb.creator = "绩效目标表助手";
  wb.created = new Date();
  const drawing = drawForm({
    year: options.year,
    ...(options.deptName ? { deptName: options.deptName } : {}),
    ...(options.rows ? { rows: options.rows } : {}),
  });
  const ws = wb.addWorksheet(templateSheetName(options.year));
  drawSheet(ws, drawing);
  installNativeRules(wb, ws, drawing);
  return { workbook: wb, sheet: ws, drawing };
}

/** Bytes of the template .xlsx. */
export async function templateBytes(options: TemplateOptions): Promise<Buffer> {
  const { workbook } = buildTemplateWorkbook(options);
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
