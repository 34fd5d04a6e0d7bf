// explanation-unrelated：指标解释与指标没有一个共同的“有意义的双字词”，多半是从别的表格复制来的。
//
// 指标一方的词取自三级指标名称，加上本行二级指标名称（“考核工作实施对社会效益所带来的影响”这样按类别写的
// 解释是诚实的）；去掉“考核、情况、指标、工作、完成、实施……”这类套话后，取相邻两个汉字为一个词（terms.ts）。
// 任何一方没有词（名称只有一个字、解释全是套话或数字）时无从判断，不报。每行只看本行，行数线性。

import type { Finding, Severity } from "../findings";
import { isLevel2 } from "../taxonomy";
import { excerpt, visitTerms } from "./terms";
import { fieldCell, findingAt, isBlank, rowsWithColumn, type RuleContext } from "./rule";

export const id = "explanation-unrelated";
export const severity: Severity = "warning";

const NONE: ReadonlySet<string> = new Set();

/** The indicator's terms (name, and level-2 name) share none with the explanation's; false when either has none. */
export function isUnrelated(name: ReadonlySet<string>, level2: ReadonlySet<string>, explanation: string): boolean {
  if (name.size === 0 && level2.size === 0) return false;
  let shared = false;
  // Scan the explanation once and stop at the first shared term; no set is built for it.
  const hasTerms = visitTerms(explanation, (t) => (shared = name.has(t) || level2.has(t)));
  return hasTerms && !shared;
}

/** isUnrelated on the explanation's remembered terms: explanations repeat down a table, names less so. */
function sharesNone(name: ReadonlySet<string>, level2: ReadonlySet<string>, explanation: ReadonlySet<string>): boolean {
  if ((name.size === 0 && level2.size === 0) || explanation.size === 0) return false;
  for (const t of explanation) if (name.has(t) || level2.has(t)) return false;
  return true;
}

export function check({ form, terms, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of rowsWithColumn(form, "explanation")) {
    const { level3, explanation } = r.values;
    if (isBlank(level3) || isBlank(explanation)) continue;
    const category = isLevel2(r.level2) ? terms(r.level2) : NONE;
    if (!sharesNone(terms(level3), category, terms(explanation))) continue;
    out.push(
      findingAt(id, severity, fieldCell(r, "explanation"), messages[id]({ name: level3, explanation: excerpt(explanation, 30) })),
    );
  }
  return out;
}
