// 杂乱表格用例的小工具：每个用例是一张小表（单元格值，照实际各地报来的样子）和应读出的内容。
//
// 行号、单元格都按表格里看到的写（1 起算，A1 形式），便于对照。

import type { HeaderField, IndicatorField, SignoffField } from "../../../src/domain/form";
import type { CellValue } from "../../../src/domain/grid";

export interface ExpectedRow {
  /** 1-based sheet row. */
  row: number;
  /**
   * The reading, "|"-joined: the level-1 and level-2 in force, then 三级指标, 指标值类型, 指标值, 计量单位,
   * 指标解释, 评（扣）分标准, 备注 after any realignment.
   */
  read: string;
  /** True when the row must be realigned (row-shifted); false (the default) when it must be read as it sits. */
  shifted?: boolean;
  points?: number | null;
}

export interface ExpectedForm {
  /** 1-based row of the grid's header (the lower row of a two-row header). */
  headerRow?: number;
  year?: number | null;
  /** A1 cell the year was read from. */
  yearCell?: string | null;
  title?: string;
  header?: Partial<Record<HeaderField, string>>;
  /** Every used indicator row, in order. */
  rows: readonly ExpectedRow[];
  signoff?: Partial<Record<SignoffField, string>>;
  /** Everything reported as unplaced: [A1 cell, text]. Defaults to none. */
  unplaced?: ReadonlyArray<readonly [string, string]>;
  /** Defaults to none. */
  missingColumns?: readonly IndicatorField[];
}

export interface MessyFixture {
  title: string;
  grid: CellValue[][];
  /** Every form the sheet holds, top to bottom; [] for a sheet that holds none. */
  forms: readonly ExpectedForm[];
}

/** Typical indicator rows (level-1 … 备注), reused across fixtures. */
export const ROWS = {
  cost: ["成本指标", "经济成本指标", "培训经费支出", "≤", "120", "万元", "培训经费实际支出金额，反映经费控制情况。", "控制在预算内得20分，每超出10%扣2分，扣完为止。", ""],
  count: ["产出指标", "数量指标", "职业技能培训人次", "≥", "1200", "人次", "全年组织职业技能培训的人次。", "完成得15分，未完成按比例计分。", ""],
  quality: ["产出指标", "质量指标", "培训合格率", "≥", "90", "%", "培训考核合格人数占参训人数的比例。", "达到90%得15分，每低1个百分点扣1分。", ""],
  time: ["产出指标", "时效指标", "补贴按时发放率", "=", "100", "%", "在规定时限内发放的补贴占应发补贴的比例。", "全部按时发放得10分，每延迟一笔扣1分。", ""],
  social: ["效益指标", "社会效益指标", "参训人员就业能力提升", "定性", "明显提升", "", "参训人员就业能力在培训后的提升程度。", "基本达成目标得15分至12分，部分实现得12分至9分。", ""],
  satisfaction: ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥", "90", "%", "参训人员对培训服务的满意程度。", "满意度≥90%得15分，80%至90%得12分，60%以下不得分。", ""],
} as const;

export type RowKey = keyof typeof ROWS;

/** The expected reading of a typical row ("|"-joined, as ExpectedRow.read). */
export function readOf(key: RowKey, changes: Partial<Record<number, string>> = {}): string {
  return ROWS[key].map((v, i) => changes[i] ?? v).join("|");
}

/** A typical row's cells, optionally with the level-1 blanked (a continued block). */
export function cellsOf(key: RowKey, options: { blankLevel1?: boolean } = {}): string[] {
  const cells: string[] = [...ROWS[key]];
  if (options.blankLevel1) cells[0] = "";
  return cells;
}

export const SIGNOFF_GOOD = { filledBy: "张敏", phone: "0745-6221234", fillDate: "2026.10.12", head: "刘伟" } as const;

export const TITLE = "部门（单位）整体支出绩效目标表";
export const DEPT = "某县人力资源服务中心";
export const DUTIES = "负责本县就业服务和职业培训工作。";
export const GOALS = "完成职业技能培训1200人次。";
export const HEADER_GOOD = { deptName: DEPT, duties: DUTIES, goals: GOALS } as const;

/** Title, year line and the three header fields as the standard form lays them out (rows 1–5). */
export function standardPreamble(year = 2027): CellValue[][] {
  return [[TITLE], [`（ ${year} ）年度`], ["部门（单位）名称", DEPT], ["部门（单位）职责", DUTIES], ["年度履职目标", GOALS]];
}

/** The standard grid header without the 绩效指标 label column (一级指标 in column A). */
export const LABELS = ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"] as const;

/** Sign-off lines as the standard form lays them out, two to a row. */
export function standardSignoff(): CellValue[][] {
  return [
    ["业务股室审核：王芳", "", "", "", "绩效股审核：李强"],
    ["填表人：张敏", "", "", "", "联系电话：0745-6221234"],
    ["填表日期：2026.10.12", "", "", "", "单位负责人：刘伟"],
  ];
}
