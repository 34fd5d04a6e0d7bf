// 下拉列表（数据验证）：一级指标、随一级指标变化的二级指标、指标值类型，带中文输入提示和出错警告。

import type { IndicatorField } from "../form";
import { LEVEL1_NAMES, VALUE_TYPES } from "../taxonomy";
import { anchorOf, type IndicatorRows } from "./conditional-formats";
import { fieldColumn, level2ListSource, type Anchor } from "./formulas";
import { NAMES, type NameSet } from "./lists";

/** Office.js DataValidationAlertStyle spellings (exceljs wants them lower-cased). */
export type AlertStyle = "Stop" | "Warning" | "Information";

export interface ValidationSpec {
  field: IndicatorField;
  /** "B7:B13". */
  range: string;
  type: "list";
  /** A formula with a leading "=", relative references anchored at the range's top-left cell. */
  source: string;
  inCellDropDown: true;
  /**
   * Blank cells are valid: a blank 一级指标/二级指标 continues the block above (as a merged cell would), and a
   * blank 指标值类型 is reported by the conditional format instead.
   */
  ignoreBlanks: true;
  /** Excel limits: title 32 characters, message 255. */
  prompt: { title: string; message: string };
  error: { title: string; message: string; style: AlertStyle };
}

const LEVEL1_LIST = LEVEL1_NAMES.join("、");
const VALUE_TYPE_LIST = VALUE_TYPES.join(" ");

/** Excel keeps at most this many characters of a list source (Formula1). */
export const MAX_LIST_SOURCE_LENGTH = 255;

/**
 * Validations for an indicator block (0-based rows, as drawForm's `indicatorRows`). The dependent list's
 * source grows with the row numbers it names; it fits for blocks starting up to row 100000 and throws beyond.
 */
export function validationSpecs(rows: IndicatorRows, names: NameSet = NAMES): ValidationSpec[] {
  const a = anchorOf(rows, names);
  const range = (field: IndicatorField) => `${fieldColumn(field)}${a.anchor}:${fieldColumn(field)}${a.last}`;
  const specs = buildSpecs(a, range);
  const tooLong = specs.find((s) => s.source.length >= MAX_LIST_SOURCE_LENGTH);
  if (tooLong) throw new Error(`list source for ${tooLong.range} exceeds ${MAX_LIST_SOURCE_LENGTH} characters`);
  return specs;
}

function buildSpecs(a: Anchor, range: (field: IndicatorField) => string): ValidationSpec[] {
  return [
    {
      field: "level1",
      range: range("level1"),
      type: "list",
      source: `=${a.names.level1}`,
      inCellDropDown: true,
      ignoreBlanks: true,
      prompt: {
        title: "一级指标",
        message: `从下拉列表选择：${LEVEL1_LIST}。与上一行属于同一个一级指标时可留空，表示沿用上方。`,
      },
      error: {
        title: "一级指标不在规定范围内",
        message: `一级指标只能是${LEVEL1_LIST}之一。请点“重试”，从下拉列表中选择。`,
        style: "Stop",
      },
    },
    {
      field: "level2",
      range: range("level2"),
      type: "list",
      source: `=${level2ListSource(a)}`,
      inCellDropDown: true,
      ignoreBlanks: true,
      prompt: {
        title: "二级指标",
        message: "下拉列表只列出本行一级指标（本行为空时沿用上方）下的二级指标。与上一行相同且本行一级指标为空时可留空。",
      },
      error: {
        title: "二级指标不属于本行的一级指标",
        message: "该二级指标不属于本行（或沿用上方）的一级指标。请先确认 B 列的一级指标，再从下拉列表中选择二级指标。",
        style: "Stop",
      },
    },
    {
      field: "valueType",
      range: range("valueType"),
      type: "list",
      source: `=${a.names.valueType}`,
      inCellDropDown: true,
      ignoreBlanks: true,
      prompt: {
        title: "指标值类型",
        message: "定量指标选 ≥、>、=、≤、< 之一，定性指标选“定性”。不要只写“定量”。",
      },
      error: {
        title: "指标值类型不规范",
        message: `指标值类型应为 ${VALUE_TYPE_LIST} 之一（“定量”要写明比较方式）。点“否”重新选择；>=、＞ 这类写法也能识别，可点“是”保留。`,
        // Warning, not Stop: the engine accepts spellings such as >= and ＞, so the cell may keep them.
        style: "Warning",
      },
    },
  ];
}
