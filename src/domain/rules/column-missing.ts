// column-missing：表头缺少表格必需的列（读表时已按所有别名找过，form.missingColumns）。
// 每张表一条，列出所缺的每一列（缺列不再逐行报错），单元格为表头行最左边的表头单元格。

import type { Finding, Severity } from "../findings";
import { COLUMN_LABELS } from "../layout";
import { findingAt, headerCell, type RuleContext } from "./rule";

export const id = "column-missing";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  if (form.missingColumns.length === 0) return [];
  const labels = form.missingColumns.map((f) => COLUMN_LABELS[f]);
  return [findingAt(id, severity, headerCell(form), messages[id]({ labels }))];
}
