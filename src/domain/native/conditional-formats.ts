// 工作簿自带的条件格式：公式能表达的规则，在没有加载项时（同事的 Excel、网页版未打开任务窗格、WPS）也能标出问题。

import type { RuleId, Severity } from "../findings";
import type { IndicatorField } from "../form";
import {
  blank,
  blockRange,
  cellRef,
  fieldColumn,
  filled,
  inList,
  level1InForce,
  level2InForce,
  sameTextKey,
  targetInPercentFormat,
  targetIsNumber,
  usedRow,
  valueTypeKnown,
  valueTypeQualitative,
  valueTypeText,
  type Anchor,
} from "./formulas";
import { NAMES, type NameSet } from "./lists";

export interface ConditionalFormatSpec {
  /** Unique per spec: the rule id, or the rule id and the case when a rule has several formats. */
  key: string;
  rule: RuleId;
  severity: Severity;
  /** The column the rule marks. */
  field: IndicatorField;
  /** The block's cells in that column: "D7:D13". */
  range: string;
  /** The range's top-left cell, which the formula's relative references are relative to: "D7". */
  anchor: string;
  /** With a leading "=", as Office.js `conditionalFormats.add(custom).custom.rule.formula` takes it. */
  formula: string;
}

/** Excel's own "light red fill with dark red text" and "yellow fill with dark yellow text". */
export const NATIVE_COLORS: Readonly<Record<Severity, { fill: string; font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
};

interface NativeRule {
  rule: RuleId;
  /** For a rule's second format: what it adds ("percent"); the spec's key becomes "rule/case". */
  case?: string;
  severity: Severity;
  field: IndicatorField;
  /** The formula's body (no "="), anchored at the block's first row. */
  body(a: Anchor): string;
}

function level2Mismatch(a: Anchor): string {
  const l1 = level1InForce(a);
  const l2 = level2InForce(a);
  // The level-2 is one of the eleven and belongs to some level-1 other than the one in force.
  const belongsElsewhere = `SUMPRODUCT(EXACT(${a.names.level2},${l2})*(1-EXACT(${a.names.level2Parent},${l1})))>0`;
  return `AND(${usedRow(a)},${inList(a.names.level1, l1)},${belongsElsewhere})`;
}

/** A quantitative row as value-not-number reads it: a comparison, or 定量 (which still needs a number). */
function quantitative(a: Anchor): string {
  return `OR(AND(${valueTypeKnown(a)},NOT(${valueTypeQualitative(a)})),EXACT(${valueTypeText(a)},"定量"))`;
}

function level3Duplicate(a: Anchor): string {
  const range = blockRange(a, "level3");
  // Rows with a non-blank 三级指标 are always used rows, so counting the block's cells counts used rows.
  return `AND(${filled(a, "level3")},SUMPRODUCT(--EXACT(${sameTextKey(range)},${sameTextKey(cellRef(a, "level3"))}))>1)`;
}

/**
 * The rules a formula expresses exactly as the engine decides them, in the order they are installed
 * (priority). Each marks the cell the engine's finding names.
 */
const NATIVE_RULES: readonly NativeRule[] = [
  { rule: "level1-invalid", severity: "error", field: "level1", body: (a) => `AND(${usedRow(a)},NOT(${inList(a.names.level1, level1InForce(a))}))` },
  { rule: "level2-invalid", severity: "error", field: "level2", body: (a) => `AND(${usedRow(a)},NOT(${inList(a.names.level2, level2InForce(a))}))` },
  { rule: "level2-mismatch", severity: "error", field: "level2", body: level2Mismatch },
  { rule: "level3-missing", severity: "error", field: "level3", body: (a) => `AND(${usedRow(a)},${blank(a, "level3")})` },
  { rule: "level3-duplicate", severity: "error", field: "level3", body: level3Duplicate },
  { rule: "value-type-invalid", severity: "error", field: "valueType", body: (a) => `AND(${usedRow(a)},NOT(${valueTypeKnown(a)}))` },
  { rule: "value-missing", severity: "error", field: "target", body: (a) => `AND(${usedRow(a)},${blank(a, "target")})` },
  {
    rule: "value-not-number",
    severity: "error",
    field: "target",
    // A non-blank target makes the row used.
    body: (a) => `AND(${quantitative(a)},${filled(a, "target")},NOT(${targetIsNumber(a)}))`,
  },
  {
    // "95%" typed into 指标值 is the number 0.95 in a percent format: the engine reads it as the text "95%" (grid.ts
    // percentText), the main format above sees a number. CELL("format") gives "P0", "P2"… for a percent format in
    // Excel and LibreOffice (not on Excel for the web, where CELL's "format" is unsupported): a format of its own,
    // so an error here never switches off the main value-not-number format.
    rule: "value-not-number",
    case: "percent",
    severity: "error",
    field: "target",
    body: (a) =>
      `AND(${quantitative(a)},ISNUMBER(${cellRef(a, "target")}),${targetInPercentFormat(a)})`,
  },
  {
    rule: "unit-on-qualitative",
    severity: "error",
    field: "unit",
    body: (a) => `AND(${valueTypeQualitative(a)},${filled(a, "unit")})`,
  },
  { rule: "explanation-missing", severity: "error", field: "explanation", body: (a) => `AND(${usedRow(a)},${blank(a, "explanation")})` },
  { rule: "scoring-missing", severity: "error", field: "scoringStandard", body: (a) => `AND(${usedRow(a)},${blank(a, "scoringStandard")})` },
];

/** The rules the workbook's conditional formats show; the add-in's check marks only the others. */
export const NATIVE_RULE_IDS: readonly RuleId[] = [...new Set(NATIVE_RULES.map((r) => r.rule))];

/** 0-based first and last indicator rows, as drawForm's `indicatorRows`. */
export interface IndicatorRows {
  first: number;
  last: number;
}

/** The 1-based rows formulas refer to; the grid header must sit on the row just above the block. */
export function anchorOf(rows: IndicatorRows, names: NameSet = NAMES): Anchor {
  if (!Number.isInteger(rows.first) || !Number.isInteger(rows.last) || rows.first < 1 || rows.last < rows.first) {
    throw new Error(`indicator rows must be 1 <= first <= last (0-based), got ${rows.first}..${rows.last}`);
  }
  return { header: rows.first, anchor: rows.first + 1, last: rows.last + 1, names };
}

/** The conditional formats for an indicator block, errors before warnings; a rule may have more than one. */
export function conditionalFormatSpecs(rows: IndicatorRows, names: NameSet = NAMES): ConditionalFormatSpec[] {
  const a = anchorOf(rows, names);
  return NATIVE_RULES.map((r) => {
    const col = fieldColumn(r.field);
    return {
      key: r.case ? `${r.rule}/${r.case}` : r.rule,
      rule: r.rule,
      severity: r.severity,
      field: r.field,
      range: `${col}${a.anchor}:${col}${a.last}`,
      anchor: `${col}${a.anchor}`,
      formula: `=${r.body(a)}`,
    };
  });
}
