import { FiscalYearError, planNextYear, type NextYearPlan } from "../../../src/domain/fiscal";
import type { Form } from "../../../src/domain/form";
import { cellText, type CellValue, type Grid } from "../../../src/domain/grid";
import { readForms } from "../../../src/domain/reader";
import { seedGrid } from "../../support/markdown-grid";

function onlyForm(grid: Grid): Form {
  const forms = readForms(grid);
  expect(forms).toHaveLength(1);
  return forms[0] as Form;
}

/** The grid with the plan's edits applied to a copy, as the Excel layer and the CLI do. */
function apply(grid: Grid, plan: NextYearPlan): CellValue[][] {
  const copy = grid.map((row) => [...row]);
  for (const e of plan.edits) {
    const row = copy[e.row];
    if (!row) throw new Error(`edit outside the grid: ${e.row}`);
    row[e.col] = e.after;
  }
  return copy;
}

/** Every cell's text, for comparing grids cell by cell. */
function texts(grid: Grid): string[][] {
  return grid.map((row) => row.map(cellText));
}

/** Find the (first) cell whose text contains `needle`. */
function cellWith(grid: Grid, needle: string): { row: number; col: number } {
  for (let r = 0; r < grid.length; r++) {
    const c = (grid[r] ?? []).findIndex((v) => cellText(v).includes(needle));
    if (c >= 0) return { row: r, col: c };
  }
  throw new Error(`no cell contains ${needle}`);
}

function setCell(grid: CellValue[][], at: { row: number; col: number }, value: CellValue): void {
  const row = grid[at.row];
  if (!row) throw new Error("no such row");
  row[at.col] = value;
}

describe("planNextYear on the seed", () => {
  const grid = seedGrid();
  const form = onlyForm(grid);

  test("carries 2026 to 2027: the year line edited, the fill date cleared, nothing else", () => {
    const plan = planNextYear(grid, form, { updateMentions: false });
    expect(plan.fromYear).toBe(2026);
    expect(plan.toYear).toBe(2027);
    const yearCell = cellWith(grid, "年度");
    const dateCell = cellWith(grid, "填表日期");
    expect(plan.edits).toEqual([
      { ...yearCell, before: "（ 2026 ）年度", after: "（ 2027 ）年度", reason: "表格年度由2026年改为2027年" },
      {
        ...dateCell,
        before: "填表日期：2025.12.12 单位负责人：黄长春",
        after: "填表日期： 单位负责人：黄长春",
        reason: "清空填表日期（原为“2025.12.12”），新表填好后再填写",
      },
    ]);
  });

  test("the carried table reads back as next year's, with the same header, indicators and sign-offs but the date", () => {
    const plan = planNextYear(grid, form, { updateMentions: false });
    const next = onlyForm(apply(grid, plan));
    expect(next.year.value).toBe(2027);
    expect(next.signoff.fillDate.text).toBe("");
    expect(next.signoff.head.text).toBe("黄长春");
    expect(next.signoff.filledBy.text).toBe(form.signoff.filledBy.text);
    expect(next.header).toEqual(form.header);
    expect(next.rows).toEqual(form.rows);
    // Cell by cell, only the edited cells differ.
    const before = texts(grid);
    const after = texts(apply(grid, plan));
    const changed: string[] = [];
    before.forEach((row, r) => row.forEach((t, c) => t !== after[r]?.[c] && changed.push(`${r},${c}`)));
    expect(changed.sort()).toEqual(plan.edits.map((e) => `${e.row},${e.col}`).sort());
  });

  test("the seed's texts mention no year, so updateMentions changes nothing more", () => {
    expect(planNextYear(grid, form, { updateMentions: true })).toEqual(planNextYear(grid, form, { updateMentions: false }));
  });

  test("is pure: neither the grid nor the form is modified", () => {
    const gridBefore = JSON.stringify(grid);
    const formBefore = JSON.stringify(form);
    planNextYear(grid, form, { updateMentions: true });
    expect(JSON.stringify(grid)).toBe(gridBefore);
    expect(JSON.stringify(form)).toBe(formBefore);
  });
});

describe("planNextYear with year mentions in texts", () => {
  // The seed with years written into its header and indicator texts.
  const grid = seedGrid();
  const goalsCell = cellWith(grid, "完成全年参保人数20000人");
  setCell(grid, goalsCell, "2026年完成全年参保人数20000人（2025年基数18000人）；\n落实2026-2028年规划。");
  const explanationCell = cellWith(grid, "考核群众满意度情况。");
  setCell(grid, explanationCell, "2026年12月31日前开展的群众满意度调查结果。");
  const levelCell = cellWith(grid, "加强专项基金监管");
  setCell(grid, levelCell, "加强专项基金监管，保障受伤劳动者合法权益");
  const costScoring = cellWith(grid, "部门预算总额控制在总成本范围内");
  const targetCell = cellWith(grid, "效果明显");
  setCell(grid, targetCell, "二〇二七年底前效果明显");
  const form = onlyForm(grid);

  test("without updateMentions the texts stay as they are", () => {
    const plan = planNextYear(grid, form, { updateMentions: false });
    expect(plan.edits.map((e) => `${e.row},${e.col}`)).toEqual(
      [cellWith(grid, "年度"), cellWith(grid, "填表日期")].map((c) => `${c.row},${c.col}`),
    );
  });

  test("with updateMentions, years from the form's year on move one year; earlier years stay", () => {
    const plan = planNextYear(grid, form, { updateMentions: true });
    const at = (cell: { row: number; col: number }) => plan.edits.find((e) => e.row === cell.row && e.col === cell.col);
    expect(at(goalsCell)).toEqual({
      ...goalsCell,
      before: "2026年完成全年参保人数20000人（2025年基数18000人）；\n落实2026-2028年规划。",
      after: "2027年完成全年参保人数20000人（2025年基数18000人）；\n落实2027-2029年规划。",
      reason: "文字中的年份顺延一年：2026→2027、2028→2029",
    });
    expect(at(explanationCell)?.after).toBe("2027年12月31日前开展的群众满意度调查结果。");
    expect(at(targetCell)?.after).toBe("二〇二八年底前效果明显");
    expect(at(targetCell)?.reason).toBe("文字中的年份顺延一年：二〇二七→二〇二八");
    expect(at(levelCell)).toBeUndefined(); // no year in it
    expect(at(costScoring)).toBeUndefined();
    expect(at(cellWith(grid, "年度"))?.after).toBe("（ 2027 ）年度");
    for (const e of plan.edits) expect(e.after).not.toBe(e.before);
    const next = onlyForm(apply(grid, plan));
    expect(next.year.value).toBe(2027);
    expect(next.header.goals.text).toContain("2027年完成");
  });

  test("applying the plan twice is not the same as once: each run moves one year", () => {
    const once = apply(grid, planNextYear(grid, form, { updateMentions: true }));
    const twiceForm = onlyForm(once);
    const twice = planNextYear(once, twiceForm, { updateMentions: true });
    expect(twice.fromYear).toBe(2027);
    expect(twice.toYear).toBe(2028);
    expect(cellText(apply(once, twice)[goalsCell.row]?.[goalsCell.col])).toContain("2028年完成");
  });
});

describe("planNextYear, other layouts", () => {
  test("years in a slid row's texts are edited where the text sits, not where it belongs", () => {
    const grid = seedGrid();
    // The 社会效益指标 row has its explanation one column right; the 成本指标 row is one column left.
    const explanation = cellWith(grid, "考核工作实施对社会效益");
    setCell(grid, explanation, "考核2026年工作实施对社会效益所带来的直接或间接影响情况。");
    const costName = cellWith(grid, "部门预算支出金额");
    setCell(grid, costName, "2026年部门预算支出金额");
    const plan = planNextYear(grid, onlyForm(grid), { updateMentions: true });
    const moved = plan.edits.filter((e) => e.reason.startsWith("文字中的年份"));
    expect(moved.map((e) => [e.row, e.col, e.after])).toEqual([
      [explanation.row, explanation.col, "考核2027年工作实施对社会效益所带来的直接或间接影响情况。"],
      [costName.row, costName.col, "2027年部门预算支出金额"],
    ]);
  });

  test("a form without a year line takes its year from the title, and the title is what changes", () => {
    const grid = seedGrid();
    const yearLine = cellWith(grid, "年度");
    setCell(grid, yearLine, "");
    const titleCell = cellWith(grid, "整体支出绩效目标表");
    setCell(grid, titleCell, "芷江县2026年度部门（单位）整体支出绩效目标表");
    const form = onlyForm(grid);
    expect(form.year.value).toBe(2026);
    const plan = planNextYear(grid, form, { updateMentions: false });
    expect(plan.edits[0]).toEqual({
      ...titleCell,
      before: "芷江县2026年度部门（单位）整体支出绩效目标表",
      after: "芷江县2027年度部门（单位）整体支出绩效目标表",
      reason: "表格年度由2026年改为2027年",
    });
    expect(plan.edits).toHaveLength(2);
  });

  test("a title naming the year follows the year line too", () => {
    const grid = seedGrid();
    const titleCell = cellWith(grid, "整体支出绩效目标表");
    setCell(grid, titleCell, "2026年度部门（单位）整体支出绩效目标表");
    const plan = planNextYear(grid, onlyForm(grid), { updateMentions: false });
    expect(plan.edits.find((e) => e.row === titleCell.row && e.col === titleCell.col)?.after).toBe(
      "2027年度部门（单位）整体支出绩效目标表",
    );
  });

  test("a fill date alone in its cell (label in the cell before) is cleared entirely", () => {
    const grid: CellValue[][] = [["年度", 2026], ["填表日期：", "2025-12-12"]];
    const form = handForm({ yearCell: { row: 0, col: 1 }, yearText: "2026", fillDate: { text: "2025-12-12", cell: { row: 1, col: 1 } } });
    const plan = planNextYear(grid, form, { updateMentions: false });
    expect(plan.edits).toEqual([
      { row: 0, col: 1, before: "2026", after: "2027", reason: "表格年度由2026年改为2027年" },
      { row: 1, col: 1, before: "2025-12-12", after: "", reason: "清空填表日期（原为“2025-12-12”），新表填好后再填写" },
    ]);
  });

  test("a blank fill date produces no edit", () => {
    const grid: CellValue[][] = [["（2026）年度"], ["填表日期： 单位负责人：刘伟"]];
    const form = handForm({ yearCell: { row: 0, col: 0 }, yearText: "（2026）年度", fillDate: { text: "", cell: { row: 1, col: 0 } } });
    expect(planNextYear(grid, form, { updateMentions: true }).edits).toEqual([
      { row: 0, col: 0, before: "（2026）年度", after: "（2027）年度", reason: "表格年度由2026年改为2027年" },
    ]);
  });

  test("a form without a year cannot be carried forward: a typed error with a Chinese message", () => {
    const form = handForm({ yearCell: null, yearText: "", fillDate: { text: "", cell: null } });
    expect(() => planNextYear([[""]], { ...form, year: { value: null, text: "", cell: null } }, { updateMentions: false })).toThrow(
      FiscalYearError,
    );
    expect(() => planNextYear([[""]], { ...form, year: { value: null, text: "", cell: null } }, { updateMentions: false })).toThrow(
      /没有读到表格的年度/,
    );
  });
});

describe("planNextYear in English", () => {
  test("the seed carried forward: the same edits as in Chinese, with English reasons", () => {
    const grid = seedGrid();
    const form = onlyForm(grid);
    const en = planNextYear(grid, form, { updateMentions: false, language: "en" });
    const zh = planNextYear(grid, form, { updateMentions: false });
    expect(en.edits.map(({ reason: _r, ...e }) => e)).toEqual(zh.edits.map(({ reason: _r, ...e }) => e));
    expect(en.edits.map((e) => e.reason)).toEqual([
      "The form's year changed from 2026 to 2027",
      `Fill date cleared (was "2025.12.12"); fill it in once the new form is complete`,
    ]);
    expect(planNextYear(grid, form, { updateMentions: false, language: "zh" })).toEqual(zh);
  });

  test("moved mentions are listed once each, quoted as written", () => {
    const grid = seedGrid();
    const goalsCell = cellWith(grid, "完成全年参保人数20000人");
    setCell(grid, goalsCell, "2026年完成；2026-2028年规划；二〇二七年底前");
    const plan = planNextYear(grid, onlyForm(grid), { updateMentions: true, language: "en" });
    const edit = plan.edits.find((e) => e.row === goalsCell.row && e.col === goalsCell.col);
    expect(edit?.after).toBe("2027年完成；2027-2029年规划；二〇二八年底前");
    expect(edit?.reason).toBe(`Years in the text moved on by one year: "2026" → "2027", "2028" → "2029", "二〇二七" → "二〇二八"`);
  });

  test("a cell with two changes joins its reasons in English", () => {
    const grid: CellValue[][] = [["2026 填表日期：2025-12-12"]];
    const form = handForm({ yearCell: { row: 0, col: 0 }, yearText: "2026", fillDate: { text: "2025-12-12", cell: { row: 0, col: 0 } } });
    const [edit] = planNextYear(grid, form, { updateMentions: false, language: "en" }).edits;
    expect(edit?.after).toBe("2027 填表日期：");
    expect(edit?.reason).toBe(
      `Fill date cleared (was "2025-12-12"); fill it in once the new form is complete; The form's year changed from 2026 to 2027`,
    );
  });

  test("a form without a year: FiscalYearError in English", () => {
    const form = handForm({ yearCell: null, yearText: "", fillDate: { text: "", cell: null } });
    const noYear = { ...form, year: { value: null, text: "", cell: null } };
    expect(() => planNextYear([[""]], noYear, { updateMentions: false, language: "en" })).toThrow(FiscalYearError);
    expect(() => planNextYear([[""]], noYear, { updateMentions: false, language: "en" })).toThrow(/^The form's year could not be read/);
  });
});

/** A minimal Form for layouts the reader is not needed for. */
function handForm(o: {
  yearCell: { row: number; col: number } | null;
  yearText: string;
  fillDate: { text: string; cell: { row: number; col: number } | null };
}): Form {
  const empty = { text: "", cell: null };
  return {
    kind: "department",
    targetCarries: { comparison: false, unit: false },
    linesBelow: [],
    otherColumns: [],
    headerRow: 0,
    firstRow: 0,
    lastRow: -1,
    columns: {},
    missingColumns: [],
    title: empty,
    year: { value: 2026, text: o.yearText, cell: o.yearCell },
    header: { deptName: empty, duties: empty, goals: empty },
    rows: [],
    signoff: { businessReview: empty, performanceReview: empty, filledBy: empty, phone: empty, fillDate: o.fillDate, head: empty },
    notes: [],
  };
}
