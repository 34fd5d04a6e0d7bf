// unit-on-qualitative：指标值类型规范化后是“定性”，计量单位却不为空。

import type { Finding, Severity } from "../findings";
import { QUALITATIVE } from "../taxonomy";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "unit-on-qualitative";
export const severity: Severity = "error";

export function check({ form, valueType, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "unit")
    .filter((r) => valueType(r.values.valueType) === QUALITATIVE && !isBlank(r.values.unit))
    .map((r) => findingAt(id, severity, fieldCell(r, "unit"), messages[id]({ unit: r.values.unit })));
}
