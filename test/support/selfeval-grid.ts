// Self-evaluation grids for tests: the sheet drawSelfEvaluation makes from a target table, with actual values,
// reasons and the budget typed in, and the formula cells holding what the engine computes (as a spreadsheet
// shows them after recalculation), unless a case writes its own.
//
// From the good form (test/domain/rules/support.ts): header row 6; indicators rows 7–12 (成本 ceiling, 数量 rate,
// 质量 and 时效 hand-written standards, 社会效益 graded, 满意度 bands); total row 13 (F points, G score, I grade);
// budget row 5 (C annual A, D spent B, E points, F rate, G score, H reason). Columns: E actual, F points, G score,
// H reason, I standard.

import type { CellValue, Grid } from "../../src/domain/grid";
import { readForms } from "../../src/domain/reader";
import {
  drawSelfEvaluation,
  executionOf,
  gradeOf,
  scoreOf,
  selfEvaluationOf,
  SELFEVAL_COLUMNS,
  totalOf,
  type SelfEvaluation,
} from "../../src/domain/selfeval";
import { formGrid, GOOD_ROWS } from "./form-grid";

export interface SelfEvalInput {
  /** Actual values by indicator index. */
  actuals?: Readonly<Record<number, string>>;
  reasons?: Readonly<Record<number, string>>;
  /** Scores written by hand (number) or left blank (null), by indicator index. */
  scores?: Readonly<Record<number, number | string | null>>;
  budget?: { annual?: CellValue; spent?: CellValue; rate?: CellValue; score?: CellValue; reason?: string; points?: CellValue };
  /** Total score and grade as written (default: computed). */
  total?: CellValue;
  grade?: CellValue;
  points?: Readonly<Record<number, CellValue>>;
}

/** The self-evaluation of the good target form. */
export function goodSelfEvaluation(): SelfEvaluation {
  const [form] = readForms(formGrid(GOOD_ROWS, { year: 2026 }));
  if (!form) throw new Error("the good form must read");
  return selfEvaluationOf(form);
}

/** Actual values that meet every target of the good form. */
export const GOOD_ACTUALS: Readonly<Record<number, string>> = {
  0: "118",
  1: "1250",
  2: "92%",
  3: "100%",
  4: "基本达成目标",
  5: "96%",
};

export function selfEvalGrid(input: SelfEvalInput = {}, se: SelfEvaluation = goodSelfEvaluation()): CellValue[][] {
  const d = drawSelfEvaluation(se);
  const grid: CellValue[][] = Array.from({ length: d.lastRow + 1 }, () => new Array<CellValue>(d.lastCol + 1).fill(""));
  for (const c of d.cells) if (!c.formula) grid[c.row]![c.col] = c.value;
  const C = SELFEVAL_COLUMNS;
  const actuals = input.actuals ?? GOOD_ACTUALS;
  const scores: Array<number | null> = [];
  se.indicators.forEach((ind, i) => {
    const row = grid[d.indicatorRows.first + i]!;
    const actual = actuals[i] ?? "";
    row[C.actual] = actual;
    if (input.points?.[i] !== undefined) row[C.points] = input.points[i];
    row[C.reason] = input.reasons?.[i] ?? "";
    const s = scoreOf(ind, actual);
    // Where the standard states no method, the user has scored the row in full.
    const computed = s.kind === "computed" ? s.score : s.kind === "user" ? ind.points : null;
    const written = input.scores && i in input.scores ? input.scores[i] : computed;
    row[C.score] = written ?? "";
    scores.push(typeof written === "number" ? written : null);
  });
  const b = input.budget ?? { annual: 100, spent: 95, reason: "" };
  const brow = grid[d.budgetRow]!;
  brow[2] = b.annual ?? "";
  brow[3] = b.spent ?? "";
  if (b.points !== undefined) brow[4] = b.points;
  const e = executionOf(typeof b.annual === "number" ? b.annual : null, typeof b.spent === "number" ? b.spent : null, 10);
  brow[5] = b.rate !== undefined ? b.rate : e.kind === "ok" ? `${Math.round(e.rate * 10000) / 100}%` : "";
  const budgetScore = b.score !== undefined ? b.score : e.kind === "ok" ? e.score : "";
  brow[6] = budgetScore;
  brow[7] = b.reason ?? "";
  const total = totalOf([typeof budgetScore === "number" ? budgetScore : null, ...scores]);
  const trow = grid[d.totalRow]!;
  trow[C.points] = se.indicators.reduce((a, ind) => a + (ind.points ?? 0), 10);
  trow[C.score] = input.total !== undefined ? input.total : (total ?? "");
  trow[C.standard] = input.grade !== undefined ? input.grade : total === null ? "" : gradeOf(total);
  return grid;
}

export type { Grid };
