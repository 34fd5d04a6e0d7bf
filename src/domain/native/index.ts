// 工作簿原生规则：清单工作表与定义名称、下拉列表、条件格式公式（纯文字，按 drawForm 的位置锚定）。
//
// Installing them (Excel layer or .xlsx writer), in this order:
// 1. a sheet LISTS_SHEET holding listsSheetValues() as text (number format "@", or strings: "=" and ">=" are
//    spellings, not formulas); very hidden in Excel, hidden in an .xlsx;
// 2. every definedNames() entry, workbook-scoped (Office.js wants "=" + reference);
// 3. validationSpecs(drawing.indicatorRows) on their ranges (Office.js: set prompt before rule, #2594;
//    exceljs: formulae without the leading "=", style lower-cased);
// 4. conditionalFormatSpecs(drawing.indicatorRows): one custom-formula format per spec on its range, fill and
//    font colours from NATIVE_COLORS[spec.severity] (exceljs: formula without the leading "=").
// The formulas refer to the grid header on the row just above the block as a stop for "nearest above".

export { LISTS_SHEET, NAMES, PREFIXED_NAMES, type NameSet, VALUE_TYPE_SPELLINGS, MAX_CHECKED_LENGTH, listsSheetValues, definedNames, type DefinedName } from "./lists";
export { validationSpecs, MAX_LIST_SOURCE_LENGTH, type ValidationSpec, type AlertStyle } from "./validations";
export {
  conditionalFormatSpecs,
  NATIVE_COLORS,
  NATIVE_RULE_IDS,
  anchorOf,
  type ConditionalFormatSpec,
  type IndicatorRows,
} from "./conditional-formats";
export { level2ListSource, type Anchor } from "./formulas";
export { shiftRows } from "./shift";
