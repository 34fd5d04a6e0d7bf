// 自评表 .xlsx：按领域里的 drawSelfEvaluation 写出单元格、公式、合并、下拉与验证、列宽和 A4 横向打印设置。

import type * as ExcelJSModule from "exceljs";
import { columnLetter } from "../domain/grid";
import { STYLES } from "../domain/layout";
import type { SelfEvalDrawing } from "../domain/selfeval";
import { applyStyle } from "./template";

/** exceljs 4 has `worksheet.dataValidations.add(range, …)` but its typings leave it out. */
interface WithDataValidations {
  dataValidations: { add(range: string, validation: ExcelJSModule.DataValidation): void };
}

/** The drawing on a fresh sheet of `wb`. */
export function drawSelfEvalSheet(wb: ExcelJSModule.Workbook, drawing: SelfEvalDrawing, name = drawing.sheetName): ExcelJSModule.Worksheet {
  const ws = wb.addWorksheet(name);
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
  const validations = (ws as unknown as WithDataValidations).dataValidations;
  for (const v of drawing.validations) {
    const ref = `${columnLetter(v.col)}${v.row + 1}`;
    const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: "绩效自评", error: v.message };
    if (v.kind === "list") validations.add(ref, { type: "list", formulae: [`"${v.source}"`], ...common });
    else if (v.kind === "custom") validations.add(ref, { type: "custom", formulae: [v.formula], ...common });
    else validations.add(ref, { type: "decimal", operator: "between", formulae: [v.min, v.max], ...common });
  }
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printArea: `A$1:${columnLetter(drawing.lastCol)}$${drawing.lastRow + 1}`,
    printTitlesRow: `${drawing.printTitleRows.first + 1}:${drawing.printTitleRows.last + 1}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: "第 &P 页，共 &N 页" };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: drawing.freezeRows, topLeftCell: `A${drawing.freezeRows + 1}` }];
  return ws;
}
