// signoff-missing：签字栏的填表人、联系电话、填表日期、单位负责人未填（每个空栏一条）。
// 两个审核栏由审核人填写，报送时常为空，不检查。

import type { Finding, Severity } from "../findings";
import type { SignoffField } from "../form";
import { SIGNOFF_LABELS } from "../layout";
import { findingAt, isBlank, type RuleContext } from "./rule";

export const id = "signoff-missing";
export const severity: Severity = "warning";

const REQUIRED: readonly SignoffField[] = ["filledBy", "phone", "fillDate", "head"];

export function check({ form, messages }: RuleContext): Finding[] {
  // A field the reader found no label for is reported below the grid, where the template puts the sign-off lines.
  const fallback = { row: form.lastRow + 2, col: 0 };
  return REQUIRED.filter((f) => isBlank(form.signoff[f].text)).map((f) =>
    findingAt(id, severity, form.signoff[f].cell ?? fallback, messages[id]({ label: SIGNOFF_LABELS[f] })),
  );
}
