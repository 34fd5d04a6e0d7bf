// 从已有的评（扣）分标准中读出该指标的分值。

import { stripTags, toHalfWidth } from "../text";

const NUM = String.raw`(\d+(?:\.\d+)?)`;

/**
 * Phrases that state the total outright: 满分10分, （10分）, 分值：10, 本指标10分, 权重10分, 总分10分.
 * When a standard has one, it wins over the awards it lists.
 */
const TOTAL_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`满分(?:为|是|:)?${NUM}(?:分|(?![\d.%]))`, "g"),
  new RegExp(String.raw`(?:共|合计|总计)(?:计|为)?${NUM}分`, "g"),
  new RegExp(String.raw`[(【\[]${NUM}分[)】\]]`, "g"),
  new RegExp(String.raw`(?:分值|权重|总分|总分值)(?:为|是|:|共|计)?${NUM}(?!\d|\.\d|%)`, "g"),
  new RegExp(String.raw`本(?:项指标|指标|项|条)(?:分值|权重)?(?:为|是|:|共|计|占)?${NUM}分`, "g"),
];

/**
 * Awards: 得10分, 得8-10分, 得8分至10分, 计10分, 给予10分, and the formula's "×10分".
 * Deductions (扣0.5分, 每超出10%扣2分) are not awards, so they never match.
 */
const AWARD_PATTERN = new RegExp(
  String.raw`(?:得|给予|给|赋|计|记|获)(?:分为|分:|分|为)?${NUM}(?:分?(?:-|~|至|到)${NUM})?分|[×*]${NUM}分`,
  "g",
);

/** A bare "10分" with nothing saying it is a threshold, a deduction or a survey score. */
const BARE_PATTERN = new RegExp(String.raw`(?<![\d.])${NUM}分(?!钟|之|制|以上|以下|及以上|及以下|以内|的|[-~至到])`, "g");
const BARE_NOT_AFTER = /(?:扣|减|扣除|下降|降低|少|低于|高于|超过|达到|达|不足|不低于|不高于|大于|小于|在|第)$|每[^,;；。:]{0,4}$/;

function numbers(text: string, pattern: RegExp, keep: (index: number) => boolean = () => true): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(pattern)) {
    if (!keep(m.index ?? 0)) continue;
    for (const g of m.slice(1)) if (g !== undefined) found.push(Number(g));
  }
  return found.filter((n) => Number.isFinite(n) && n > 0);
}

/**
 * The points a scoring standard says its indicator is worth, or null when it never says.
 * "效果明显得15分，效果一般得10分" → 15 (the most it can award); "群众满意度达95%以上得10分，每下降1%，扣0.5分" → 10.
 */
export function pointsOf(standard: string): number | null {
  const text = toHalfWidth(stripTags(standard))
    .replace(/[\s\u00a0]+/g, "")
    .replace(/：/g, ":")
    .replace(/[～—–－]/g, "-");
  if (text === "") return null;

  const totals = TOTAL_PATTERNS.flatMap((p) => numbers(text, p));
  if (totals.length > 0) return Math.max(...totals);

  const awards = numbers(text, AWARD_PATTERN);
  if (awards.length > 0) return Math.max(...awards);

  const bare = numbers(text, BARE_PATTERN, (i) => !BARE_NOT_AFTER.test(text.slice(Math.max(0, i - 6), i)));
  return bare.length > 0 ? Math.max(...bare) : null;
}
