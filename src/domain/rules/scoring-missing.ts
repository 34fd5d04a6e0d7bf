// scoring-missing：评（扣）分标准为空。

import type { Finding, Severity } from "../findings";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "scoring-missing";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "scoringStandard")
    .filter((r) => isBlank(r.values.scoringStandard))
    .map((r) => findingAt(id, severity, fieldCell(r, "scoringStandard"), messages[id]()));
}
