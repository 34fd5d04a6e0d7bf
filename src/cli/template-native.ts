// 表样里的“原生规则”：清单工作表 + 定义名称、下拉列表（按整列区域添加）、条件格式，全部来自 src/domain/native。

import type * as ExcelJSModule from "exceljs";
import type { FormDrawing } from "../domain/layout";
import {
  conditionalFormatSpecs,
  definedNames,
  LISTS_SHEET,
  listsSheetValues,
  NATIVE_COLORS,
  validationSpecs,
  type AlertStyle,
} from "../domain/native";

/** exceljs 4 has `worksheet.dataValidations.add(range, …)` but its typings leave it out. */
interface WithDataValidations {
  dataValidations: { add(range: string, validation: ExcelJSModule.DataValidation): void };
}

const ERROR_STYLE: Readonly<Record<AlertStyle, string>> = { Stop: "stop", Warning: "warning", Information: "information" };

function withoutEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** The lists the dropdowns and formulas read, on a very hidden sheet (as the add-in makes it), all as text. */
function addListsSheet(wb: ExcelJSModule.Workbook): void {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
  const values = listsSheetValues();
  const width = Math.max(...values.map((r) => r.length));
  for (let c = 1; c <= width; c++) ws.getColumn(c).numFmt = "@"; // "=" and ">=" are text, not formulas
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== "") ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  for (const n of definedNames()) wb.definedNames.add(n.reference, n.name);
}

/**
 * Dropdowns for 一级指标, the dependent 二级指标 and 指标值类型, each added once for its whole column range
 * (cell-by-cell additions come out as overlapping ranges, exceljs#2820), and the conditional formats of the
 * rules a formula can express, anchored where drawForm put the indicator block.
 */
export function installNativeRules(wb: ExcelJSModule.Workbook, ws: ExcelJSModule.Worksheet, drawing: FormDrawing): void {
  addListsSheet(wb);
  const rows = drawing.indicatorRows;
  const validations = (ws as unknown as WithDataValidations).dataValidations;
  for (const v of validationSpecs(rows)) {
    validations.add(v.range, {
      type: v.type,
      allowBlank: v.ignoreBlanks,
      formulae: [withoutEquals(v.source)],
      showInputMessage: true,
      promptTitle: v.prompt.title,
      prompt: v.prompt.message,
      showErrorMessage: true,
      errorStyle: ERROR_STYLE[v.error.style],
      errorTitle: v.error.title,
      error: v.error.message,
    });
  }
  conditionalFormatSpecs(rows).forEach((cf, i) => {
    const colors = NATIVE_COLORS[cf.severity];
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [withoutEquals(cf.formula)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(colors.fill) } },
            font: { color: { argb: argb(colors.font) } },
          },
        },
      ],
    });
  });
}
