// execution-rate-invalid：预算执行一栏缺失、全年预算数（A）为空或为 0、全年执行数（B）为空或大于 A、
// 或写的执行率不等于 B÷A（按显示的百分数，容差 0.01 个百分点）。单元格为出问题的那一格。

import type { Finding, Severity } from "../findings";
import { executionOf } from "../selfeval";
import { findingAt } from "./rule";
import type { SelfEvalRuleContext, TableKind } from "./selfeval-rule";

export const id = "execution-rate-invalid";
export const severity: Severity = "error";
export const appliesTo: readonly TableKind[] = ["self-evaluation"];

export function check({ table, messages }: SelfEvalRuleContext): Finding[] {
  const b = table.budget;
  if (!b) {
    const cell = { row: table.headerRow, col: table.columns.level1 ?? table.columns.level3 ?? 0 };
    return [findingAt(id, severity, cell, messages[id]({ problem: "block-missing", written: "", expected: null }))];
  }
  const e = executionOf(b.annual.value, b.spent.value, b.points.value ?? 10);
  if (e.kind === "blank") {
    const cell = b.annual.cell ?? { row: b.row, col: 0 };
    return [findingAt(id, severity, cell, messages[id]({ problem: "annual-missing", written: "", expected: null }))];
  }
  if (e.kind === "invalid") {
    const cell = (e.problem === "annual-missing" ? b.annual.cell : b.spent.cell) ?? { row: b.row, col: 0 };
    return [findingAt(id, severity, cell, messages[id]({ problem: e.problem, written: "", expected: null }))];
  }
  const written = b.rate.value;
  if (written !== null && b.rate.cell) {
    // "95%" is 0.95; a bare 95 is a percent too.
    const rate = b.rate.text.includes("%") || written <= 1.5 ? written : written / 100;
    if (Math.abs(rate - (b.spent.value ?? 0) / (b.annual.value ?? 1)) > 0.0001 + 1e-9) {
      return [findingAt(id, severity, b.rate.cell, messages[id]({ problem: "rate-wrong", written: b.rate.text, expected: e.rate }))];
    }
  }
  return [];
}
