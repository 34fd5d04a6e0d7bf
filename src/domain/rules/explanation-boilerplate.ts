// explanation-boilerplate：同一段指标解释用在 3 行或更多行；每一处都报。

import type { Finding, Severity } from "../findings";
import { BOILERPLATE_MIN_ROWS, repeatedGroups } from "./repeated";
import { fieldCell, findingAt, rowsWithColumn, type RuleContext } from "./rule";

export const id = "explanation-boilerplate";
export const severity: Severity = "warning";

export function check({ form, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const g of repeatedGroups(rowsWithColumn(form, "explanation"), "explanation", BOILERPLATE_MIN_ROWS)) {
    const message = messages[id]({ count: g.length, rows: g.map((r) => r.row + 1) });
    for (const r of g) out.push(findingAt(id, severity, fieldCell(r, "explanation"), message));
  }
  return out;
}
