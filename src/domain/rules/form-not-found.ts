// form-not-found：整个文件没有一张工作表含有可识别的表格。按表检查时无从发现，
// 由命令行在所有工作表都读不出表格时调用 formNotFoundFinding()。

import type { Finding, Severity } from "../findings";
import { findingMessages } from "../messages";
import type { Language } from "../settings";

export const id = "form-not-found";
export const severity: Severity = "error";

export function formNotFoundFinding(language: Language = "zh"): Finding {
  return { rule: id, severity, cell: "A1", row: 1, message: findingMessages(language)[id]() };
}

/** A single form cannot be missing: nothing to report here. */
export function check(): Finding[] {
  return [];
}
