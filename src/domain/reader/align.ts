// 错位行的识别与还原：按单元格内容的类别，把一行的非空单元格单调地对回各列。

import type { IndicatorField, TargetSplit } from "../form";
import { isLevel1, isLevel2, KNOWN_UNITS } from "../taxonomy";
import { normalizeValueType, parseNumber, toHalfWidth } from "../text";

export type CellClass = "level1" | "level2" | "valueType" | "number" | "combined" | "unit" | "scoring" | "explanation" | "text";

const UNIT_SET = new Set(KNOWN_UNITS);

export function isUnitLike(text: string): boolean {
  return UNIT_SET.has(toHalfWidth(text).replace(/\s/g, ""));
}

const SCORING_RE = /[得扣]\s*[\d０-９.．]+\s*分|[\d０-９]+\s*分[；;，,。]|不得分|满分|计分|赋分|扣分|扣完为止|酌情扣/;
const EXPLANATION_RE = /^(考核|反映|指|用于|衡量|是指|主要|统计|计算)|情况[。.]?$|计算|口径|比例|比率|衡量|反映/;

/** The target split into comparison, number and unit, when it holds them together and they split cleanly. */
export function splitTarget(text: string): TargetSplit | null {
  const t = toHalfWidth(text).replace(/\s/g, "");
  if (parseNumber(t) !== null) return null;
  const m = /^(>=|<=|=>|=<|[≥≧≤≦><=]|大于等于|小于等于|不低于|不少于|不高于|不超过|不多于|大于|小于|高于|低于|超过|达到)?([+-]?[\d,]*\.?\d+)(.*)$/.exec(t);
  if (!m) return null;
  const number = parseNumber(m[2]!);
  if (number === null) return null;
  const unit = m[3]!;
  const bound = /^(以上|以下|以内)$/.test(unit);
  if (unit !== "" && !isUnitLike(unit) && !bound) {
    // "≥95%以上" style tails: accept a known unit followed by 以上/以下/以内
    const tail = /^(.+?)(以上|以下|以内)$/.exec(unit);
    if (!tail || !isUnitLike(tail[1]!)) return null;
    return { comparison: comparisonOf(m[1], tail[2]), number, unit: tail[1]! };
  }
  return { comparison: comparisonOf(m[1], bound ? unit : undefined), number, unit: bound ? "" : unit };
}

function comparisonOf(prefix: string | undefined, suffix: string | undefined): string | null {
  if (prefix && prefix !== "达到") return normalizeValueType(prefix);
  if (suffix === "以上") return "≥";
  if (suffix === "以下" || suffix === "以内") return "≤";
  return null;
}

/** What a number or a target with its comparison can start with ("≥95%", "大于等于90", "１２０", "-3"). */
const NUMBER_START_RE = /^[>=<≥≧≤≦＞＜＝大小不高低超达+\-.．\d０-９]/;

export function classify(text: string): CellClass {
  const compact = text.replace(/\s/g, "");
  // Cheap length and first-character tests first: most cells are long names and explanations.
  const short = compact.length <= 12;
  if (short && isLevel1(compact)) return "level1";
  if (short && isLevel2(compact)) return "level2";
  if (compact.length <= 6 && (normalizeValueType(compact) !== null || compact === "定量")) return "valueType";
  const numberLike = NUMBER_START_RE.test(compact);
  if (numberLike && parseNumber(text) !== null) return "number";
  if (compact.length <= 6 && isUnitLike(compact)) return "unit";
  if (SCORING_RE.test(compact)) return "scoring";
  if (numberLike && splitTarget(text) !== null) return "combined";
  if (EXPLANATION_RE.test(compact) && compact.length >= 6) return "explanation";
  return "text";
}

/** How well a cell of a class fits a field. */
const FIT: Readonly<Record<IndicatorField, Partial<Record<CellClass, number>>>> = {
  level1: { level1: 10, level2: -6, text: -2 },
  level2: { level2: 10, level1: -6, text: 0 },
  level3: { text: 4, explanation: 1, combined: 0, level2: -4, number: -3, scoring: -3, unit: -2 },
  valueType: { valueType: 10 },
  target: { number: 8, combined: 5, text: 2, unit: -1, explanation: -2, scoring: -4 },
  unit: { unit: 6, text: -2, number: -4 },
  explanation: { explanation: 6, text: 2, scoring: -3, number: -4, unit: -4 },
  scoringStandard: { scoring: 8, text: 1, explanation: -3, number: -2 },
  remarks: { text: 1, number: 0, unit: 0, scoring: -2, explanation: -2 },
};
const MISFIT = -8;
const UNPLACED = -6;
const PER_COLUMN_MOVED = 2;
/** A realignment must beat reading the row as it sits by this much. */
const MARGIN = 8;

export interface RowCell {
  col: number;
  text: string;
}

export interface Alignment {
  /** Field → index into the row's cells. */
  assigned: Partial<Record<IndicatorField, number>>;
  unplaced: number[];
  moved: boolean;
}

function fit(field: IndicatorField, cls: CellClass): number {
  return FIT[field][cls] ?? MISFIT;
}

export function fieldIndexByColumn(fields: ReadonlyArray<{ col: number }>): ReadonlyMap<number, number> {
  return new Map(fields.map((f, i) => [f.col, i]));
}

/**
 * Read a row: as it sits when that is plausible, otherwise the best monotone assignment of its
 * non-blank cells to the grid's fields (fields in column order, each taking at most one cell).
 */
export function alignRow(
  cells: readonly RowCell[],
  fields: ReadonlyArray<{ field: IndicatorField; col: number }>,
  /** A cell known to be a level-2 whatever its name (the old framework's 成本指标), or -1. */
  asLevel2 = -1,
  classOf: (text: string) => CellClass = classify,
  /** Grid column → index into `fields`; pass it when aligning many rows of one grid. */
  colToField: ReadonlyMap<number, number> = fieldIndexByColumn(fields),
): Alignment {
  const classes = cells.map((c, i) => (i === asLevel2 ? "level2" : classOf(c.text)));

  // As it sits.
  const direct: Alignment = { assigned: {}, unplaced: [], moved: false };
  let directScore = 0;
  cells.forEach((c, i) => {
    const f = fields[colToField.get(c.col) ?? -1];
    if (f) {
      direct.assigned[f.field] = i;
      directScore += fit(f.field, classes[i]!);
    } else {
      direct.unplaced.push(i);
      directScore += UNPLACED;
    }
  });
  if (direct.unplaced.length === 0 && cells.every((c, i) => {
    const f = fields[colToField.get(c.col) ?? -1];
    return f !== undefined && fit(f.field, classes[i]!) >= 0;
  })) return direct;

  // dp[i][j]: best score placing the first i cells into the first j fields.
  const n = cells.length;
  const m = fields.length;
  const NEG = -1e9;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(NEG));
  const from: Array<Array<0 | 1 | 2>> = Array.from({ length: n + 1 }, () => new Array<0 | 1 | 2>(m + 1).fill(0));
  for (let j = 0; j <= m; j++) dp[0]![j] = 0;
  for (let i = 1; i <= n; i++) {
    dp[i]![0] = dp[i - 1]![0]! + UNPLACED;
    from[i]![0] = 1;
    for (let j = 1; j <= m; j++) {
      const cell = cells[i - 1]!;
      const f = fields[j - 1]!;
      const place = dp[i - 1]![j - 1]! + fit(f.field, classes[i - 1]!) - PER_COLUMN_MOVED * Math.abs(cell.col - f.col);
      const skipCell = dp[i - 1]![j]! + UNPLACED;
      const skipField = dp[i]![j - 1]!;
      let best = skipField;
      let how: 0 | 1 | 2 = 0;
      if (skipCell > best) (best = skipCell), (how = 1);
      if (place > best) (best = place), (how = 2);
      dp[i]![j] = best;
      from[i]![j] = how;
    }
  }
  if (dp[n]![m]! < directScore + MARGIN) return direct;

  const aligned: Alignment = { assigned: {}, unplaced: [], moved: false };
  for (let i = n, j = m; i > 0; ) {
    const how = from[i]![j]!;
    if (how === 2) {
      const f = fields[j - 1]!;
      aligned.assigned[f.field] = i - 1;
      if (cells[i - 1]!.col !== f.col) aligned.moved = true;
      i--, j--;
    } else if (how === 1) {
      aligned.unplaced.push(i - 1);
      i--;
    } else j--;
  }
  return aligned.moved ? aligned : direct;
}
