// template-text-left：表样的占位符或给填表人的提示留在了表里（“(≥**个)”“XX县”“注：各地请根据实际情况…”）。
// 查表头各栏、每个指标行的各栏和表格下方的注释行；标准表样自带的填表说明不算。

import type { Finding, Severity } from "../findings";
import type { CellRef } from "../form";
import { INDICATOR_FIELDS } from "../form";
import { toHalfWidth } from "../text";
import { excerpt } from "./terms";
import { findingAt, type RuleContext } from "./rule";

export const id = "template-text-left";
export const severity: Severity = "warning";

// One pass per cell (the rule reads every cell of every row): placeholders, then instructions to the filler.
const TEMPLATE_RE = new RegExp(
  [
    "[*＊]{2,}", "(?<![A-Za-zＡ-Ｚａ-ｚ])(?:XX+|xx+|ＸＸ+|ｘｘ+)(?![A-Za-zＡ-Ｚａ-ｚ])", "×{2,}", "○{2,}", "某某", "□{2,}",
    "各地(?:区|市|县)?.{0,4}根据", "请根据实际", "根据实际情况(?:填写|调整|设定|设置|增减)",
    "(?:可|请)自行(?:设置|填写|增减|调整|设定|增加)", "仅供参考", "此处填写", "请在此处?填写", "(?:参考|示例)(?:样式|格式)",
  ].join("|"),
);

/** A character every match of TEMPLATE_RE contains: most cells have none, and one class scan is cheap. */
const MAY_MATCH_RE = /[*＊XxＸｘ○某□各请根可仅此参示]|××/;

/** The placeholder or instruction a text still holds, or null. */
export function templateTextIn(text: string): string | null {
  if (!MAY_MATCH_RE.test(text)) return null;
  const m = TEMPLATE_RE.exec(text);
  return m ? toHalfWidth(m[0]) : null;
}

export function check({ form, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const look = (text: string, cell: CellRef | null) => {
    if (text === "" || cell === null) return;
    const found = templateTextIn(text);
    if (found !== null) out.push(findingAt(id, severity, cell, messages[id]({ text: excerpt(text.trim(), 20), found })));
  };
  for (const field of Object.values(form.header)) look(field.text, field.cell);
  for (const r of form.rows) {
    for (const f of INDICATOR_FIELDS) if (r.values[f] !== "" && r.cols[f] >= 0) look(r.values[f], { row: r.row, col: r.cols[f] });
  }
  for (const line of form.linesBelow) look(line.text, line.cell);
  return out;
}
