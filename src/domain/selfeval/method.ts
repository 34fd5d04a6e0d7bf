// 自评按什么方法计分：产品写出的标准原样读回（scoring/read.ts）；此外认得三种常见的手写标准，
// 它们写明了分值和计算办法，可以照算：
// - 按比例：“按实际值/计划值*指标分值计分”“按完成比例计分”（即门槛为 0 的完成率法）；
// - 按差距扣分：“群众满意度达95%以上得10分，每下降1%，扣0.5分，扣完为止”（不足一档按一档计）；
// - 按表述给分：“效果明显得15分，效果一般得10分，否则不得分”（定性指标，实际完成值选其中一种表述）。

import { pointsOf, readStandard, type ScoringMethod } from "../scoring";
import { QUALITATIVE, type ValueType } from "../taxonomy";
import { stripTags, toHalfWidth } from "../text";

/** 每低于目标 `per`（百分点，% 指标；否则目标的百分之几）扣 `deduction` 分，扣完为止。 */
export interface ShortfallMethod {
  kind: "shortfall";
  points: number;
  per: number;
  deduction: number;
}

/** 定性指标按表述给分；其他表述不得分。 */
export interface LevelsMethod {
  kind: "levels";
  points: number;
  levels: ReadonlyArray<{ label: string; points: number }>;
  /** "否则不得分": any other text scores 0 (otherwise it is not understood). */
  otherwiseZero: boolean;
}

export type SelfEvalMethod = ScoringMethod | ShortfallMethod | LevelsMethod;

const N = String.raw`(\d+(?:\.\d+)?)`;

function normalized(text: string): string {
  return toHalfWidth(stripTags(text)).replace(/[\s\u00a0]+/g, "").replace(/：/g, ":");
}

function ratioOf(t: string): ScoringMethod | null {
  if (!/(?:实际(?:完成)?值|完成值)[/÷](?:计划|目标|指标)值|按(?:实际)?完成(?:比例|率)(?:计|得|赋)分/.test(t)) return null;
  const points = pointsOf(t);
  if (points === null || !(points > 0)) return null;
  return { kind: "proportional", variant: "rate", points, threshold: 0 };
}

function shortfallOf(t: string): ShortfallMethod | null {
  const m = new RegExp(String.raw`每(?:下降|降低|低于?|减少|少)${N}(?:%|个百分点)[,，]?扣(?:除)?${N}分`).exec(t);
  if (!m?.[1] || !m[2]) return null;
  const points = pointsOf(t);
  const per = Number(m[1]);
  const deduction = Number(m[2]);
  if (points === null || !(per > 0) || !(deduction > 0) || deduction > points) return null;
  return { kind: "shortfall", points, per, deduction };
}

function levelsOf(t: string): LevelsMethod | null {
  const levels: Array<{ label: string; points: number }> = [];
  for (const clause of t.split(/[;；。,，]/)) {
    const m = new RegExp(String.raw`^([^\d%得分]{2,8}?)的?得${N}分$`).exec(clause);
    if (m?.[1] && m[2]) levels.push({ label: m[1], points: Number(m[2]) });
  }
  if (levels.length < 2) return null;
  const points = Math.max(...levels.map((l) => l.points));
  return { kind: "levels", points, levels, otherwiseZero: /(?:否则|其他|其余)(?:的)?(?:不得分|得0分)/.test(t) };
}

/** The method to score an indicator by, or null when its standard states none this product can compute. */
export function methodOf(standard: string, valueType: ValueType | null): SelfEvalMethod | null {
  const read = readStandard(standard);
  if (read) return read;
  const t = normalized(standard);
  if (t === "") return null;
  if (valueType === QUALITATIVE) return levelsOf(t);
  return shortfallOf(t) ?? ratioOf(t);
}
