// value-not-number：指标值类型规范化后是比较符号（不是“定性”），指标值不为空，但 parseNumber 读不出数字
// （“28.8万元”“≥95%”“按月安排”）。读表时能把它干净地拆成符号/数字/单位的（row.targetSplit），说明里给出拆法。
// 表格没有计量单位列时，“100%”这样数字后跟单位的写法是版式所致，不报。

import type { Finding, Severity } from "../findings";
import { isComparison } from "../taxonomy";
import { parseNumber } from "../text";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "value-not-number";
export const severity: Severity = "error";

export function check({ form, valueType, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rowsWithColumn(form, "target")) {
    // 定量 without a comparison is still quantitative (value-type-invalid asks for the comparison).
    const vt = r.values.valueType.replace(/\s+/g, "") === "定量" ? "定量" : valueType(r.values.valueType);
    if (vt === null || !(vt === "定量" || isComparison(vt)) || isBlank(r.values.target) || parseNumber(r.values.target) !== null) continue;
    // Without a 计量单位 column the unit can only be typed after the number ("100%"): that is the layout, not a mistake.
    if (form.columns.unit === undefined && r.targetSplit !== null && r.targetSplit.comparison === null && r.targetSplit.unit !== "") continue;
    const message = messages[id]({ text: r.values.target, split: r.targetSplit, valueType: vt, unit: r.values.unit });
    out.push(findingAt(id, severity, fieldCell(r, "target"), message));
  }
  return out;
}
