// 标准表样：Excel 加载项和 .xlsx 生成共用的一份描述（位置、文字、合并、字体、列宽）。

import type { ColumnKey, IndicatorField } from "./form";
import type { Level1 } from "./taxonomy";

export const FORM_TITLE = "部门（单位）整体支出绩效目标表";

/** Header labels as the standard form prints them. */
export const COLUMN_LABELS: Readonly<Record<ColumnKey, string>> = {
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  valueType: "指标值类型",
  target: "指标值",
  unit: "计量单位",
  explanation: "指标解释",
  scoringStandard: "评（扣）分标准",
  remarks: "备注",
  points: "分值",
};

export const HEADER_LABELS = {
  deptName: "部门（单位）名称",
  duties: "部门（单位）职责",
  goals: "年度履职目标",
} as const;

export const GRID_LABEL = "绩效指标";

export const SIGNOFF_LABELS = {
  businessReview: "业务股室审核",
  performanceReview: "绩效股审核",
  filledBy: "填表人",
  phone: "联系电话",
  fillDate: "填表日期",
  head: "单位负责人",
} as const;

/**
 * Where the template puts things (0-based). Column A carries the 绩效指标 label;
 * the indicator fields run from B (一级指标) to J (备注).
 */
export const TEMPLATE = {
  titleRow: 0,
  yearRow: 1,
  headerRows: { deptName: 2, duties: 3, goals: 4 },
  gridHeaderRow: 5,
  firstIndicatorRow: 6,
  labelCol: 0,
  lastCol: 9,
  columns: {
    level1: 1,
    level2: 2,
    level3: 3,
    valueType: 4,
    target: 5,
    unit: 6,
    explanation: 7,
    scoringStandard: 8,
    remarks: 9,
  } as Readonly<Record<IndicatorField, number>>,
} as const;

/** The rows a new form starts with: one per commonly used level-2, categories filled in. */
export const DEFAULT_INDICATOR_ROWS: ReadonlyArray<{ level1: Level1; level2: string }> = [
  { level1: "成本指标", level2: "经济成本指标" },
  { level1: "产出指标", level2: "数量指标" },
  { level1: "产出指标", level2: "质量指标" },
  { level1: "产出指标", level2: "时效指标" },
  { level1: "效益指标", level2: "社会效益指标" },
  { level1: "效益指标", level2: "可持续影响指标" },
  { level1: "满意度指标", level2: "服务对象满意度指标" },
];

/** 填表说明, as printed under the standard form. */
export const INSTRUCTIONS: readonly string[] = [
  "填表说明：",
  "指标名称：一级指标，主要分为成本指标、产出指标、效益指标、满意度指标；二级指标，主要分为经济成本指标、社会成本指标、生态环境成本指标（属于成本指标）和数量指标、质量指标、时效指标（属于产出指标）以及经济效益指标、社会效益指标、生态效益指标、可持续影响指标（属于效益指标）和服务对象满意度指标（属于满意度指标）；三级指标是对指标含义的简要描述，要求简洁明确、通俗易懂。如“房屋修缮面积”、“设备更新改造数量”、“验收合格率”等。",
  "指标值类型：指标类型为定量（“≥”、“>”、“=”、“≤”、“<”上述五个符号之一）或定性。",
  "指标值：指标类型为定量时，只能填写数字。指标类型为定性时，不受限制。",
  "计量单位：为数字后字符串，如“个”、“所”、“只”、“%”等。指标类型为定量时可填，指标类型为定性设置为空不可填。",
  "指标解释：是三级指标名称的概念性定义，反映该指标衡量的具体内容、计算方法和数据口径等。",
  "评（扣）分标准：填写指标完成情况评（扣）分标准，参考以下几种赋分情况。",
  "1. 直接赋分。主要适用于进行“是”或“否”判断的单一评判指标。符合要求的得满分，不符合要求的不得分或者扣相应的分数。",
  "2. 按照完成比例赋分，同时设置及格门槛。主要适用于量化的统计类等定量指标。如：完成率小于60%为不及格，不得分；大于等于60%的，按超过的比重赋分，计算公式为：得分=（实际完成率-60%）/（1-60%）×指标分值。",
  "3. 按评判等级赋分。主要适用于情况说明类的定性指标。分为基本达成目标、部分实现目标、实现目标程度较低三个档次，并分别按照该指标对应分值区间100%-80%（含）、80%-60%（含）、60%-0%合理确定分值。",
  "4. 满意度赋分。适用于对服务对象、受益群体的满意程度询问调查，一般按照区间进行赋分。如：满意度大于等于90%的得10分，满意度小于90%且大于等于80%的得8分，满意度小于80%且大于等于60%的得5分，满意度小于60%不得分。",
];

export type StyleKey = "title" | "yearLine" | "label" | "text" | "gridHeader" | "cell" | "signoff" | "instruction";

export interface CellStyle {
  fontName: string;
  fontSize: number;
  bold: boolean;
  horizontal: "left" | "center";
  vertical: "center" | "top";
  wrap: boolean;
  border: boolean;
  fill: string | null; // "#RRGGBB"
}

const BODY_FONT = "宋体";

export const STYLES: Readonly<Record<StyleKey, CellStyle>> = {
  title: { fontName: "黑体", fontSize: 18, bold: true, horizontal: "center", vertical: "center", wrap: false, border: false, fill: null },
  yearLine: { fontName: BODY_FONT, fontSize: 12, bold: false, horizontal: "center", vertical: "center", wrap: false, border: false, fill: null },
  label: { fontName: BODY_FONT, fontSize: 10.5, bold: true, horizontal: "center", vertical: "center", wrap: true, border: true, fill: null },
  text: { fontName: BODY_FONT, fontSize: 10.5, bold: false, horizontal: "left", vertical: "center", wrap: true, border: true, fill: null },
  gridHeader: { fontName: BODY_FONT, fontSize: 10.5, bold: true, horizontal: "center", vertical: "center", wrap: true, border: true, fill: "#F2F2F2" },
  cell: { fontName: BODY_FONT, fontSize: 10.5, bold: false, horizontal: "left", vertical: "center", wrap: true, border: true, fill: null },
  signoff: { fontName: BODY_FONT, fontSize: 10.5, bold: false, horizontal: "left", vertical: "center", wrap: false, border: false, fill: null },
  instruction: { fontName: BODY_FONT, fontSize: 9, bold: false, horizontal: "left", vertical: "top", wrap: true, border: false, fill: null },
};

/**
 * Column widths in Excel character units (A..J); Office.js wants points: see widthInPoints. Column A holds the
 * header labels: 10 units (about 56 pt) fit five characters of the 10.5 pt bold label a line, so 部门（单位）名称
 * takes two lines, never three.
 */
export const COLUMN_WIDTHS: readonly number[] = [10, 12, 16, 24, 9, 10, 9, 30, 34, 10];

/** Excel's character width unit to points, for the default 11 pt body font. */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export interface DrawnCell {
  row: number;
  col: number;
  value: string;
  style: StyleKey;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FormDrawing {
  /** Every cell the form writes, text or empty-but-styled. */
  cells: readonly DrawnCell[];
  merges: readonly Merge[];
  rowHeights: ReadonlyArray<{ row: number; height: number }>; // points
  columnWidths: readonly number[]; // character units, A..J
  lastCol: number;
  /** First and last indicator rows (0-based, inclusive). */
  indicatorRows: { first: number; last: number };
  signoffRows: { first: number; last: number };
  /** 0-based inclusive rows repeated on every printed page. */
  printTitleRows: { first: number; last: number };
  /** Rows frozen at the top while scrolling. */
  freezeRows: number;
  /** Last row (0-based) the form uses. */
  lastRow: number;
}

export interface DrawOptions {
  year: number;
  deptName?: string;
  /** Indicator rows; default DEFAULT_INDICATOR_ROWS. */
  rows?: ReadonlyArray<{ level1: string; level2: string }>;
}

export function yearLine(year: number): string {
  return `（ ${year} ）年度`;
}

/** The standard form, cell by cell, anchored at A1. */
export function drawForm(options: DrawOptions): FormDrawing {
  const rows = options.rows ?? DEFAULT_INDICATOR_ROWS;
  const last = TEMPLATE.lastCol;
  const cells: DrawnCell[] = [];
  const merges: Merge[] = [];
  const heights: Array<{ row: number; height: number }> = [];
  const put = (row: number, col: number, value: string, style: StyleKey) => cells.push({ row, col, value, style });
  const span = (row: number, left: number, right: number, value: string, style: StyleKey) => {
    for (let c = left; c <= right; c++) put(row, c, c === left ? value : "", style);
    if (right > left) merges.push({ top: row, left, bottom: row, right });
  };

  span(TEMPLATE.titleRow, 0, last, FORM_TITLE, "title");
  heights.push({ row: TEMPLATE.titleRow, height: 36 });
  span(TEMPLATE.yearRow, 0, last, yearLine(options.year), "yearLine");
  heights.push({ row: TEMPLATE.yearRow, height: 22 });

  const headerValues = { deptName: options.deptName ?? "", duties: "", goals: "" };
  for (const key of ["deptName", "duties", "goals"] as const) {
    const r = TEMPLATE.headerRows[key];
    put(r, TEMPLATE.labelCol, HEADER_LABELS[key], "label");
    span(r, 1, last, headerValues[key], "text");
    // Two lines of the label (and of a long department name) in the name row; the text rows hold more.
    heights.push({ row: r, height: key === "deptName" ? 36 : 48 });
  }

  const hr = TEMPLATE.gridHeaderRow;
  put(hr, TEMPLATE.labelCol, GRID_LABEL, "gridHeader");
  for (const [field, col] of Object.entries(TEMPLATE.columns)) {
    put(hr, col, COLUMN_LABELS[field as IndicatorField], "gridHeader");
  }
  heights.push({ row: hr, height: 30 });

  const first = TEMPLATE.firstIndicatorRow;
  rows.forEach((r, i) => {
    const row = first + i;
    put(row, TEMPLATE.labelCol, "", "cell");
    for (let c = 1; c <= last; c++) {
      const value = c === TEMPLATE.columns.level1 ? r.level1 : c === TEMPLATE.columns.level2 ? r.level2 : "";
      put(row, c, value, "cell");
    }
    heights.push({ row, height: 42 });
  });
  const lastIndicator = first + rows.length - 1;
  // 绩效指标 spans the header and indicator rows in column A, as on the printed form.
  if (lastIndicator > hr) merges.push({ top: hr, left: TEMPLATE.labelCol, bottom: lastIndicator, right: TEMPLATE.labelCol });

  const s0 = lastIndicator + 2;
  const half = Math.floor((last + 1) / 2); // A..E | F..J
  const signoffPairs = [
    ["businessReview", "performanceReview"],
    ["filledBy", "phone"],
    ["fillDate", "head"],
  ] as const;
  signoffPairs.forEach(([left, right], i) => {
    span(s0 + i, 0, half - 1, `${SIGNOFF_LABELS[left]}：`, "signoff");
    span(s0 + i, half, last, `${SIGNOFF_LABELS[right]}：`, "signoff");
    heights.push({ row: s0 + i, height: 22 });
  });
  const signoffLast = s0 + signoffPairs.length - 1;

  const i0 = signoffLast + 2;
  INSTRUCTIONS.forEach((text, i) => {
    span(i0 + i, 0, last, text, "instruction");
    heights.push({ row: i0 + i, height: Math.max(16, Math.ceil(text.length / 110) * 14 + 4) });
  });

  return {
    cells,
    merges,
    rowHeights: heights,
    columnWidths: COLUMN_WIDTHS,
    lastCol: last,
    indicatorRows: { first, last: lastIndicator },
    signoffRows: { first: s0, last: signoffLast },
    printTitleRows: { first: hr, last: hr },
    freezeRows: hr + 1,
    lastRow: i0 + INSTRUCTIONS.length - 1,
  };
}

/** Level-1 blocks of consecutive equal level-1 values, for merging when printing. */
export function level1Blocks(level1s: readonly string[]): Array<{ first: number; last: number; level1: string }> {
  const blocks: Array<{ first: number; last: number; level1: string }> = [];
  level1s.forEach((v, i) => {
    const prev = blocks[blocks.length - 1];
    if (prev && (v === "" || v === prev.level1) && prev.last === i - 1) prev.last = i;
    else blocks.push({ first: i, last: i, level1: v });
  });
  return blocks;
}

