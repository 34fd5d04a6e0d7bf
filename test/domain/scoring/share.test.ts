import { readForms } from "../../../src/domain/reader";
import { defaultMethodFor, indicatorSlots, satisfactionBandsFor, sharePoints } from "../../../src/domain/scoring";
import { formGrid, GOOD_ROWS, type RowInput } from "../../support/form-grid";

const TEMPLATE_ROWS: RowInput[] = [
  { level1: "成本指标", level2: "经济成本指标" },
  { level1: "产出指标", level2: "数量指标" },
  { level2: "质量指标" },
  { level2: "时效指标" },
  { level1: "效益指标", level2: "社会效益指标" },
  { level2: "可持续影响指标" },
  { level1: "满意度指标", level2: "服务对象满意度指标" },
];

describe("sharePoints over every indicator row", () => {
  test("blank template rows count: one filled row of seven gets 12.5, the remainder stays for the others", () => {
    const rows = TEMPLATE_ROWS.map((r, i) => (i === 1 ? { ...r, level3: "培训人次", valueType: "≥", target: 1200, unit: "人次" } : r));
    const grid = formGrid(rows);
    const form = readForms(grid)[0]!;
    expect(form.rows).toHaveLength(1);
    expect(indicatorSlots(grid, form)).toBe(7);
    const shares = sharePoints(form, form.rows, 90, indicatorSlots(grid, form));
    expect([...shares.values()]).toEqual([12.5]);
  });

  test("when the open rows are all the open slots, the last takes the remainder and the total is met", () => {
    const rows = GOOD_ROWS.map((r, i) => (i >= 4 ? { ...r, scoringStandard: "" } : r));
    const grid = formGrid(rows);
    const form = readForms(grid)[0]!;
    const open = form.rows.filter((r) => r.values.scoringStandard === "");
    const shares = sharePoints(form, open, 90, indicatorSlots(grid, form));
    // Stated: 20 + 15 + 15 + 10 = 60; 30 left over two rows.
    expect([...shares.values()]).toEqual([15, 15]);
  });
});

describe("satisfaction bands from the row's own target", () => {
  test("target 95%: ≥95% full points, 85–95% 80%, 60–85% half", () => {
    expect(satisfactionBandsFor(0.95, 10)).toEqual([
      { min: 0.95, points: 10 },
      { min: 0.85, points: 8 },
      { min: 0.6, points: 5 },
    ]);
  });

  test("a target of 70% keeps 60% as the pass line; no usable target gives the form's 90/80/60", () => {
    expect(satisfactionBandsFor(0.7, 10)).toEqual([
      { min: 0.7, points: 10 },
      { min: 0.6, points: 8 },
    ]);
    expect(satisfactionBandsFor(null, 10).map((b) => b.min)).toEqual([0.9, 0.8, 0.6]);
  });

  test("the suggested method for a satisfaction row with target ≥95% starts its bands at 95%", () => {
    const grid = formGrid([{ level1: "满意度指标", level2: "服务对象满意度指标", level3: "群众满意度", valueType: "≥", target: 95, unit: "%" }]);
    const row = readForms(grid)[0]!.rows[0]!;
    const m = defaultMethodFor(row, 10);
    expect(m.kind === "satisfaction" && m.bands[0]).toEqual({ min: 0.95, points: 10 });
  });
});
