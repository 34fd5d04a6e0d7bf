// unit-missing：定量指标（类型规范化后是比较符号）没有计量单位。
// 指标值里带着单位、读表时已拆出（row.targetSplit 有单位）的不报：value-not-number 已给出拆法。

import type { Finding, Severity } from "../findings";
import { isComparison } from "../taxonomy";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "unit-missing";
export const severity: Severity = "warning";

export function check({ form, valueType, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "unit")
    .filter((r) => {
      const vt = valueType(r.values.valueType);
      return vt !== null && isComparison(vt) && isBlank(r.values.unit) && !r.targetSplit?.unit;
    })
    .map((r) => findingAt(id, severity, fieldCell(r, "unit"), messages[id]()));
}
