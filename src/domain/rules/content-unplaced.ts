// content-unplaced：读表时放不进任何一栏的内容（form.notes），每处一条提醒，绝不悄悄丢掉。

import type { Finding, Severity } from "../findings";
import { excerpt } from "./terms";
import { findingAt, type RuleContext } from "./rule";

export const id = "content-unplaced";
export const severity: Severity = "warning";

export function check({ form, messages }: RuleContext): Finding[] {
  return form.notes.map((n) => findingAt(id, severity, n.cell, messages[id]({ text: excerpt(n.text, 30) })));
}
