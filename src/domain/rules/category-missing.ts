// category-missing：四个一级指标中有一类没有任何指标。
// 某行生效的一级指标是它，或本行二级指标属于它，都算有（一块标错了一级指标的行不会既报错配又报缺类）。
// 单元格为表头行最左边的表头单元格。

import type { Finding, Severity } from "../findings";
import { LEVEL1_NAMES, isLevel1, level1Of } from "../taxonomy";
import { findingAt, headerCell, type RuleContext } from "./rule";

export const id = "category-missing";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  // A layout without level columns (indicators listed flat) cannot show its categories: column-missing says so once.
  if (form.columns.level1 === undefined && form.columns.level2 === undefined) return [];
  const present = new Set<string>();
  for (const r of form.rows) {
    if (isLevel1(r.level1)) present.add(r.level1);
    const owner = level1Of(r.level2);
    if (owner) present.add(owner);
    // A block in the old framework has the category, only in the wrong place (framework-outdated says so).
    if (r.outdated === "cost") present.add("成本指标");
    if (r.outdated === "satisfaction") present.add("满意度指标");
  }
  const cell = headerCell(form);
  return LEVEL1_NAMES.filter((l1) => !present.has(l1)).map((level1) => findingAt(id, severity, cell, messages[id]({ level1 })));
}
