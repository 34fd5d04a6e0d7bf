// 从评（扣）分标准的文字读回赋分方法和参数：renderStandard 写出的文字原样读回；
// 手写的标准只在写明分值和门槛、步长、分档时读出，否则返回 null（得分由用户填写，只查范围）。

import { stripTags, toHalfWidth } from "../text";
import { pointsOf } from "./points";
import { GRADES, ScoringMethodSchema, type ScoringMethod, type ScoringMethodInput } from "./schema";

const N = String.raw`(\d+(?:\.\d+)?)`;

/** Half-width, no spaces, Chinese brackets as ASCII, so one pattern serves typed and generated text. */
function normalized(text: string): string {
  return toHalfWidth(stripTags(text))
    .replace(/[\s\u00a0]+/g, "")
    .replace(/[～—–－]/g, "-")
    .replace(/：/g, ":");
}

/** A percent as a fraction without float noise ("65.5" → 0.655, the same number as the literal). */
function fractionOf(percent: string): number {
  return Number((Number(percent) / 100).toFixed(10));
}

function valid(input: ScoringMethodInput): ScoringMethod | null {
  const r = ScoringMethodSchema.safeParse(input);
  return r.success ? r.data : null;
}

function gradedOf(t: string): ScoringMethod | null {
  if (!GRADES.every((g) => t.includes(g.name))) return null;
  const full = new RegExp(String.raw`满分${N}分`).exec(t)?.[1];
  const points = full !== undefined ? Number(full) : pointsOf(t);
  return points === null ? null : valid({ kind: "graded", points });
}

/** Clauses naming a percent and an award: "80%(含)至90%得8分" → band from 80%. */
function satisfactionOf(t: string): ScoringMethod | null {
  // "每下降1%扣0.5分" deducts per point below the target: not bands.
  if (!t.includes("满意") || /每(?:下降|降低|低于?|减少|少)/.test(t)) return null;
  const bands: Array<{ min: number; points: number }> = [];
  for (const clause of t.split(/[;；。,，]/)) {
    const award = new RegExp(String.raw`得${N}分`).exec(clause);
    if (!award?.[1]) continue;
    const percents = [...clause.matchAll(new RegExp(String.raw`${N}%`, "g"))].map((m) => Number(m[1]));
    if (percents.length === 0) return null; // an award without a band: not a banded standard
    // "…及以上" / "(含)" start a band at the percent; "小于90%且大于等于80%" states both ends: the band starts at the lower.
    bands.push({ min: fractionOf(String(Math.min(...percents))), points: Number(award[1]) });
  }
  if (bands.length === 0) return null;
  bands.sort((a, b) => b.min - a.min);
  return valid({ kind: "satisfaction", points: bands[0]?.points ?? 0, bands });
}

/** "每超出10%扣2分" (the seed), with the award "控制在…以内得20分" or "得20分". */
function ceilingOf(t: string): ScoringMethod | null {
  const m = new RegExp(String.raw`每超(?:出|过)${N}%(?:的)?[,，]?(?:扣(?:除)?|减)${N}分`).exec(t);
  if (!m?.[1] || !m[2]) return null;
  const points = pointsOf(t);
  if (points === null) return null;
  return valid({ kind: "proportional", variant: "ceiling", points, step: fractionOf(m[1]), deduction: Number(m[2]) });
}

/** "完成率低于60%不得分" plus "×15分" or "得15分"; the hand-written "完成率小于60%为不及格，不得分" too. */
function rateOf(t: string): ScoringMethod | null {
  if (!/完成率|完成比例/.test(t)) return null;
  const m = new RegExp(String.raw`(?:低于|小于|不足|未达到?)${N}%(?:的)?(?:为不及格)?[,，]?(?:不得分|得0分)`).exec(t);
  if (!m?.[1]) return null;
  const formula = new RegExp(String.raw`[×*]${N}分`).exec(t)?.[1];
  const points = formula !== undefined ? Number(formula) : pointsOf(t);
  if (points === null) return null;
  return valid({ kind: "proportional", variant: "rate", points, threshold: fractionOf(m[1]) });
}

/** "达到指标值得10分；未达到不得分" / "未达到扣3分". */
function directOf(t: string): ScoringMethod | null {
  const met = new RegExp(String.raw`^(?:达到指标值|达到目标|符合要求|完成)(?:的)?得${N}分`).exec(t);
  if (!met?.[1]) return null;
  const points = Number(met[1]);
  const deduction = new RegExp(String.raw`(?:未达到|不符合要求|未完成)(?:的)?扣${N}分`).exec(t)?.[1];
  if (deduction !== undefined) return valid({ kind: "direct", points, deduction: Number(deduction) });
  return /(?:未达到|不符合要求|未完成)(?:的)?(?:不得分|得0分)/.test(t) ? valid({ kind: "direct", points }) : null;
}

/**
 * The method and parameters a scoring standard states, or null when it does not state them fully.
 * For every method m, readStandard(renderStandard(m)) deep-equals m.
 */
export function readStandard(standard: string): ScoringMethod | null {
  const t = normalized(standard);
  if (t === "") return null;
  return gradedOf(t) ?? satisfactionOf(t) ?? ceilingOf(t) ?? rateOf(t) ?? directOf(t);
}
