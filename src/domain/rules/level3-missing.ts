// level3-missing：三级指标为空（用了的行才检查，读表时只给出用了的行）。

import type { Finding, Severity } from "../findings";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "level3-missing";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "level3")
    .filter((r) => isBlank(r.values.level3))
    .map((r) => findingAt(id, severity, fieldCell(r, "level3"), messages[id]()));
}
