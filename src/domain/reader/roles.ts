// 按内容决定列的用途：标签有歧义时看这一列实际填了什么。
// 指标性质、指标方向在有的地方填比较符号（≥、=、≤），有的地方填正向/反向；填正向/反向的列不是指标值类型，
// 读表时不归入任何一栏（也不算“无法归位”）。

import { normalizeValueType } from "../text";
import { isDirectionWord } from "./labels";

/** Body rows looked at per column: enough to decide, few enough to stay fast on a huge table. */
const SAMPLE_ROWS = 60;

export interface ComparisonColumns {
  /** The column holding the comparison (指标值类型), or undefined when none does. */
  valueType: number | undefined;
  /** Candidate columns that hold directions (正向/反向): read as no field. */
  directions: number[];
}

/**
 * Which of the columns labelled like 指标值类型 holds the comparison. `candidates` are those columns, `current` the
 * one the header chose by label; `cellAt` reads a body cell; rows [from, to) are the grid's body.
 */
export function comparisonColumns(
  candidates: readonly number[],
  current: number | undefined,
  cellAt: (r: number, c: number) => string,
  from: number,
  to: number,
): ComparisonColumns {
  if (candidates.length === 0) return { valueType: current, directions: [] };
  const stats = candidates.map((col) => {
    let comparisons = 0;
    let directions = 0;
    let seen = 0;
    for (let r = from; r < to && seen < SAMPLE_ROWS; r++) {
      const t = cellAt(r, col);
      if (t === "") continue;
      seen++;
      if (isDirectionWord(t)) directions++;
      else if (normalizeValueType(t) !== null || t.replace(/\s/g, "") === "定量") comparisons++;
    }
    return { col, comparisons, directions };
  });
  const directions = stats.filter((s) => s.directions > 0 && s.directions >= s.comparisons).map((s) => s.col);
  let best = stats.find((s) => s.col === current && !directions.includes(s.col));
  for (const s of stats) {
    if (directions.includes(s.col)) continue;
    if (!best || s.comparisons > best.comparisons) best = s;
  }
  return { valueType: best?.col, directions };
}
