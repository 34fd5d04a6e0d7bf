// value-date-serial：指标值或计量单位是表格的日期序号（44561 即 2021-12-31），多是日期单元格被粘贴成数字。
// 计量单位是这样的数字就报；指标值只在时效指标或名称说时间的行上报（别的行上它可能是真的数量）。

import type { Finding, Severity } from "../findings";
import { parseNumber } from "../text";
import { fieldCell, findingAt, rowsWithColumn, type RuleContext } from "./rule";

export const id = "value-date-serial";
export const severity: Severity = "warning";

/** Serials of 2000-01-01 and 2050-12-31 in the 1900 date system. */
const FIRST = 36526;
const LAST = 55153;
const TIME_NAME_RE = /时间|日期|时限|期限|截止|之前|前完成|月底|年底|年末|完成时/;

// A date cell shown with a thousands number format reads "44,561"; other commas ("44,56") are not a serial.
const GROUPED_RE = /^\d{1,3}(?:[,，]\d{3})+$/;

function serialOf(text: string): number | null {
  const n = parseNumber(text);
  const plain = !/[,，]/.test(text) || GROUPED_RE.test(text.trim());
  return n !== null && Number.isInteger(n) && n >= FIRST && n <= LAST && plain ? n : null;
}

/** The serial as a date, yyyy-mm-dd (day 0 is 1899-12-30, as spreadsheets count). */
export function serialDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
}

export function check({ form, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rowsWithColumn(form, "target")) {
    const timely = r.level2 === "时效指标" || TIME_NAME_RE.test(r.values.level3);
    const serial = timely ? serialOf(r.values.target) : null;
    if (serial !== null) out.push(findingAt(id, severity, fieldCell(r, "target"), messages[id]({ serial, date: serialDate(serial), where: "target" })));
  }
  for (const r of rowsWithColumn(form, "unit")) {
    const serial = serialOf(r.values.unit);
    if (serial !== null) out.push(findingAt(id, severity, fieldCell(r, "unit"), messages[id]({ serial, date: serialDate(serial), where: "unit" })));
  }
  return out;
}
