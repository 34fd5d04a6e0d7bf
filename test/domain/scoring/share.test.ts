import { readForms } from "../../../src/domain/reader";
import { defaultMethodFor, indicatorSlots, satisfactionBandsFor, sharePoints, statedPoints } from "../../../src/domain/scoring";
import type { Form } from "../../../src/domain/form";
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

// ---- the edges of statedPoints, indicatorSlots and sharePoints -------------------------------------

/** A row worth `points` by its standard (the template has no 分值 column). */
const stated = (level3: string, points: number): RowInput => ({
  level1: "产出指标",
  level2: "数量指标",
  level3,
  valueType: "≥",
  target: 10,
  unit: "个",
  scoringStandard: `达到指标值得${points}分；未达到不得分。`,
});
const open = (level3: string): RowInput => ({ level1: "产出指标", level2: "数量指标", level3, valueType: "≥", target: 10, unit: "个" });

function formOf(rows: readonly RowInput[]) {
  const grid = formGrid(rows);
  const form = readForms(grid)[0]!;
  return { grid, form, slots: indicatorSlots(grid, form) };
}

/** The form as read from a table that has no sign-off lines at all. */
function withoutSignoff(form: Form): Form {
  const none = Object.fromEntries(Object.keys(form.signoff).map((k) => [k, { text: "", cell: null }]));
  return { ...form, signoff: none as unknown as Form["signoff"] };
}

describe("statedPoints: the 分值 column when the table has one, else the standard", () => {
  test("with a 分值 column the cell wins, even when empty and the standard names points", () => {
    const { form } = formOf([stated("甲", 10)]);
    const row = form.rows[0]!;
    expect(statedPoints(form, row)).toBe(10);
    const withColumn = { ...form, columns: { ...form.columns, points: 10 } };
    expect(statedPoints(withColumn, { ...row, points: 7 })).toBe(7);
    expect(statedPoints(withColumn, { ...row, points: null })).toBeNull();
  });
});

describe("indicatorSlots: where the template's rows end", () => {
  test("a sign-off line stops the count, even when it sits in the level-1 column", () => {
    const { grid, form } = formOf([stated("甲", 10), { level1: "效益指标", level2: "社会效益指标" }]);
    // Move every sign-off text from column A into B (the level-1 column), as some tables place it.
    for (const row of grid) {
      if (typeof row[0] === "string" && /审核|填表|负责人/.test(row[0])) {
        row[1] = row[0];
        row[0] = "";
      }
    }
    const moved = readForms(grid)[0]!;
    expect(moved.rows.map((r) => r.row)).toEqual(form.rows.map((r) => r.row));
    expect(indicatorSlots(grid, moved)).toBe(2);
  });

  test("a sign-off field above the header does not stop the count", () => {
    const { grid, form } = formOf([stated("甲", 10), { level1: "效益指标", level2: "社会效益指标" }]);
    const above = { ...form, signoff: { ...form.signoff, filledBy: { ...form.signoff.filledBy, cell: { row: 1, col: 0 } } } };
    expect(indicatorSlots(grid, above)).toBe(2);
  });

  test("a table without sign-off lines counts to the end of the grid", () => {
    const { grid, form } = formOf([stated("甲", 10), { level1: "效益指标", level2: "社会效益指标" }]);
    expect(indicatorSlots(grid, withoutSignoff(form))).toBe(2);
  });

  test("two blank rows do not end the template, three do", () => {
    const { grid, form: read } = formOf([stated("甲", 10)]);
    const form = withoutSignoff(read);
    const first = form.rows[0]!.row;
    const level2Col = form.columns.level2!;
    const withGap = (gap: number) => {
      const g = grid.map((r) => [...r]);
      while (g.length <= first + gap + 1) g.push(new Array(g[0]!.length).fill(""));
      for (let r = first + 1; r <= first + gap + 1; r++) g[r] = new Array(g[0]!.length).fill("");
      g[first + gap + 1]![level2Col] = "质量指标";
      return g;
    };
    expect(indicatorSlots(withGap(2), form)).toBe(2);
    expect(indicatorSlots(withGap(3), form)).toBe(1);
  });
});

describe("sharePoints at its edges", () => {
  test("only rows without points get a share; the last open slot takes the remainder (10 over 3 → 3, 3, 4)", () => {
    const { form, slots } = formOf([stated("甲", 80), open("乙"), open("丙"), open("丁")]);
    const shares = sharePoints(form, form.rows, 90, slots);
    expect([...shares.keys()].map((r) => r.values.level3)).toEqual(["乙", "丙", "丁"]);
    expect([...shares.values()]).toEqual([3, 3, 4]);
  });

  test("the remainder is rounded to cents: 10.01 over 3 → 3, 3, 4.01", () => {
    const { form, slots } = formOf([stated("甲", 79.99), open("乙"), open("丙"), open("丁")]);
    expect([...sharePoints(form, form.rows, 90, slots).values()]).toEqual([3, 3, 4.01]);
  });

  test("half a point is the smallest share; below it every open row is offered 10", () => {
    const half = formOf([stated("甲", 89), open("乙"), open("丙")]);
    expect([...sharePoints(half.form, half.form.rows, 90, half.slots).values()]).toEqual([0.5, 0.5]);
    const less = formOf([stated("甲", 89.5), open("乙"), open("丙")]);
    expect([...sharePoints(less.form, less.form.rows, 90, less.slots).values()]).toEqual([10, 10]);
  });

  test("a share of exactly 100 stands; above 100 every open row is offered 10", () => {
    const one = formOf([open("乙")]);
    expect([...sharePoints(one.form, one.form.rows, 100, one.slots).values()]).toEqual([100]);
    expect([...sharePoints(one.form, one.form.rows, 201, one.slots).values()]).toEqual([10]);
  });

  test("the remainder is taken only up to 100 points", () => {
    // 199.5 over two: 99.5 and a remainder of exactly 100.
    const two = formOf([stated("甲", 0.5), open("乙"), open("丙")]);
    expect([...sharePoints(two.form, two.form.rows, 200, two.slots).values()]).toEqual([99.5, 100]);
    // 301 over three: 100 each, the remainder 101 is too much and the last keeps its share.
    const three = formOf([open("乙"), open("丙"), open("丁")]);
    expect([...sharePoints(three.form, three.form.rows, 301, three.slots).values()]).toEqual([100, 100, 100]);
  });

  test("a row outside the counted slots is offered 10 when no slot is open", () => {
    const full = formOf([stated("甲", 90)]);
    const other = formOf([open("乙")]).form.rows[0]!;
    expect(full.slots).toBe(1);
    expect([...sharePoints(full.form, [other], 90, full.slots).values()]).toEqual([10]);
    expect(sharePoints(full.form, full.form.rows, 90, full.slots).size).toBe(0);
  });
});
