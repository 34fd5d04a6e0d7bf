// 由实际值计算得分（供以后的绩效自评使用）。

import { toHalfWidth } from "../text";
import { GRADES, type GradeName, type ScoringMethod } from "./schema";

/** A grade judged for a qualitative indicator, and optionally where within its band (0 = bottom, 1 = top). */
export interface GradeActual {
  grade: GradeName;
  within?: number;
}

/**
 * An actual value, per method:
 * - direct: true/false, or text such as 是/否、完成/未完成、达到/未达到;
 * - proportional rate: completion rate as a fraction (1 = 100%) or text "95%";
 * - proportional ceiling: overrun as a fraction (0.15 = 超出15%; ≤ 0 within the ceiling) or text "15%";
 * - graded: a grade name, a GradeActual, or the achieved fraction;
 * - satisfaction: a fraction (0.95) or a percent (95, "95%").
 */
export type ScoreActual = boolean | number | string | GradeActual;

/** The actual value does not fit the method (a caller or user-input problem, with a Chinese message). */
export class ScoringInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScoringInputError";
  }
}

const YES = /^(是|有|完成|已完成|按时完成|达到|已达到|达标|合格|符合|符合要求|实现|已实现|通过|true|yes|y|1)$/i;
const NO = /^(否|无|没有|未完成|未按时完成|未达到|未达标|不合格|不符合|不符合要求|未实现|未通过|false|no|n|0)$/i;

/** "95%" → 0.95, "0.95" → 0.95, "95" → 95 (the caller decides what a bare number means). */
function parseRateText(text: string): { value: number; percent: boolean } | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const m = /^([+-]?\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] ? { value: n / 100, percent: true } : { value: n, percent: false };
}

function clamp(score: number, points: number): number {
  if (Number.isNaN(score)) return 0;
  return Math.min(points, Math.max(0, score));
}

function asFraction(actual: ScoreActual, what: string, barePercentAbove1: boolean): number {
  if (typeof actual === "number") {
    if (!Number.isFinite(actual)) throw new ScoringInputError(`${what}必须是有限的数字`);
    return barePercentAbove1 && actual > 1 ? actual / 100 : actual;
  }
  if (typeof actual === "string") {
    const r = parseRateText(actual);
    if (!r) throw new ScoringInputError(`无法读懂${what}“${actual}”：请填写数字或百分数，例如 95%`);
    return !r.percent && barePercentAbove1 && r.value > 1 ? r.value / 100 : r.value;
  }
  throw new ScoringInputError(`${what}应是数字或百分数`);
}

/** The score an actual value earns under a method, always within [0, points]. */
export function scoreOf(method: ScoringMethod, actual: ScoreActual): number {
  const points = method.points;
  switch (method.kind) {
    case "direct": {
      let met: boolean;
      if (typeof actual === "boolean") met = actual;
      else if (typeof actual === "number") met = actual >= 1;
      else if (typeof actual === "string") {
        const t = toHalfWidth(actual).trim();
        if (YES.test(t)) met = true;
        else if (NO.test(t)) met = false;
        else {
          const r = parseRateText(t);
          if (!r) throw new ScoringInputError(`直接赋分的实际情况“${actual}”无法判断：请填写“是”或“否”`);
          met = r.value >= 1;
        }
      } else throw new ScoringInputError("直接赋分的实际情况应为“是”或“否”");
      return met ? points : clamp(points - (method.deduction ?? points), points);
    }
    case "proportional": {
      if (method.variant === "rate") {
        const rate = asFraction(actual, "实际完成率", false);
        if (rate >= 1) return points;
        if (rate < method.threshold) return 0;
        return clamp(((rate - method.threshold) / (1 - method.threshold)) * points, points);
      }
      const overrun = asFraction(actual, "超出比例", false);
      if (overrun <= 0) return points;
      // 不足一档的按一档计; the epsilon keeps 0.2/0.1 at exactly two steps.
      const steps = Math.ceil(overrun / method.step - 1e-9);
      return clamp(points - steps * method.deduction, points);
    }
    case "graded": {
      if (typeof actual === "number") return clamp(actual * points, points);
      const judged: GradeActual | null =
        typeof actual === "string"
          ? GRADES.some((g) => g.name === actual.trim())
            ? { grade: actual.trim() as GradeName }
            : null
          : typeof actual === "object"
            ? actual
            : null;
      if (!judged) {
        const names = GRADES.map((g) => g.name).join("、");
        throw new ScoringInputError(`评判等级应为${names}之一`);
      }
      const band = GRADES.find((g) => g.name === judged.grade);
      if (!band) throw new ScoringInputError(`没有“${judged.grade}”这一评判等级`);
      const within = Math.min(1, Math.max(0, judged.within ?? 1));
      return clamp((band.low + within * (band.high - band.low)) * points, points);
    }
    case "satisfaction": {
      const rate = asFraction(actual, "满意度", true);
      // Compare in hundredths of a percent so 0.8 (as typed) is not read as 0.7999….
      const r = Math.round(rate * 10000);
      const band = method.bands.find((b) => r >= Math.round(b.min * 10000));
      return clamp(band ? band.points : 0, points);
    }
  }
}
