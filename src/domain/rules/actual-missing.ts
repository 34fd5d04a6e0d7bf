// actual-missing：自评表的指标没有实际完成值。单元格为实际完成值。

import type { Finding, Severity } from "../findings";
import { findingAt } from "./rule";
import type { SelfEvalRuleContext, TableKind } from "./selfeval-rule";

export const id = "actual-missing";
export const severity: Severity = "error";
export const appliesTo: readonly TableKind[] = ["self-evaluation"];

export function check({ rows, messages }: SelfEvalRuleContext): Finding[] {
  return rows.flatMap((r) => {
    const cell = r.row.cells.actual;
    return cell && r.score.kind === "blank" ? [findingAt(id, severity, cell, messages[id]({ indicator: r.row.level3 }))] : [];
  });
}
