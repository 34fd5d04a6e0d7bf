// deviation-reason-missing：未达到年度指标值的指标（得分低于分值）、或预算执行率低于 90%，却没有写偏差原因。
// 单元格为偏差原因分析及改进措施（表格没有这一列时不报，免得每行都报一条）。

import type { Finding, Severity } from "../findings";
import { executionOf, meetsTarget } from "../selfeval";
import { findingAt, isBlank } from "./rule";
import type { SelfEvalRuleContext, TableKind } from "./selfeval-rule";

export const id = "deviation-reason-missing";
export const severity: Severity = "error";
export const appliesTo: readonly TableKind[] = ["self-evaluation"];

/** Below this execution rate a reason is required. */
const RATE_NEEDING_REASON = 0.9;

export function check({ table, rows, messages }: SelfEvalRuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rows) {
    const cell = r.row.cells.reason;
    if (!cell || !isBlank(r.row.reason)) continue;
    const s = r.score;
    const points = r.indicator.points;
    // The computed score; where the standard states no method, the target's comparison when it can be judged,
    // else the user's own score below the points.
    const judged = s.kind === "user" ? meetsTarget(r.indicator, r.row.actual) : null;
    const missed =
      (s.kind === "computed" && s.score < s.points - 1e-9) ||
      (s.kind === "user" && judged === false) ||
      (s.kind === "user" && judged === null && points !== null && r.row.score.value !== null && r.row.score.value < points - 1e-9);
    if (missed) out.push(findingAt(id, severity, cell, messages[id]({ indicator: r.row.level3, rate: null })));
  }
  const b = table.budget;
  if (b && b.reason.cell && isBlank(b.reason.text)) {
    const e = executionOf(b.annual.value, b.spent.value, b.points.value ?? 10);
    if (e.kind === "ok" && e.rate < RATE_NEEDING_REASON) out.push(findingAt(id, severity, b.reason.cell, messages[id]({ indicator: null, rate: e.rate })));
  }
  return out;
}
