// unit-missing：定量指标（类型规范化后是比较符号）没有计量单位。
// 指标值里带着单位、读表时已拆出（row.targetSplit 有单位）的不报：value-not-number 已给出拆法。
// 没有计量单位列、指标值自带单位的版式（“≥95%”“8个”）：只有数字的指标值（“2”）同样缺单位，单元格为指标值。

import type { Finding, Severity } from "../findings";
import { isComparison } from "../taxonomy";
import { toHalfWidth } from "../text";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "unit-missing";
export const severity: Severity = "warning";

/** A number with nothing after it, a comparison in front allowed: "2", "≥100", "=1,200". */
const NUMBER_ONLY_RE = /^(?:>=|<=|[≥≤><=])?[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export function check(ctx: RuleContext): Finding[] {
  const { form, valueType, messages } = ctx;
  if (form.columns.unit === undefined) return form.targetCarries.unit ? inTargets(ctx) : [];
  return rowsWithColumn(form, "unit")
    .filter((r) => {
      const vt = valueType(r.values.valueType);
      return vt !== null && isComparison(vt) && isBlank(r.values.unit) && !r.targetSplit?.unit;
    })
    .map((r) => findingAt(id, severity, fieldCell(r, "unit"), messages[id]()));
}

function inTargets({ form, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rowsWithColumn(form, "target")) {
    const text = r.values.target.trim();
    if (!NUMBER_ONLY_RE.test(toHalfWidth(text).replace(/\s+/g, ""))) continue;
    out.push(findingAt(id, severity, fieldCell(r, "target"), messages[id]({ target: text })));
  }
  return out;
}
