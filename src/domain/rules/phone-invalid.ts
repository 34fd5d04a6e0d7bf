// phone-invalid：联系电话不是手机号，也不是带区号的固定电话。
//
// 手机：1[3-9] 开头共 11 位，可带 +86/86 前缀，数字间可有空格或“-”。
// 固话：区号 0 开头 3–4 位（可写成“0745-”“(0745)”“（0745）”“0745 ”），号码 7–8 位，可带分机
// （“-123”“转123”“ext123”“#123”）。多个号码可用 / 、 , ; 或空格分隔，每个都要合格。空栏归 signoff-missing。

import type { Finding, Severity } from "../findings";
import { toHalfWidth } from "../text";
import { findingAt, formAnchor, isBlank, type RuleContext } from "./rule";

export const id = "phone-invalid";
export const severity: Severity = "warning";

const MOBILE_RE = /^(\+?86)?1[3-9]\d{9}$/;
const LANDLINE_RE = /^(\(0\d{2,3}\)|0\d{2,3}-?)[1-9]\d{6,7}((-|转|ext\.?|#)\d{1,6})?$/i;

function isOneNumber(p: string): boolean {
  if (MOBILE_RE.test(p.replace(/[\s-]/g, ""))) return true;
  const landline = p.replace(/\s*([()])\s*/g, "$1").replace(/\s+/g, "-").replace(/-{2,}/g, "-");
  return LANDLINE_RE.test(landline);
}

export function isPhoneNumber(text: string): boolean {
  const parts = toHalfWidth(text)
    .trim()
    .split(/\s*[/、,;]\s*/)
    .filter((p) => p !== "");
  if (parts.length === 0) return false;
  // A part that is not one number may be two written with a single space between them.
  return parts.every((p) => isOneNumber(p) || p.split(/\s+/).every(isOneNumber));
}

export function check({ form, messages }: RuleContext): Finding[] {
  const { text, cell } = form.signoff.phone;
  if (isBlank(text) || isPhoneNumber(text)) return [];
  return [findingAt(id, severity, cell ?? formAnchor(form), messages[id]({ text }))];
}
