// 自评表的样子：Excel 加载项和命令行共用的一份描述（位置、文字、公式、合并、下拉与验证、列宽、打印）。
//
//   第1行 标题；第2行 年度；第3行 部门（单位）名称
//   第4–5行 预算执行：年初预算数、全年预算数（A）、全年执行数（B）、分值、执行率（B/A）、得分、偏差原因
//   第6行 指标表头：一级指标 … 实际完成值、分值、得分、偏差原因分析及改进措施、评（扣）分标准
//   指标行；合计行（分值合计、总分、自评等级）；签字栏；填表说明

import { a1, columnLetter } from "../grid";
import type { Merge, StyleKey } from "../layout";
import { yearLine } from "../layout";
import { formatNumber } from "../scoring";
import { QUALITATIVE } from "../taxonomy";
import { SELFEVAL_TITLE, type SelfEvaluation } from "./form";
import {
  executionScoreFormula,
  GRADE_LIST,
  gradedScoreValidation,
  gradeFormula,
  rateFormula,
  scoreFormula,
  totalFormula,
} from "./native";

/** Columns of the indicator grid (0-based). */
export const SELFEVAL_COLUMNS = {
  level1: 0,
  level2: 1,
  level3: 2,
  target: 3,
  actual: 4,
  points: 5,
  score: 6,
  reason: 7,
  standard: 8,
} as const;
export type SelfEvalColumn = keyof typeof SELFEVAL_COLUMNS;

export const SELFEVAL_LABELS: Readonly<Record<SelfEvalColumn, string>> = {
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  target: "年度指标值",
  actual: "实际完成值",
  points: "分值",
  score: "得分",
  reason: "偏差原因分析及改进措施",
  standard: "评（扣）分标准",
};

/** The budget block's labels, left to right from column B. */
export const BUDGET_LABELS = {
  block: "预算执行情况",
  initial: "年初预算数（万元）",
  annual: "全年预算数（A）",
  spent: "全年执行数（B）",
  points: "分值",
  rate: "执行率（B/A）",
  score: "得分",
  reason: "偏差原因分析及改进措施",
  row: "年度资金总额",
} as const;

export const TOTAL_LABEL = "合计";
export const GRADE_LABEL = "自评等级";
const LAST_COL = 8;

export const SELFEVAL_NOTES: readonly string[] = [
  "填表说明：",
  "1. 实际完成值填写全年实际完成的数值（可带单位，如“96%”“1250人次”）；定性指标从下拉列表选择评判等级。",
  "2. 得分按评（扣）分标准自动计算；定性指标默认取该等级分值区间的上限，可在区间内改写。标准未写明计分方法的指标由填表人评分。",
  "3. 未达到指标值的指标、预算执行率低于90%的，须填写偏差原因分析及改进措施。",
  "4. 总分100分（预算执行率10分，绩效指标90分）；自评等级：优 90（含）–100分，良 80（含）–90分，中 60（含）–80分，差 60分以下。",
];

export type SelfEvalValidation =
  | { kind: "list"; row: number; col: number; source: string; message: string }
  | { kind: "custom"; row: number; col: number; formula: string; message: string }
  | { kind: "decimal"; row: number; col: number; min: number; max: number; message: string };

export interface SelfEvalCell {
  row: number;
  col: number;
  /** A constant; "" for an empty styled cell. Ignored when `formula` is set. */
  value: string | number;
  /** Without the leading "=". */
  formula?: string;
  style: StyleKey;
  /** "@" for cells whose text must stay text (实际完成值: "96%" is not 0.96). */
  numberFormat?: string;
}

export interface SelfEvalDrawing {
  sheetName: string;
  cells: readonly SelfEvalCell[];
  merges: readonly Merge[];
  validations: readonly SelfEvalValidation[];
  rowHeights: ReadonlyArray<{ row: number; height: number }>;
  columnWidths: readonly number[];
  lastCol: number;
  lastRow: number;
  /** 0-based rows. */
  budgetHeaderRow: number;
  budgetRow: number;
  headerRow: number;
  indicatorRows: { first: number; last: number };
  totalRow: number;
  printTitleRows: { first: number; last: number };
  freezeRows: number;
}

export const SELFEVAL_COLUMN_WIDTHS: readonly number[] = [11, 13, 22, 13, 13, 7, 8, 28, 36];

/** "2026年自评". */
export function selfEvalSheetName(year: number | null): string {
  return year === null ? "自评" : `${year}年自评`;
}

/** The self-evaluation sheet, cell by cell, anchored at A1. */
export function drawSelfEvaluation(se: SelfEvaluation): SelfEvalDrawing {
  const cells: SelfEvalCell[] = [];
  const merges: Merge[] = [];
  const validations: SelfEvalValidation[] = [];
  const heights: Array<{ row: number; height: number }> = [];
  const put = (row: number, col: number, value: string | number, style: StyleKey, extra: Partial<SelfEvalCell> = {}) =>
    cells.push({ row, col, value, style, ...extra });
  const span = (row: number, left: number, right: number, value: string, style: StyleKey) => {
    for (let c = left; c <= right; c++) put(row, c, c === left ? value : "", style);
    if (right > left) merges.push({ top: row, left, bottom: row, right });
  };

  span(0, 0, LAST_COL, SELFEVAL_TITLE, "title");
  heights.push({ row: 0, height: 36 });
  span(1, 0, LAST_COL, se.year === null ? "（    ）年度" : yearLine(se.year), "yearLine");
  heights.push({ row: 1, height: 22 });
  put(2, 0, "部门（单位）名称", "label");
  span(2, 1, LAST_COL, se.deptName, "text");
  heights.push({ row: 2, height: 24 });

  // Budget execution: labels on row 4, the numbers (A, B to fill) on row 5.
  const bh = 3;
  const b = 4;
  put(bh, 0, BUDGET_LABELS.block, "gridHeader");
  const budgetLabels = [BUDGET_LABELS.initial, BUDGET_LABELS.annual, BUDGET_LABELS.spent, BUDGET_LABELS.points, BUDGET_LABELS.rate, BUDGET_LABELS.score];
  budgetLabels.forEach((label, i) => put(bh, 1 + i, label, "gridHeader"));
  span(bh, 7, LAST_COL, BUDGET_LABELS.reason, "gridHeader");
  put(b, 0, BUDGET_LABELS.row, "label");
  for (const col of [1, 2, 3]) put(b, col, "", "cell", { numberFormat: "#,##0.00" });
  validations.push(
    ...[2, 3].map((col): SelfEvalValidation => ({ kind: "decimal", row: b, col, min: 0, max: 1e12, message: "请填写金额（万元），不小于0。" })),
  );
  put(b, 4, se.budgetPoints, "cell");
  const A = a1(b, 2);
  const B = a1(b, 3);
  put(b, 5, "", "cell", { formula: rateFormula(A, B), numberFormat: "0.00%" });
  put(b, 6, "", "cell", { formula: executionScoreFormula(a1(b, 4), a1(b, 5)) });
  span(b, 7, LAST_COL, "", "cell");
  for (const c of cells) if (c.row === b && c.col === 7) c.numberFormat = "@";
  heights.push({ row: bh, height: 30 }, { row: b, height: 24 });

  const hr = 5;
  for (const [key, col] of Object.entries(SELFEVAL_COLUMNS)) put(hr, col, SELFEVAL_LABELS[key as SelfEvalColumn], "gridHeader");
  heights.push({ row: hr, height: 30 });

  const first = hr + 1;
  se.indicators.forEach((ind, i) => {
    const row = first + i;
    const actual = a1(row, SELFEVAL_COLUMNS.actual);
    const score = a1(row, SELFEVAL_COLUMNS.score);
    put(row, SELFEVAL_COLUMNS.level1, ind.level1, "cell");
    put(row, SELFEVAL_COLUMNS.level2, ind.level2, "cell");
    put(row, SELFEVAL_COLUMNS.level3, ind.level3, "cell");
    put(row, SELFEVAL_COLUMNS.target, ind.target, "cell", { numberFormat: "@" });
    put(row, SELFEVAL_COLUMNS.actual, "", "cell", { numberFormat: "@" });
    put(row, SELFEVAL_COLUMNS.points, ind.points ?? "", "cell");
    const formula = scoreFormula(ind, actual);
    put(row, SELFEVAL_COLUMNS.score, "", "cell", formula ? { formula } : {});
    put(row, SELFEVAL_COLUMNS.reason, "", "cell", { numberFormat: "@" });
    put(row, SELFEVAL_COLUMNS.standard, ind.standard, "cell");
    const graded = ind.method?.kind === "graded" || (ind.valueType === QUALITATIVE && ind.method === null);
    if (graded && ind.method?.kind === "graded") {
      validations.push({ kind: "list", row, col: SELFEVAL_COLUMNS.actual, source: GRADE_LIST, message: "请从下拉列表选择评判等级。" });
      validations.push({
        kind: "custom",
        row,
        col: SELFEVAL_COLUMNS.score,
        formula: gradedScoreValidation(ind.method.points, score, actual),
        message: "得分应在所选评判等级的分值区间内。",
      });
    } else if (ind.method?.kind === "direct" && (ind.target === "是" || ind.target === "否")) {
      validations.push({ kind: "list", row, col: SELFEVAL_COLUMNS.actual, source: "是,否", message: "请选择“是”或“否”。" });
    } else if (!formula && ind.points !== null) {
      validations.push({
        kind: "decimal",
        row,
        col: SELFEVAL_COLUMNS.score,
        min: 0,
        max: ind.points,
        message: `得分应在 0 至 ${formatNumber(ind.points)} 分之间。`,
      });
    }
    heights.push({ row, height: 42 });
  });
  const last = first + Math.max(0, se.indicators.length - 1);

  const t = first + se.indicators.length;
  span(t, 0, 4, TOTAL_LABEL, "label");
  const pointsCol = columnLetter(SELFEVAL_COLUMNS.points);
  const scoreCol = columnLetter(SELFEVAL_COLUMNS.score);
  const rows = se.indicators.length > 0 ? `,${pointsCol}${first + 1}:${pointsCol}${last + 1}` : "";
  const scoreRows = se.indicators.length > 0 ? `,${scoreCol}${first + 1}:${scoreCol}${last + 1}` : "";
  put(t, SELFEVAL_COLUMNS.points, "", "label", { formula: `SUM(${a1(b, 4)}${rows})` });
  put(t, SELFEVAL_COLUMNS.score, "", "label", { formula: totalFormula(`${a1(b, 6)}${scoreRows}`) });
  put(t, SELFEVAL_COLUMNS.reason, GRADE_LABEL, "label");
  put(t, SELFEVAL_COLUMNS.standard, "", "label", { formula: gradeFormula(a1(t, SELFEVAL_COLUMNS.score)) });
  heights.push({ row: t, height: 26 });

  const s = t + 2;
  span(s, 0, 2, "填表人：", "signoff");
  span(s, 3, 4, "联系电话：", "signoff");
  span(s, 5, 7, "填表日期：", "signoff");
  put(s, 8, "单位负责人：", "signoff");
  heights.push({ row: s, height: 22 });

  const n0 = s + 2;
  SELFEVAL_NOTES.forEach((note, i) => {
    span(n0 + i, 0, LAST_COL, note, "instruction");
    heights.push({ row: n0 + i, height: 18 });
  });

  return {
    sheetName: selfEvalSheetName(se.year),
    cells,
    merges,
    validations,
    rowHeights: heights,
    columnWidths: SELFEVAL_COLUMN_WIDTHS,
    lastCol: LAST_COL,
    lastRow: n0 + SELFEVAL_NOTES.length - 1,
    budgetHeaderRow: bh,
    budgetRow: b,
    headerRow: hr,
    indicatorRows: { first, last },
    totalRow: t,
    printTitleRows: { first: hr, last: hr },
    freezeRows: hr + 1,
  };
}
