// percent-out-of-range：单位是 %（计量单位列，或指标值里拆出的单位）的定量指标，指标值大于 100 或小于 0。
// 名称里说的是增长、提高、同比等变化幅度的，可以超过 100% 或为负，不报。

import type { Finding, Severity } from "../findings";
import { isComparison } from "../taxonomy";
import { parseNumber } from "../text";
import { halfWidth } from "./terms";
import { fieldCell, findingAt, rowsWithColumn, type RuleContext } from "./rule";

export const id = "percent-out-of-range";
export const severity: Severity = "warning";

const CHANGE_RE = /增长|增幅|增速|增加|提高|提升|下降|降低|减少|同比|环比|比上年|较上年|倍/;

export function check({ form, valueType, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rowsWithColumn(form, "target")) {
    const vt = valueType(r.values.valueType);
    // Without a 指标值类型 column, a target that splits into number and unit ("≥95%") is quantitative.
    const quantitative = vt !== null ? isComparison(vt) : form.columns.valueType === undefined && r.targetSplit !== null;
    if (!quantitative) continue;
    const unit = halfWidth(r.values.unit).trim() || r.targetSplit?.unit || "";
    if (unit !== "%") continue;
    const value = parseNumber(r.values.target) ?? r.targetSplit?.number ?? null;
    if (value === null || (value >= 0 && value <= 100) || CHANGE_RE.test(r.values.level3)) continue;
    out.push(findingAt(id, severity, fieldCell(r, "target"), messages[id]({ value })));
  }
  return out;
}
