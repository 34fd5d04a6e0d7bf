// 评分标准 on a self-evaluation sheet without Office: the selected rows' computed scores, the graded band, and
// when a written score differs (more than 0.5 off, or outside the band).

import { scoreOf } from "../../src/domain/selfeval";
import { selfEvalScoresAt } from "../../src/excel/selfevalScores";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import { GOOD_ACTUALS, goodSelfEvaluation, selfEvalGrid } from "../support/selfeval-grid";

const se = goodSelfEvaluation();
/** 0-based sheet row of indicator `i` (the sketch in test/support/selfeval-grid.ts: indicators from row 7). */
const rowOf = (i: number): number => 6 + i;

describe("selfEvalScoresAt", () => {
  test("a sheet without a self-evaluation table: null", () => {
    expect(selfEvalScoresAt(formGrid(GOOD_ROWS), 0, 100)).toBeNull();
    expect(selfEvalScoresAt([], 0, 100)).toBeNull();
  });

  test("only the selected rows, from the first to the last included; none outside the table", () => {
    const grid = selfEvalGrid();
    expect(selfEvalScoresAt(grid, rowOf(1), rowOf(2))?.map((r) => r.row)).toEqual([rowOf(1) + 1, rowOf(2) + 1]);
    expect(selfEvalScoresAt(grid, rowOf(0), rowOf(0))?.map((r) => r.row)).toEqual([rowOf(0) + 1]);
    expect(selfEvalScoresAt(grid, 0, 1)).toEqual([]);
    expect(selfEvalScoresAt(grid, 0, 1000)).toHaveLength(se.indicators.length);
  });

  test("each row: its indicator, target, actual value, points, computed score and why", () => {
    const grid = selfEvalGrid();
    const rows = selfEvalScoresAt(grid, 0, 1000) ?? [];
    rows.forEach((r, i) => {
      const ind = se.indicators[i]!;
      const s = scoreOf(ind, GOOD_ACTUALS[i] ?? "");
      expect(r.indicator).toBe(GOOD_ROWS[i]?.level3);
      expect(r.actual).toBe(GOOD_ACTUALS[i]);
      expect(r.points).toBe(ind.points);
      expect(r.computed).toBe(s.kind === "computed" ? s.score : null);
      expect(r.why).toBe(s.kind === "blank" ? "尚未填写实际完成值。" : s.why);
      expect(r.target).not.toBe("");
    });
  });

  test("a blank actual value: nothing computed, asked for", () => {
    const grid = selfEvalGrid({ actuals: {}, scores: {} });
    const [first] = selfEvalScoresAt(grid, rowOf(0), rowOf(0)) ?? [];
    expect(first).toMatchObject({ computed: null, band: null, differs: false, why: "尚未填写实际完成值。" });
  });

  test("a written score up to 0.5 off the computed one is fine; more is flagged; none written is never flagged", () => {
    // Row 1 (数量, ≥1200人次): 1080 is 90%, scored 11.25 of 15.
    const at = (score: number | null) => selfEvalScoresAt(selfEvalGrid({ actuals: { ...GOOD_ACTUALS, 1: "1080" }, scores: { 1: score } }), rowOf(1), rowOf(1))?.[0];
    expect(at(11.25)).toMatchObject({ computed: 11.25, written: 11.25, differs: false });
    expect(at(11.75)?.differs).toBe(false);
    expect(at(10.75)?.differs).toBe(false);
    expect(at(11.76)?.differs).toBe(true);
    expect(at(10.74)?.differs).toBe(true);
    expect(at(null)).toMatchObject({ written: null, differs: false });
  });

  test("a row the user scores (no method to compute) is never flagged, whatever is written", () => {
    const manual = se.indicators.findIndex((ind) => ind.method === null);
    expect(manual).toBeGreaterThanOrEqual(0);
    const row = selfEvalScoresAt(selfEvalGrid({ scores: { [manual]: 7 } }), rowOf(manual), rowOf(manual))?.[0];
    expect(row).toMatchObject({ computed: null, band: null, written: 7, differs: false });
  });

  test("a graded row: the band of its grade, computed at its top; any score inside it is fine, a hair outside is not", () => {
    const graded = se.indicators.findIndex((ind) => ind.method?.kind === "graded");
    expect(graded).toBeGreaterThanOrEqual(0);
    const at = (score: number | null) =>
      selfEvalScoresAt(selfEvalGrid({ actuals: { ...GOOD_ACTUALS, [graded]: "部分实现目标" }, scores: { [graded]: score } }), rowOf(graded), rowOf(graded))?.[0];
    const free = at(null);
    const band = free?.band;
    if (!band) throw new Error("a graded row has a band");
    expect(band.low).toBeLessThan(band.high);
    expect(free?.computed).toBe(band.high);
    expect(at(band.low)?.differs).toBe(false);
    expect(at(band.high)?.differs).toBe(false);
    expect(at((band.low + band.high) / 2)?.differs).toBe(false);
    expect(at(band.low - 0.01)?.differs).toBe(true);
    expect(at(band.high + 0.01)?.differs).toBe(true);
    // Float noise within a billionth of the band's ends is inside it.
    expect(at(band.low - 1e-9)?.differs).toBe(false);
    expect(at(band.high + 1e-9)?.differs).toBe(false);
    // Nothing picked yet: no band, nothing computed, a written score not flagged.
    const blank = selfEvalScoresAt(selfEvalGrid({ actuals: { ...GOOD_ACTUALS, [graded]: "" }, scores: { [graded]: 3 } }), rowOf(graded), rowOf(graded))?.[0];
    expect(blank).toMatchObject({ band: null, computed: null, written: 3, differs: false });
    // A row that is not graded has no band.
    expect(selfEvalScoresAt(selfEvalGrid(), rowOf(1), rowOf(1))?.[0]?.band).toBeNull();
  });
});
