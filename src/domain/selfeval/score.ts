// 由实际完成值算得分（SPEC 第8节）。每一步都与工作簿自带的公式（native.ts）一一对应：
// 同样先去掉空格、全角和单位再取数，同样在比较前取整，避免 0.1+0.2 这类误差让两边在门槛上分歧。

import { GRADES } from "../scoring";
import { formatNumber } from "../scoring";
import { QUALITATIVE } from "../taxonomy";
import { parseNumber, toHalfWidth } from "../text";
import type { SelfEvalIndicator } from "./form";
import type { SelfEvalMethod } from "./method";

/** Words that say a yes/no indicator was met, unless its target is itself a "no" (是否发生事故：否). */
export const MET_WORDS = ["是", "达到", "已达到", "完成", "已完成", "达标", "符合", "符合要求", "按时完成"] as const;
export const NO_WORDS = ["否", "无", "未发生", "没有", "不存在"] as const;

export type SelfScore =
  /** Computed from the standard; for graded rows the score may be set anywhere in [low, high]. */
  | { kind: "computed"; score: number; low: number; high: number; points: number; why: string }
  /** The standard states no method this product can read: the user enters the score, checked for range only. */
  | { kind: "user"; low: number; high: number | null; why: string }
  /** No actual value yet. */
  | { kind: "blank" }
  /** The actual value does not fit the method (say what to enter). */
  | { kind: "unreadable"; why: string };

/** Round half away from zero on the 15 significant digits a spreadsheet keeps (2.675 → 2.68, as ROUND does). */
export function roundTo(x: number, digits: number): number {
  const scaled = Number((Math.abs(x) * 10 ** digits).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / 10 ** digits;
}

/** A cell's text as the formulas see it: half-width, no spaces of any kind. */
export function compactText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  return toHalfWidth(String(v)).replace(/[\s\u00a0\u3000]+/g, "");
}

/** The number in an actual value, with the row's unit and any "%" removed ("96%" → 96, "1250人次" → 1250). */
export function actualNumber(actual: string, unit: string): number | null {
  let t = compactText(actual);
  const u = compactText(unit);
  if (u !== "") t = t.split(u).join("");
  return parseNumber(t.split("%").join(""));
}

function compare(x: number, valueType: string | null, target: number): boolean {
  const a = roundTo(x, 9);
  switch (valueType) {
    case "≥":
      return a >= target;
    case ">":
      return a > target;
    case "≤":
      return a <= target;
    case "<":
      return a < target;
    default:
      return a === roundTo(target, 9);
  }
}

const isCeiling = (ind: SelfEvalIndicator): boolean => ind.valueType === "≤" || ind.valueType === "<";

/** Completion rate, capped at 1 (a ceiling row met in full when within its ceiling). */
export function completionRate(ind: SelfEvalIndicator, x: number, target: number): number {
  if (isCeiling(ind)) return x <= target ? 1 : x > 0 ? Math.min(1, roundTo(target / x, 10)) : 1;
  if (target <= 0) return x >= target ? 1 : 0;
  return Math.min(1, roundTo(x / target, 10));
}

function computed(score: number, points: number, why: string): SelfScore {
  return { kind: "computed", score: roundTo(score, 2), low: 0, high: points, points, why };
}

/** How far below its target an actual value is: percentage points for a % target, else percent of the target. */
export function shortfallOf(ind: SelfEvalIndicator, x: number, t: number): number {
  const ceiling = isCeiling(ind);
  if (compactText(ind.unit) === "%") return roundTo(ceiling ? x - t : t - x, 10);
  if (t <= 0) return 0;
  return roundTo(((ceiling ? x - t : t - x) / t) * 100, 10);
}

function withMethod(ind: SelfEvalIndicator, method: SelfEvalMethod, text: string): SelfScore {
  const P = method.points;
  const p = formatNumber(P);
  const unreadableNumber: SelfScore = { kind: "unreadable", why: `实际完成值“${text}”读不出数字：请只填写数字${ind.unit ? `（单位${ind.unit}可带可不带）` : ""}。` };
  switch (method.kind) {
    case "direct": {
      const t = compactText(text);
      const x = actualNumber(text, ind.unit);
      const targetIsNo = (NO_WORDS as readonly string[]).includes(compactText(ind.target));
      const met =
        t === compactText(ind.target) ||
        (!targetIsNo && (MET_WORDS as readonly string[]).includes(t)) ||
        (x !== null && ind.targetNumber !== null && compare(x, ind.valueType, ind.targetNumber));
      const d = method.deduction ?? P;
      return met ? computed(P, P, `达到指标值，得满分 ${p} 分`) : computed(Math.max(0, P - d), P, `未达到指标值，${method.deduction === undefined ? "不得分" : `扣 ${formatNumber(d)} 分`}`);
    }
    case "proportional": {
      const x = actualNumber(text, ind.unit);
      if (x === null) return unreadableNumber;
      const t = ind.targetNumber;
      if (t === null) return { kind: "unreadable", why: "目标值不是数字，无法按比例计分：请核对年度指标值。" };
      if (method.variant === "rate") {
        if (ind.valueType === "=" && roundTo(x, 9) === roundTo(t, 9)) return computed(P, P, `等于指标值，得满分 ${p} 分`);
        const r = completionRate(ind, x, t);
        const th = method.threshold;
        const rText = `${formatNumber(roundTo(r * 100, 2))}%`;
        if (r >= 1) return computed(P, P, `完成率 ${rText}，得满分 ${p} 分`);
        if (r < th) return computed(0, P, `完成率 ${rText} 低于及格门槛 ${formatNumber(th * 100)}%，不得分`);
        if (th === 0) return computed(r * P, P, `完成率 ${rText} × ${p} 分`);
        return computed(((r - th) / (1 - th)) * P, P, `完成率 ${rText}：（${rText}-${formatNumber(th * 100)}%）/（1-${formatNumber(th * 100)}%）×${p} 分`);
      }
      if (t <= 0) return x <= t ? computed(P, P, `控制在指标值以内，得满分 ${p} 分`) : computed(0, P, "超出指标值，不得分");
      const over = roundTo((x - t) / t, 10);
      if (over <= 0) return computed(P, P, `控制在指标值以内，得满分 ${p} 分`);
      const steps = Math.ceil(roundTo(over / method.step, 9));
      return computed(
        Math.max(0, P - steps * method.deduction),
        P,
        `超出指标值 ${formatNumber(roundTo(over * 100, 2))}%，按 ${steps} 档各扣 ${formatNumber(method.deduction)} 分，扣完为止`,
      );
    }
    case "shortfall": {
      const x = actualNumber(text, ind.unit);
      if (x === null) return unreadableNumber;
      if (ind.targetNumber === null) return { kind: "unreadable", why: "目标值不是数字，无法按差距扣分：请核对年度指标值。" };
      const short = shortfallOf(ind, x, ind.targetNumber);
      if (short <= 0) return computed(P, P, `达到指标值，得满分 ${p} 分`);
      const steps = Math.ceil(roundTo(short / method.per, 9));
      return computed(
        Math.max(0, P - steps * method.deduction),
        P,
        `差 ${formatNumber(roundTo(short, 2))}${compactText(ind.unit) === "%" ? " 个百分点" : "%"}，按 ${steps} 档各扣 ${formatNumber(method.deduction)} 分，扣完为止`,
      );
    }
    case "levels": {
      const t = compactText(text);
      const level = method.levels.find((l) => compactText(l.label) === t);
      if (!level && method.otherwiseZero) return computed(0, P, `不是评分标准中的表述（${method.levels.map((l) => l.label).join("、")}），按“否则不得分”计 0 分`);
      if (!level) return { kind: "unreadable", why: `实际完成值请填写评分标准中的表述之一：${method.levels.map((l) => l.label).join("、")}。` };
      return computed(level.points, P, `${level.label}，得 ${formatNumber(level.points)} 分`);
    }
    case "graded": {
      const t = compactText(text);
      const grade = GRADES.find((g) => g.name === t);
      if (!grade) {
        return { kind: "unreadable", why: `定性指标的实际完成值应选评判等级：${GRADES.map((g) => g.name).join("、")}。` };
      }
      const low = roundTo(grade.low * P, 2);
      const high = roundTo(grade.high * P, 2);
      return { kind: "computed", score: high, low, high, points: P, why: `${grade.name}：得分应在 ${formatNumber(low)} 至 ${formatNumber(high)} 分之间，默认取上限` };
    }
    case "satisfaction": {
      const x = actualNumber(text, ind.unit === "" ? "%" : ind.unit);
      if (x === null) return unreadableNumber;
      const a = roundTo(x, 4);
      const band = method.bands.find((b) => a >= roundTo(b.min * 100, 4));
      return band
        ? computed(band.points, P, `满意度 ${formatNumber(a)}% 在 ${formatNumber(band.min * 100)}% 及以上一档，得 ${formatNumber(band.points)} 分`)
        : computed(0, P, `满意度 ${formatNumber(a)}% 低于最低一档，不得分`);
    }
  }
}

/** The score an indicator earns with an actual value, and why (in Chinese). */
export function scoreOf(ind: SelfEvalIndicator, actual: string | number | null | undefined): SelfScore {
  const text = actual === null || actual === undefined ? "" : String(actual).trim();
  if (compactText(text) === "") return { kind: "blank" };
  if (!ind.method) {
    return {
      kind: "user",
      low: 0,
      high: ind.points,
      why:
        ind.points === null
          ? "评（扣）分标准没有写明分值和计分方法：请按标准自行评分。"
          : `评（扣）分标准没有写明可计算的方法：请按标准自行评分（0 至 ${formatNumber(ind.points)} 分）。`,
    };
  }
  if (ind.valueType === QUALITATIVE && ind.method.kind !== "graded" && ind.method.kind !== "direct" && ind.method.kind !== "levels") {
    return { kind: "unreadable", why: "定性指标请用按评判等级赋分或直接赋分的标准。" };
  }
  return withMethod(ind, ind.method, text);
}

/**
 * Whether a numeric actual value meets a numeric target by its comparison (≥ > = ≤ <); null when that cannot be
 * judged (qualitative, no comparison, or not numbers).
 */
export function meetsTarget(ind: SelfEvalIndicator, actual: string): boolean | null {
  const x = actualNumber(actual, ind.unit);
  if (x === null || ind.targetNumber === null || ind.valueType === null || ind.valueType === QUALITATIVE) return null;
  return compare(x, ind.valueType, ind.targetNumber);
}

/** Whether the actual value misses the target (deviation-reason-missing asks for a reason then). */
export function missesTarget(s: SelfScore): boolean {
  return s.kind === "computed" && s.score < s.points - 1e-9;
}
