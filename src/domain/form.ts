// 表格读出来的样子：一张绩效目标表（表头字段、指标行、签字栏）。

/** The indicator grid's columns, in the form's order. */
export const INDICATOR_FIELDS = [
  "level1", // 一级指标
  "level2", // 二级指标
  "level3", // 三级指标
  "valueType", // 指标值类型
  "target", // 指标值
  "unit", // 计量单位
  "explanation", // 指标解释
  "scoringStandard", // 评（扣）分标准
  "remarks", // 备注
] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** Columns a grid may have: the indicator fields plus the optional points column (分值/权重). */
export type ColumnKey = IndicatorField | "points";

export const HEADER_FIELDS = ["deptName", "duties", "goals"] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

export const SIGNOFF_FIELDS = [
  "businessReview", // 业务股室审核
  "performanceReview", // 绩效股审核
  "filledBy", // 填表人
  "phone", // 联系电话
  "fillDate", // 填表日期
  "head", // 单位负责人
] as const;
export type SignoffField = (typeof SIGNOFF_FIELDS)[number];

/** 0-based position in the source grid. */
export interface CellRef {
  row: number;
  col: number;
}

/** A text read from the grid and where it sits (null when absent from the grid). */
export interface FieldValue {
  text: string;
  cell: CellRef | null;
}

/** How a slid row was put back into its columns. */
export interface RowRealignment {
  /** The row's texts as they sat, by grid column (only the grid's span). */
  original: ReadonlyArray<{ col: number; text: string }>;
  /** Which fields moved, and from which column. */
  moved: ReadonlyArray<{ field: IndicatorField; fromCol: number; toCol: number }>;
}

/** A target such as "≥95%" or "280人次" split into its parts. */
export interface TargetSplit {
  comparison: string | null; // normalised symbol when the text carried one
  number: number;
  unit: string;
}

export interface IndicatorRow {
  /** 0-based grid row. */
  row: number;
  /** Texts after realignment; "" for blank. level1/level2 are the row's own cells (blank when merged). */
  values: Readonly<Record<IndicatorField, string>>;
  /** Grid column each field's value sits in (for a slid row, where it sits now); its own column when blank, -1 when the grid lacks it. */
  cols: Readonly<Record<IndicatorField, number>>;
  /** The level-1 / level-2 in force for this row: its own or, when blank, the block's above. */
  level1: string;
  level2: string;
  level1Inherited: boolean;
  level2Inherited: boolean;
  /** Points from a 分值/权重 column, when the table has one and the cell holds a number. */
  points: number | null;
  realignment: RowRealignment | null;
  /** When the target holds a sign, number and unit together, and they split cleanly. */
  targetSplit: TargetSplit | null;
  /** A block laid out in the framework before 2021 (成本指标 under 产出指标, 满意度 under 效益指标); null otherwise. */
  outdated: OutdatedFramework | null;
  /** Points printed in the row's level-1 cell ("产出指标(50分)"): the block's weight, not the row's. */
  level1Points: number | null;
}

/**
 * The pre-2021 framework: 成本指标 a level-2 under 产出指标 ("cost"), 社会公众或服务对象满意度指标 a level-2 under
 * 效益指标 ("satisfaction"). Since 2021 both are level-1 categories.
 */
export type OutdatedFramework = "cost" | "satisfaction";

/** Something in the form the reader could not place; reported, never dropped. */
export interface ReaderNote {
  kind: "unplaced";
  cell: CellRef;
  text: string;
}

/** Which table it is: 整体支出 target table, 项目支出 target table, or a 绩效自评 table (see reader/kind.ts). */
export type FormKind = "department" | "project" | "selfeval";

export interface Form {
  kind: FormKind;
  /**
   * What the layout carries in the target cell itself, where it has no column for it: the comparison ("≥95%")
   * and the unit. Read from the targets when the header lacks 指标值类型 / 计量单位.
   */
  targetCarries: { comparison: boolean; unit: boolean };
  /** 0-based row of the grid's header (the row with 一级指标, 二级指标 …). */
  headerRow: number;
  /** First and last grid rows (0-based, inclusive) holding indicators or blanks between them. */
  firstRow: number;
  lastRow: number;
  /** Grid column of each column found in the header. */
  columns: Readonly<Partial<Record<ColumnKey, number>>>;
  /** Columns the form needs that the header lacks under every name they are known by. */
  missingColumns: readonly IndicatorField[];
  title: FieldValue;
  /** The year from the year line or the title; raw text kept for messages. */
  year: { value: number | null; text: string; cell: CellRef | null };
  header: Readonly<Record<HeaderField, FieldValue>>;
  rows: readonly IndicatorRow[];
  signoff: Readonly<Record<SignoffField, FieldValue>>;
  notes: readonly ReaderNote[];
  /** Columns of a self-evaluation table (实际完成值, 得分, 偏差原因…) by their header label: no field of a target table. */
  otherColumns: ReadonlyArray<{ label: string; col: number }>;
  /** Note and instruction lines the reader passed over below the grid ("注：…", 填表说明), for template checks. */
  linesBelow: ReadonlyArray<{ text: string; cell: CellRef }>;
}
