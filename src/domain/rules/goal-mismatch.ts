// goal-mismatch：年度履职目标的某一句提到一个指标（按三级指标名称的有意义双字词对上），
// 写的数值却与该指标的指标值不同。
//
// 做法：把目标文字按 。；，等断成小句；只看带数字的小句（“2026年”这样的年份不算）。小句与三级指标共有的
// 双字词（terms.ts）至少 2 个（名称只有 1 个词时为 1 个）且覆盖名称的一半以上，才算提到该指标；取覆盖率最高的
// 指标（并列的都算）；名称以“××率”结尾的指标，小句里还要有“××”二字。单位可比时（相同，或一方没写；“万人”与“人”按 1 万倍换算）才比较数值；
// 有一个数值与任一对上的指标相同就不报。双字词建倒排索引，行数线性。

import type { Finding, Severity } from "../findings";
import type { IndicatorRow } from "../form";
import { KNOWN_UNITS } from "../taxonomy";
import { parseNumber } from "../text";
import { excerpt, halfWidth } from "./terms";
import { findingAt, formAnchor, isBlank, type RuleContext } from "./rule";

export const id = "goal-mismatch";
export const severity: Severity = "warning";

const NONE: ReadonlySet<string> = new Set();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const UNITS = [...KNOWN_UNITS].sort((a, b) => b.length - a.length).map(escape).join("|");
const FIGURE_RE = new RegExp(`(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(${UNITS}|万|亿)?`, "gi");

interface Figure {
  text: string;
  value: number;
  unit: string;
}

interface Quantity {
  value: number;
  unit: string;
}

/** 万/亿 in front of a unit scale the number; the rest is the unit proper. */
function scaled(q: Quantity): Quantity {
  const m = /^(万|亿)(.*)$/.exec(q.unit);
  if (!m) return q;
  return { value: q.value * (m[1] === "万" ? 1e4 : 1e8), unit: m[2] ?? "" };
}

/** Numbers of a clause with the unit that follows them; years such as 2026年 are left out. */
/** Item numbers are not figures: "目标3：", "任务二", "第1项", "1.", "(2)", "3、" at a clause's start. */
const ITEM_NUMBER_RE = /(?:目标|任务|指标|措施|第)\s*\d+\s*(?:[：:、.)）]|项|条|是)?|^\s*[(（]?\d{1,2}\s*[)）.、](?!\d)|[(（]\d{1,2}[)）]/g;

export function figuresOf(clause: string): Figure[] {
  const out: Figure[] = [];
  for (const m of halfWidth(clause).replace(ITEM_NUMBER_RE, (s) => " ".repeat(s.length)).matchAll(FIGURE_RE)) {
    const [whole, num = "", unit = ""] = m;
    if (/^(19|20|21)\d{2}$/.test(num) && unit.startsWith("年")) continue;
    const value = Number(num.replace(/,/g, ""));
    if (Number.isFinite(value)) out.push({ text: whole.trim(), value, unit });
  }
  return out;
}

/** Same quantity when the units agree (or one side has none), after 万/亿 scaling; null when not comparable. */
export function sameQuantity(a: Quantity, b: Quantity): boolean | null {
  const x = scaled(a);
  const y = scaled(b);
  if (x.unit !== "" && y.unit !== "" && x.unit !== y.unit) return null;
  return Math.abs(x.value - y.value) <= 1e-9 * Math.max(1, Math.abs(x.value), Math.abs(y.value));
}

function targetOf(r: IndicatorRow): Quantity | null {
  const value = parseNumber(r.values.target) ?? r.targetSplit?.number ?? null;
  if (value === null) return null;
  return { value, unit: halfWidth(r.values.unit).trim() || r.targetSplit?.unit || "" };
}

export function check({ form, terms: termsOf, messages }: RuleContext): Finding[] {
  const goals = form.header.goals;
  if (isBlank(goals.text)) return [];

  const clauses = goals.text
    .split(/[。；;，！!？?\n]+|,(?!\d{3})/)
    .map((text) => ({ text, figures: figuresOf(text), terms: termsOf(text.replace(/\d/g, " ")) }))
    .filter((c) => c.figures.length > 0);
  if (clauses.length === 0) return [];
  const goalTerms = new Set(clauses.flatMap((c) => [...c.terms]));

  // Rows by term, for the terms the goals use only: one pass over the rows.
  const rowTerms: Array<ReadonlySet<string>> = [];
  const index = new Map<string, number[]>();
  form.rows.forEach((r, i) => {
    const terms = isBlank(r.values.level3) ? NONE : termsOf(r.values.level3);
    rowTerms.push(terms);
    for (const t of terms) {
      if (!goalTerms.has(t)) continue;
      const list = index.get(t);
      if (list) list.push(i);
      else index.set(t, [i]);
    }
  });

  // A rate is named by the word before 率 (及时率, 合格率): a clause that never says that word states some other
  // figure ("完成项目主体工程70%" is not the 完成及时率).
  const rateWords = form.rows.map((r) => /([\u3400-\u9fff]{2})率$/.exec(halfWidth(r.values.level3).replace(/[\s)）]+$/, ""))?.[1]);

  const out: Finding[] = [];
  for (const { text: clause, figures, terms } of clauses) {
    const shared = new Map<number, number>();
    for (const t of terms) {
      for (const i of index.get(t) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    let best: number[] = [];
    let bestCoverage = 0;
    for (const [i, n] of shared) {
      const size = rowTerms[i]?.size ?? 0;
      if (n < Math.min(2, size) || n * 2 < size) continue;
      const rate = rateWords[i];
      if (rate && !clause.includes(rate)) continue;
      const coverage = n / size;
      if (coverage > bestCoverage) [best, bestCoverage] = [[i], coverage];
      else if (coverage === bestCoverage) best.push(i);
    }
    best.sort((a, b) => a - b);
    let mismatch: { figure: Figure; row: IndicatorRow } | null = null;
    let agrees = false;
    for (const i of best) {
      const r = form.rows[i];
      const target = r ? targetOf(r) : null;
      if (!r || !target) continue;
      for (const figure of figures) {
        const same = sameQuantity(figure, target);
        if (same === true) agrees = true;
        else if (same === false && !mismatch) mismatch = { figure, row: r };
      }
    }
    if (agrees || !mismatch) continue;
    const { figure, row } = mismatch;
    const message = messages[id]({
      clause: excerpt(clause.trim(), 30),
      figure: figure.text,
      indicator: row.values.level3,
      row: row.row + 1,
      target: `${row.values.target}${row.values.unit}`,
    });
    out.push(findingAt(id, severity, goals.cell ?? formAnchor(form), message));
  }
  return out;
}
