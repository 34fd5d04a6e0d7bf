// A self-evaluation sheet's selected rows with the score the standard gives and why: the part of 评分标准 that
// needs no Office call, shared by explainSelectedScores and the pane's selection read (one read for both).

import type { Grid } from "../domain/grid";
import { TOLERANCE } from "../domain/rules/score-mismatch";
import { indicatorOfTableRow, readSelfEvaluations } from "../domain/selfeval/read";
import { scoreOf } from "../domain/selfeval/score";

export interface SelfEvalRowScore {
  /** 1-based sheet row. */
  row: number;
  indicator: string;
  target: string;
  actual: string;
  points: number | null;
  /** The score the standard gives for the actual value (null: blank, unreadable or the user's to enter). */
  computed: number | null;
  /** A graded row's band: the written score may be anywhere in it (computed is its top). */
  band: { low: number; high: number } | null;
  /** The score written on the sheet, if any. */
  written: number | null;
  /** The written score is off the computed one by more than 0.5 (a graded row: outside its band). */
  differs: boolean;
  /** Why, in Chinese: the method's steps, or what to enter. */
  why: string;
}

/** The selected rows (0-based top and bottom) of the sheet's self-evaluation tables; null when it holds none. */
export function selfEvalScoresAt(grid: Grid, top: number, bottom: number): SelfEvalRowScore[] | null {
  const tables = readSelfEvaluations(grid);
  if (tables.length === 0) return null;
  return tables.flatMap((t) =>
    t.rows
      .filter((r) => r.row >= top && r.row <= bottom)
      .map((r): SelfEvalRowScore => {
        const ind = indicatorOfTableRow(r);
        const s = scoreOf(ind, r.actual);
        const computed = s.kind === "computed" ? s.score : null;
        const band = s.kind === "computed" && ind.method?.kind === "graded" ? { low: s.low, high: s.high } : null;
        const written = r.score.value;
        const differs =
          written !== null &&
          computed !== null &&
          (band ? written < band.low - 1e-9 || written > band.high + 1e-9 : Math.abs(written - computed) > TOLERANCE);
        return {
          row: r.row + 1,
          indicator: r.level3,
          target: r.target,
          actual: r.actual,
          points: ind.points,
          computed,
          band,
          written,
          differs,
          why: s.kind === "blank" ? "尚未填写实际完成值。" : s.why,
        };
      }),
  );
}
