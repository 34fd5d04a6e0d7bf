// level1-invalid：本行生效的一级指标（本行的，或合并单元格式地沿用上方的）为空或不是四个规定名称之一。
// 沿用来的错误名称在块内每行都报，与工作簿内的条件格式逐行判断一致。

import type { Finding, Severity } from "../findings";
import { isLevel1, LEVEL1_NAMES } from "../taxonomy";
import { likelyName } from "./terms";
import { fieldCell, findingAt, rowsWithColumn, type RuleContext } from "./rule";

export const id = "level1-invalid";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "level1")
    .filter((r) => !isLevel1(r.level1))
    .map((r) =>
      findingAt(id, severity, fieldCell(r, "level1"), messages[id]({ value: r.level1, inherited: r.level1Inherited, suggestion: likelyName(r.level1, LEVEL1_NAMES) })),
    );
}
