// column-missing：表头缺少表格必需的列（读表时已按所有别名找过，form.missingColumns）。
// 每缺一列一条，单元格为表头行最左边的表头单元格。

import type { Finding, Severity } from "../findings";
import { COLUMN_LABELS } from "../layout";
import { findingAt, headerCell, type RuleContext } from "./rule";

export const id = "column-missing";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  const cell = headerCell(form);
  return form.missingColumns.map((f) => findingAt(id, severity, cell, messages[id]({ label: COLUMN_LABELS[f] })));
}
