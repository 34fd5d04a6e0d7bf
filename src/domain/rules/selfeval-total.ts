// selfeval-total：预算执行与各指标的分值合计不是 100；写的总分与各项得分之和相差超过 0.5；自评等级与总分不符。
// 分值来源：分值列；某行没有时用一级指标里写的分值（“产出指标(50分)”）按块合计。

import type { Finding, Severity } from "../findings";
import { gradeOf, roundTo, TOTAL_POINTS } from "../selfeval";
import { findingAt } from "./rule";
import type { SelfEvalRuleContext, TableKind } from "./selfeval-rule";

export const id = "selfeval-total";
export const severity: Severity = "warning";
export const appliesTo: readonly TableKind[] = ["self-evaluation"];

export function check({ table, rows, messages }: SelfEvalRuleContext): Finding[] {
  if (rows.length === 0) return [];
  const out: Finding[] = [];
  const budgetPoints = table.budget?.points.value ?? 10;
  const rowPoints = rows.map((r) => r.indicator.points);
  let points: number | null = null;
  if (rowPoints.every((p) => p !== null)) points = rowPoints.reduce<number>((a, b) => a + (b ?? 0), 0);
  else if (table.blocks.length > 0) points = table.blocks.reduce((a, b) => a + b.points, 0);
  const where = table.total?.points.cell ?? { row: table.headerRow, col: table.columns.points ?? table.columns.score ?? 0 };
  if (points !== null) {
    const total = roundTo(points + budgetPoints, 2);
    if (Math.abs(total - TOTAL_POINTS) > 1e-9) out.push(findingAt(id, severity, where, messages[id]({ kind: "points", total, expected: TOTAL_POINTS })));
  }
  const scores = [table.budget?.score.value ?? null, ...rows.map((r) => r.row.score.value)];
  const given = scores.filter((s): s is number => s !== null);
  const sum = roundTo(given.reduce((a, b) => a + b, 0), 2);
  const written = table.total?.score;
  if (written?.cell && written.value !== null && given.length > 0 && Math.abs(written.value - sum) > 0.5) {
    out.push(findingAt(id, severity, written.cell, messages[id]({ kind: "sum", written: written.value, computed: sum })));
  }
  const grade = table.grade;
  const total = written?.value ?? (given.length > 0 ? sum : null);
  if (grade && grade.text.trim() !== "" && total !== null) {
    const expected = gradeOf(total);
    const stated = grade.text.replace(/\s+/g, "").replace(/[（(].*$/, "");
    if (stated !== expected && !stated.startsWith(expected)) {
      out.push(findingAt(id, severity, grade.cell, messages[id]({ kind: "grade", written: grade.text, expected, total })));
    }
  }
  return out;
}
