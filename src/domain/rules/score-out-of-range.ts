// score-out-of-range：得分小于 0、大于该行分值，或不在所选评判等级的区间内。单元格为得分。

import type { Finding, Severity } from "../findings";
import { roundTo } from "../selfeval";
import { findingAt } from "./rule";
import type { SelfEvalRuleContext, TableKind } from "./selfeval-rule";

export const id = "score-out-of-range";
export const severity: Severity = "error";
export const appliesTo: readonly TableKind[] = ["self-evaluation"];

export function check({ rows, messages }: SelfEvalRuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rows) {
    const written = r.row.score.value;
    const cell = r.row.cells.score;
    if (written === null || !cell) continue;
    const s = r.score;
    const graded = s.kind === "computed" && r.indicator.method?.kind === "graded";
    const low = graded ? s.low : 0;
    const high = graded ? s.high : r.indicator.points;
    if (high === null) continue; // no points stated: nothing to hold the score to
    const w = roundTo(written, 6);
    if (w < low || w > high) {
      out.push(findingAt(id, severity, cell, messages[id]({ score: written, low, high, grade: graded ? r.row.actual.trim() : null })));
    }
  }
  return out;
}
