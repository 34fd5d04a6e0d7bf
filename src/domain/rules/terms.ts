// 文本比较用的小工具：重复判断用的键、“有意义的双字词”（用于指标解释是否相关、履职目标对应哪个指标）。

import { toHalfWidth } from "../text";

const WIDE_RE = /[\uff01-\uff5e\u3000]/;

/** toHalfWidth, skipped when there is nothing full-width (most cells): the rules run on every row. */
export function halfWidth(s: string): string {
  return WIDE_RE.test(s) ? toHalfWidth(s) : s;
}

/** The key two texts are "the same" by: half-width, no whitespace at all, ASCII lower-cased. */
export function sameTextKey(s: string): string {
  return halfWidth(s).replace(/[\s\u00a0\u3000]+/g, "").toLowerCase();
}

/**
 * Words that appear in almost every indicator name or explanation and so say nothing about what is measured
 * (“考核……情况”). They are cut out before pairing characters, so they neither match nor bridge two terms.
 */
export const FILLER_WORDS: readonly string[] = [
  "考核", "情况", "指标", "工作", "完成", "实施", "全年", "年度", "本年", "当年", "开展", "进行", "有关", "相关",
  "主要", "反映", "衡量", "确保", "达到", "做到", "是否", "以及", "通过", "具体", "内容", "计算", "方法", "数据",
  "口径", "部分", "程度", "水平", "任务", "目标", "按照", "根据", "要求", "实际", "计划", "期间", "范围",
];

const FILLER_RE = new RegExp(
  [...FILLER_WORDS].sort((a, b) => b.length - a.length).join("|"),
  "g",
);
const CJK_RUN_RE = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const ASCII_WORD_RE = /[a-z][a-z0-9]+/g;

/**
 * The meaningful terms of a text: every pair of adjacent Chinese characters (bigram) once the filler words are
 * cut out, plus ASCII words of two or more letters. Numbers and punctuation are not terms.
 * Linear in the text's length.
 */
export function meaningfulTerms(text: string): Set<string> {
  const terms = new Set<string>();
  visitTerms(text, (term) => {
    terms.add(term);
    return false;
  });
  return terms;
}

/**
 * Calls `visit` with each meaningful term of a text (repeats included) until it returns true.
 * Returns whether the text had any term. The character ranges are all in the BMP, so a run's UTF-16 units are its characters.
 */
export function visitTerms(text: string, visit: (term: string) => boolean): boolean {
  const t = halfWidth(text).toLowerCase().replace(FILLER_RE, " ");
  let any = false;
  for (const run of t.match(CJK_RUN_RE) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      any = true;
      if (visit(run.slice(i, i + 2))) return true;
    }
  }
  for (const w of t.match(ASCII_WORD_RE) ?? []) {
    any = true;
    if (visit(w)) return true;
  }
  return any;
}

export function countShared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** A long text shortened for a message. */
export function excerpt(s: string, max = 24): string {
  const chars = Array.from(s.replace(/\s+/g, " ").trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max).join("")}…`;
}


/**
 * The known name a mistyped one probably meant: the only name that contains it (“成本” → 成本指标) or whose core,
 * without 指标, it contains (“社会效益类指标” → 社会效益指标). Null when none or several fit.
 */
export function likelyName(typed: string, names: readonly string[]): string | null {
  const t = sameTextKey(typed);
  if (t === "") return null;
  const fits = names.filter((n) => n.includes(t) || t.includes(n.replace(/指标$/, "")));
  return fits.length === 1 ? (fits[0] ?? null) : null;
}
