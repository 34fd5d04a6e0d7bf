// level2-mismatch：一级、二级指标都是规定名称，但二级指标不属于该一级指标。单元格为本行的二级指标列。

import type { Finding, Severity } from "../findings";
import { isLevel1, level1Of } from "../taxonomy";
import { fieldCell, findingAt, rowsWithColumn, type RuleContext } from "./rule";

export const id = "level2-mismatch";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rowsWithColumn(form, "level2")) {
    if (r.outdated !== null) continue; // 服务对象满意度指标 under 效益指标 is the old framework: framework-outdated
    const belongsTo = level1Of(r.level2);
    if (!isLevel1(r.level1) || belongsTo === null || belongsTo === r.level1) continue;
    out.push(findingAt(id, severity, fieldCell(r, "level2"), messages[id]({ level1: r.level1, level2: r.level2, belongsTo })));
  }
  return out;
}
