// 绩效自评表（SPEC 第8节）：由本年度的目标表得出的指标、各指标的分值与评分方法。

import type { Form, IndicatorRow } from "../form";
import { splitTarget } from "../reader";
import { pointsOf } from "../scoring";
import { QUALITATIVE, type ValueType } from "../taxonomy";
import { normalizeValueType, parseNumber } from "../text";
import { methodOf, type SelfEvalMethod } from "./method";

export const SELFEVAL_TITLE = "部门（单位）整体支出绩效自评表";

/** 预算执行率 is worth 10 of the 100 points (SPEC §2 score-total, §8). */
export const BUDGET_POINTS = 10;
export const TOTAL_POINTS = 100;

/** One indicator of a self-evaluation: what the target table set, and how it is scored. */
export interface SelfEvalIndicator {
  level1: string;
  level2: string;
  level3: string;
  /** The comparison (≥ > = ≤ <), 定性, or null when the target table did not say. */
  valueType: ValueType | null;
  /** 年度指标值 as the target table states it: comparison, value and unit ("≥95%"), or the qualitative text. */
  target: string;
  targetNumber: number | null;
  unit: string;
  /** 评（扣）分标准, kept so a reviewer sees why a score is what it is. */
  standard: string;
  /** 分值: the points column, else the standard's stated points. */
  points: number | null;
  /** The method read back from the standard, or null when the score is the user's to enter. */
  method: SelfEvalMethod | null;
  /** 0-based row of the target table it came from (null when read from a self-evaluation table). */
  sourceRow: number | null;
}

export interface SelfEvaluation {
  year: number | null;
  deptName: string;
  indicators: SelfEvalIndicator[];
  budgetPoints: number;
}

/** "≥" + 95 + "%" → "≥95%"; a qualitative target as written. */
export function statedTarget(valueType: ValueType | null, number: number | null, unit: string, raw: string): string {
  if (valueType === QUALITATIVE || number === null) return raw;
  return `${valueType ?? ""}${String(number)}${unit}`;
}

/** The indicator a self-evaluation makes of a target row (its comparison, number and unit, however it was typed). */
export function indicatorOf(row: IndicatorRow, hasPointsColumn: boolean): SelfEvalIndicator {
  const v = row.values;
  const split = row.targetSplit ?? splitTarget(v.target);
  const valueType = normalizeValueType(v.valueType) ?? (split?.comparison ? normalizeValueType(split.comparison) : null);
  const targetNumber = valueType === QUALITATIVE ? null : (parseNumber(v.target) ?? split?.number ?? null);
  const unit = v.unit !== "" ? v.unit : (split?.unit ?? "");
  const method = methodOf(v.scoringStandard, valueType);
  const points = (hasPointsColumn ? row.points : null) ?? pointsOf(v.scoringStandard) ?? method?.points ?? null;
  return {
    level1: row.level1,
    level2: row.level2,
    level3: v.level3,
    valueType,
    target: statedTarget(valueType, targetNumber, unit, v.target),
    targetNumber,
    unit: valueType === QUALITATIVE ? "" : unit,
    standard: v.scoringStandard,
    points,
    // A method whose points differ from the row's stated points is not the row's method.
    method: method && (points === null || Math.abs(method.points - points) < 1e-9) ? method : null,
    sourceRow: row.row,
  };
}

/** The self-evaluation of a target table: same indicators in the same order, actual values to fill. */
export function selfEvaluationOf(form: Form): SelfEvaluation {
  const hasPoints = form.columns.points !== undefined;
  return {
    year: form.year.value,
    deptName: form.header.deptName.text,
    indicators: form.rows.filter((r) => r.values.level3 !== "").map((r) => indicatorOf(r, hasPoints)),
    budgetPoints: BUDGET_POINTS,
  };
}
