// level2-invalid：本行生效的二级指标为空或不是十一个规定名称之一。
// 本行填了一级指标时二级指标不沿用上方（读表时已处理），所以“一级指标有、二级指标空”就是“二级指标为空”。

import type { Finding, Severity } from "../findings";
import { isLevel1, isLevel2, LEVEL2_BY_LEVEL1, LEVEL2_NAMES } from "../taxonomy";
import { likelyName } from "./terms";
import { fieldCell, findingAt, rowsWithColumn, type RuleContext } from "./rule";

export const id = "level2-invalid";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "level2")
    .filter((r) => !isLevel2(r.level2) && r.outdated === null) // the old framework's blocks: framework-outdated
    .map((r) => {
      // Prefer the level-2 names of the row's own level-1: “数量” under 产出指标 means 数量指标.
      const names = isLevel1(r.level1) ? LEVEL2_BY_LEVEL1[r.level1] : LEVEL2_NAMES;
      const suggestion = likelyName(r.level2, names) ?? likelyName(r.level2, LEVEL2_NAMES);
      return findingAt(id, severity, fieldCell(r, "level2"), messages[id]({ value: r.level2, level1: r.level1, suggestion }));
    });
}
