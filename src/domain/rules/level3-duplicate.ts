// level3-duplicate：同一张表中三级指标重复。两个名称在转半角、去掉所有空白、英文字母转小写后相同即为重复；
// 每一处都报（不只第二处起），与工作簿条件格式 COUNTIF(...)>1 的逐格判断一致。一次分组，行数线性。

import type { Finding, Severity } from "../findings";
import type { IndicatorRow } from "../form";
import { sameTextKey } from "./terms";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "level3-duplicate";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  const groups = new Map<string, IndicatorRow[]>();
  for (const r of rowsWithColumn(form, "level3")) {
    if (isBlank(r.values.level3)) continue;
    const key = sameTextKey(r.values.level3);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out: Finding[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    // One message per group (it names at most a few rows), so the work stays linear however often a name repeats.
    const rows = g.map((r) => r.row + 1);
    const byName = new Map<string, string>();
    for (const r of g) {
      const name = r.values.level3;
      let message = byName.get(name);
      if (message === undefined) byName.set(name, (message = messages[id]({ name, rows })));
      out.push(findingAt(id, severity, fieldCell(r, "level3"), message));
    }
  }
  return out;
}
