// level3-contains-value：三级指标名称里带了数值、单位或目标（“村组干部230人”“完成率100%”“≥95”）。
// 判断：数字紧跟已知计量单位或 %；或出现比较符号。“2026年”这样的年份不算。

import type { Finding, Severity } from "../findings";
import { KNOWN_UNITS } from "../taxonomy";
import { halfWidth } from "./terms";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "level3-contains-value";
export const severity: Severity = "warning";

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const UNITS = [...KNOWN_UNITS].sort((a, b) => b.length - a.length).map(escape).join("|");
const NUMBER_WITH_UNIT_RE = new RegExp(`(\\d+(?:[.,]\\d+)*)\\s*(${UNITS})`, "gi");
const COMPARISON_RE = /[≥≤><=≧≦]\s*\d*/;
const QUICK_RE = /[\d０-９≥≤><=≧≦＞＜＝]/;

/** The part of a name that carries a value, or null. */
export function valueInName(name: string): string | null {
  if (!QUICK_RE.test(name)) return null; // most names hold neither a digit nor a sign
  const t = halfWidth(name);
  const cmp = COMPARISON_RE.exec(t);
  if (cmp) return cmp[0];
  for (const m of t.matchAll(NUMBER_WITH_UNIT_RE)) {
    const [whole, num = "", unit = ""] = m;
    const isYear = /^(19|20|21)\d{2}$/.test(num) && unit.startsWith("年");
    if (!isYear) return whole;
  }
  return null;
}

export function check({ form, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rowsWithColumn(form, "level3")) {
    if (isBlank(r.values.level3)) continue;
    const found = valueInName(r.values.level3);
    if (found !== null) out.push(findingAt(id, severity, fieldCell(r, "level3"), messages[id]({ name: r.values.level3, found })));
  }
  return out;
}
