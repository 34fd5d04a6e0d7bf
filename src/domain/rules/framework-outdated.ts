// framework-outdated：按 2021 年以前的指标体系填写（成本指标是产出指标下的二级指标，满意度是效益指标下的二级指标）。
// 每一块（连续几行同一旧写法）报一次，单元格为该块第一行的二级指标列；这些行不报错位、不报二级指标错配或缺类。

import type { Finding, Severity } from "../findings";
import type { IndicatorRow } from "../form";
import { fieldCell, findingAt, type RuleContext } from "./rule";

export const id = "framework-outdated";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  const blocks: IndicatorRow[][] = [];
  let prev: IndicatorRow | null = null;
  for (const r of form.rows) {
    const last = blocks[blocks.length - 1];
    if (r.outdated !== null && last && prev?.outdated === r.outdated && prev.level2 === r.level2) last.push(r);
    else if (r.outdated !== null) blocks.push([r]);
    prev = r;
  }
  return blocks.map((rows) => {
    const first = rows[0] as IndicatorRow;
    const part = first.outdated ?? "cost";
    const message = messages[id]({ part, level1: first.level1, level2: first.level2, rows: rows.map((r) => r.row + 1) });
    return findingAt(id, severity, fieldCell(first, "level2"), message);
  });
}
