// 检查结果：规则编号、严重程度、单元格与中文说明。编号是公开接口（命令行 JSON、测试）。

export const RULE_IDS = [
  // 表头
  "year-invalid",
  "dept-name-missing",
  "duties-missing",
  "goals-missing",
  "signoff-missing",
  "phone-invalid",
  // 指标行
  "level1-invalid",
  "level2-invalid",
  "level2-mismatch",
  "row-shifted",
  "level3-missing",
  "level3-duplicate",
  "level3-contains-value",
  "value-type-invalid",
  "value-missing",
  "value-not-number",
  "unit-on-qualitative",
  "unit-missing",
  "percent-out-of-range",
  "explanation-missing",
  "explanation-unrelated",
  "explanation-boilerplate",
  "scoring-missing",
  "scoring-no-points",
  "scoring-boilerplate",
  "timeliness-not-time",
  "content-unplaced",
  // 整表
  "form-not-found",
  "column-missing",
  "category-missing",
  "score-total",
  "goal-mismatch",
  // 各地版式与数值（issue 10）
  "framework-outdated",
  "value-unit-conflict",
  "value-date-serial",
  "value-no-comparison",
  "template-text-left",
  // 绩效自评（SPEC 第8节）
  "actual-missing",
  "deviation-reason-missing",
  "score-out-of-range",
  "score-mismatch",
  "execution-rate-invalid",
  "selfeval-total",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warning";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** A1 address in the source grid. */
  cell: string;
  /** 1-based row in the source grid. */
  row: number;
  /** What is wrong and how to fix it, in the check's language (Chinese by default). */
  message: string;
}

/** Errors first, then by row, then by column letter. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  if (a.row !== b.row) return a.row - b.row;
  // A1 addresses are ASCII capitals and digits: code-unit order is their order, and far cheaper than localeCompare.
  return a.cell.length - b.cell.length || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0);
}
