// year-invalid：年度缺失，或不是 2000–2100 之间的四位年份。

import type { Finding, Severity } from "../findings";
import { findingAt, formAnchor, type RuleContext } from "./rule";

export const id = "year-invalid";
export const severity: Severity = "error";

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function check({ form, messages }: RuleContext): Finding[] {
  const { value, text, cell } = form.year;
  if (value !== null && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) return [];
  return [findingAt(id, severity, cell ?? formAnchor(form), messages[id]({ text, value }))];
}
