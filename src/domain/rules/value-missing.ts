// value-missing：指标值为空（定量、定性都要填）。

import type { Finding, Severity } from "../findings";
import { QUALITATIVE } from "../taxonomy";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "value-missing";
export const severity: Severity = "error";

export function check({ form, valueType, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "target")
    .filter((r) => isBlank(r.values.target))
    .map((r) =>
      findingAt(id, severity, fieldCell(r, "target"), messages[id]({ qualitative: valueType(r.values.valueType) === QUALITATIVE })),
    );
}
