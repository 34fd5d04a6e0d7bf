// 自评表 .xlsx：按领域里的 drawSelfEvaluation 写出单元格、公式、合并、下拉与验证、列宽和 A4 横向打印设置。

import type * as ExcelJSModule from "exceljs";
import { columnLetter } from "../domain/grid";
import type { SelfEvalDrawing } from "../domain/selfeval";
import { drawSheet } from "./template";

/** exceljs 4 has `worksheet.dataValidations.add(range, …)` but its typings leave it out. */
interface WithDataValidations {
  dataValidations: { add(range: string, validation: ExcelJSModule.DataValidation): void };
}

/** The drawing on a fresh sheet of `wb`. */
export function drawSelfEvalSheet(wb: ExcelJSModule.Workbook, drawing: SelfEvalDrawing, name = drawing.sheetName): ExcelJSModule.Worksheet {
  const ws = wb.addWorksheet(name);
  drawSheet(ws, drawing);
  const validations = (ws as unknown as WithDataValidations).dataValidations;
  for (const v of drawing.validations) {
    const ref = `${columnLetter(v.col)}${v.row + 1}`;
    const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: "绩效自评", error: v.message };
    if (v.kind === "list") validations.add(ref, { type: "list", formulae: [`"${v.source}"`], ...common });
    else if (v.kind === "custom") validations.add(ref, { type: "custom", formulae: [v.formula], ...common });
    else validations.add(ref, { type: "decimal", operator: "between", formulae: [v.min, v.max], ...common });
  }
  return ws;
}
