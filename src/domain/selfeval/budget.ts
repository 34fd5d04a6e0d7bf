// 预算执行率（执行率 = B ÷ A，得分 = 分值 × 执行率，不超过分值）、总分与自评等级。

import { roundTo } from "./score";

export type Execution =
  | { kind: "blank" }
  /** A missing or zero, or B above A: execution-rate-invalid. */
  | { kind: "invalid"; problem: "annual-missing" | "spent-missing" | "spent-over" }
  | { kind: "ok"; rate: number; score: number };

/** 执行率 rounded as the sheet shows it (four decimals, 95.12%). */
export const RATE_DIGITS = 4;

export function executionOf(annual: number | null, spent: number | null, points: number): Execution {
  if (annual === null && spent === null) return { kind: "blank" };
  if (annual === null || annual === 0) return { kind: "invalid", problem: "annual-missing" };
  if (spent === null) return { kind: "invalid", problem: "spent-missing" };
  if (roundTo(spent, 6) > roundTo(annual, 6)) return { kind: "invalid", problem: "spent-over" };
  const rate = roundTo(spent / annual, RATE_DIGITS);
  return { kind: "ok", rate, score: roundTo(Math.min(points, points * rate), 2) };
}

export const GRADE_NAMES = ["优", "良", "中", "差"] as const;
export type SelfEvalGrade = (typeof GRADE_NAMES)[number];

/** 优 90–100, 良 80–89, 中 60–79, 差 below 60. */
export function gradeOf(total: number): SelfEvalGrade {
  if (total >= 90) return "优";
  if (total >= 80) return "良";
  if (total >= 60) return "中";
  return "差";
}

/** Total of the scores given (blank ones left out); null when none is given yet. */
export function totalOf(scores: ReadonlyArray<number | null>): number | null {
  const given = scores.filter((s): s is number => s !== null);
  return given.length === 0 ? null : roundTo(given.reduce((a, b) => a + b, 0), 2);
}
