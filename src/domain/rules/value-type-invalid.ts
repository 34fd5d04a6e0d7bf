// value-type-invalid：指标值类型为空，或不能规范化为 ≥ > = ≤ < 定性 之一（normalizeValueType 为 null）。
// “定量”单独写无效：必须说明比较方式。能规范化的写法（>=、＞、≧、大于等于……）视为有效，不报；
// 把它们改写成标准符号由命令行或 Excel 层另行提供，不算错误。类型为空而比较符号写在指标值里（“≥95”）时，说明里指出来。

import type { Finding, Severity } from "../findings";
import { fieldCell, findingAt, rowsWithColumn, type RuleContext } from "./rule";

export const id = "value-type-invalid";
export const severity: Severity = "error";

export function check({ form, valueType, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "valueType")
    .filter((r) => valueType(r.values.valueType) === null)
    .map((r) => findingAt(id, severity, fieldCell(r, "valueType"), messages[id]({ text: r.values.valueType, inTarget: r.targetSplit?.comparison ?? null })));
}
