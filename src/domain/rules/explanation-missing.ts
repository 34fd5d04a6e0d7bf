// explanation-missing：指标解释为空。

import type { Finding, Severity } from "../findings";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "explanation-missing";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "explanation")
    .filter((r) => isBlank(r.values.explanation))
    .map((r) => findingAt(id, severity, fieldCell(r, "explanation"), messages[id]()));
}
