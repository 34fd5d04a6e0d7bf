// goals-missing：表头“年度履职目标”为空。

import type { Finding, Severity } from "../findings";
import { kindHasField } from "../reader/kind";
import { findingAt, formAnchor, isBlank, type RuleContext } from "./rule";

export const id = "goals-missing";
export const severity: Severity = "error";

export function check({ form, messages }: RuleContext): Finding[] {
  if (!kindHasField(form.kind, "goals")) return []; // only the fields the table's kind has (reader/kind.ts)
  const { text, cell } = form.header.goals;
  return isBlank(text) ? [findingAt(id, severity, cell ?? formAnchor(form), messages[id]())] : [];
}
