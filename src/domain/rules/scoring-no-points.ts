// scoring-no-points：评（扣）分标准不为空，但 pointsOf 读不出本指标的分值。
// 表格有分值/权重列且本行读出了分值（row.points）时，标准里可以不写分值，不报。

import type { Finding, Severity } from "../findings";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "scoring-no-points";
export const severity: Severity = "warning";

export function check({ form, points, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "scoringStandard")
    .filter((r) => r.points === null && !isBlank(r.values.scoringStandard) && points(r.values.scoringStandard) === null)
    .map((r) => findingAt(id, severity, fieldCell(r, "scoringStandard"), messages[id]()));
}
