// score-mismatch：写的得分与按评（扣）分标准和实际完成值算出的相差超过 0.5 分（说出算出的分）。
// 定性指标的得分可在等级区间内自定，不在此查（区间由 score-out-of-range 查）；预算执行率的得分也查。

import type { Finding, Severity } from "../findings";
import { executionOf } from "../selfeval";
import { findingAt } from "./rule";
import type { SelfEvalRuleContext, TableKind } from "./selfeval-rule";

export const id = "score-mismatch";
export const severity: Severity = "warning";
export const appliesTo: readonly TableKind[] = ["self-evaluation"];

/** How far a written score may be from the computed one (the pane says the same). */
export const TOLERANCE = 0.5;

export function check({ table, rows, messages }: SelfEvalRuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rows) {
    const written = r.row.score.value;
    const cell = r.row.cells.score;
    const s = r.score;
    if (written === null || !cell || s.kind !== "computed" || r.indicator.method?.kind === "graded") continue;
    if (Math.abs(written - s.score) > TOLERANCE) {
      out.push(findingAt(id, severity, cell, messages[id]({ indicator: r.row.level3, written, computed: s.score, why: s.why })));
    }
  }
  const b = table.budget;
  if (b && b.score.cell && b.score.value !== null) {
    const e = executionOf(b.annual.value, b.spent.value, b.points.value ?? 10);
    if (e.kind === "ok" && Math.abs(b.score.value - e.score) > TOLERANCE) {
      out.push(findingAt(id, severity, b.score.cell, messages[id]({ indicator: null, written: b.score.value, computed: e.score, why: "" })));
    }
  }
  return out;
}
