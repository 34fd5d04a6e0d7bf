// value-no-comparison：指标值自带比较符号的版式（没有指标值类型列，指标值写“≥95%”），
// 某个定量指标值有数字（和单位）却没有比较方式（“1600元/亩”“100”）。单元格为指标值。

import type { Finding, Severity } from "../findings";
import { toHalfWidth } from "../text";
import { fieldCell, findingAt, rowsWithColumn, type RuleContext } from "./rule";

export const id = "value-no-comparison";
export const severity: Severity = "warning";

/** A number, perhaps followed by a unit, nothing before it: "1600元/亩", "12个", "100" (not "≥95%", not "95%以上"). */
const BARE_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?([^\d\s.,][^\d]{0,7})?$/;

export function check({ form, messages }: RuleContext): Finding[] {
  if (!form.targetCarries.comparison) return [];
  const out: Finding[] = [];
  for (const r of rowsWithColumn(form, "target")) {
    const text = toHalfWidth(r.values.target).replace(/\s+/g, "");
    const m = BARE_RE.exec(text);
    if (!m || /以上|以下|以内|左右/.test(m[1] ?? "")) continue;
    // A calendar year or date ("2021年全年", "2021年12月") names a period, not an amount to compare against.
    if (/^(?:19|20)\d{2}年/.test(text)) continue;
    out.push(findingAt(id, severity, fieldCell(r, "target"), messages[id]({ text: r.values.target.trim() })));
  }
  return out;
}
