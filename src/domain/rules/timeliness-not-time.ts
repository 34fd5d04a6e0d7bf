// timeliness-not-time：二级指标为“时效指标”的行，三级指标名称里没有任何表示时间的词。
// 名称为空时不报（level3-missing 已报）。

import type { Finding, Severity } from "../findings";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "timeliness-not-time";
export const severity: Severity = "warning";

export const TIME_WORDS: readonly string[] = [
  "及时", "按时", "准时", "按期", "如期", "时限", "时效", "时间", "时长", "时段", "时点", "小时", "期限", "限期",
  "逾期", "超期", "到期", "周期", "进度", "截止", "当期", "季度", "工作日", "天", "日", "周", "月", "年",
];
const TIME_RE = new RegExp(TIME_WORDS.join("|"));

export function check({ form, messages }: RuleContext): Finding[] {
  return rowsWithColumn(form, "level3")
    .filter((r) => r.level2 === "时效指标" && !isBlank(r.values.level3) && !TIME_RE.test(r.values.level3))
    .map((r) => findingAt(id, severity, fieldCell(r, "level3"), messages[id]({ name: r.values.level3 })));
}
