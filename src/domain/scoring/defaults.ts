// 一行指标默认用哪种赋分方法（SPEC 第3节）；用户总可以另选。

import type { IndicatorRow } from "../form";
import { normalizeValueType, parseNumber, toHalfWidth } from "../text";
import { QUALITATIVE } from "../taxonomy";
import { defaultSatisfactionBands, ScoringMethodSchema, type SatisfactionBand, type ScoringMethod } from "./schema";

/** Targets that can only be met or not: 是/否, 有/无, 完成/未完成 … */
const YES_NO_TARGET =
  /^(是|否|有|无|完成|未完成|已完成|达到|未达到|达标|未达标|合格|不合格|实现|未实现|按时完成|通过|未通过|符合|不符合)$/;
/** Names that ask a yes/no question: 是否按时拨付, 有无安全事故. */
const YES_NO_NAME = /是否|有无|有没有|能否|可否|是不是/;

function isYesNo(row: IndicatorRow): boolean {
  const target = toHalfWidth(row.values.target).replace(/\s+/g, "");
  if (YES_NO_TARGET.test(target)) return true;
  if (!YES_NO_NAME.test(row.values.level3)) return false;
  const n = parseNumber(target.replace(/%$/, ""));
  const percent = target.endsWith("%") || row.values.unit.trim() === "%";
  // "是否按时拨付 = 100%", "是否发生安全事故 = 0" (a count or share that is all or nothing).
  return normalizeValueType(row.values.valueType) === "=" && (n === 0 || (percent ? n === 100 : n === 1));
}

/** The row's target as a share (95 or "≥95%" → 0.95), or null when it is not a percentage-like number. */
export function targetShare(row: IndicatorRow): number | null {
  const text = toHalfWidth(row.values.target).replace(/\s+/g, "").replace(/^(>=|<=|[≥≤><=])/, "").replace(/%$/, "");
  const n = parseNumber(text);
  return n === null || n <= 0 || n > 100 ? null : n / 100;
}

/**
 * Satisfaction bands that start at the row's own target: target 95% with 10 points → ≥95% 10, 85%–95% 8,
 * 60%–85% 5, below 60% none. 60% stays the pass line unless the target is lower; without a usable target
 * the form's example (90/80/60).
 */
export function satisfactionBandsFor(target: number | null, points: number): SatisfactionBand[] {
  if (target === null || target < 0.6) return defaultSatisfactionBands(points);
  const round2 = (n: number) => Math.round(n * 100) / 100;
  const top = round2(target);
  const second = round2(top - 0.1);
  const bands: SatisfactionBand[] = [{ min: top, points: round2(points) }];
  if (second >= 0.6) bands.push({ min: second, points: round2(points * 0.8) });
  if (second > 0.6) bands.push({ min: 0.6, points: round2(points * 0.5) });
  return bands.filter((b) => b.points > 0);
}

/**
 * The suggested method for a row: 满意度指标 → satisfaction; a yes/no target → direct; 定性 → graded;
 * ≤/< or 成本指标 → proportional ceiling; other quantitative → proportional with a 60% threshold.
 */
export function defaultMethodFor(row: IndicatorRow, points: number): ScoringMethod {
  const valueType = normalizeValueType(row.values.valueType);
  if (row.level1 === "满意度指标" || row.level2 === "服务对象满意度指标") {
    return ScoringMethodSchema.parse({ kind: "satisfaction", points, bands: satisfactionBandsFor(targetShare(row), points) });
  }
  if (isYesNo(row)) return ScoringMethodSchema.parse({ kind: "direct", points });
  if (valueType === QUALITATIVE) return ScoringMethodSchema.parse({ kind: "graded", points });
  if (valueType === "≤" || valueType === "<" || row.level1 === "成本指标") {
    // The seed's cost standard: 20 points, 每超出10%扣2分 — a tenth of the points per step.
    const deduction = Math.max(0.01, Math.round(points * 10) / 100);
    return ScoringMethodSchema.parse({ kind: "proportional", variant: "ceiling", points, step: 0.1, deduction });
  }
  return ScoringMethodSchema.parse({ kind: "proportional", variant: "rate", points, threshold: 0.6 });
}
