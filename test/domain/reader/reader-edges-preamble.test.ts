// 表格上方（标题、年度、表头栏目）的读法边界：值在右边还是下边、合并单元格重复、子表格、两张表上下相接时的分界。

import type { CellValue } from "../../../src/domain/grid";
import type { Form } from "../../../src/domain/form";
import { readForms } from "../../../src/domain/reader";

const LABELS = ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"];
const COUNT = ["产出指标", "数量指标", "职业技能培训人次", "≥", "1200", "人次", "全年组织职业技能培训的人次。", "完成得15分，未完成按比例计分。", ""];

function only(grid: CellValue[][]): Form {
  const forms = readForms(grid);
  expect(forms).toHaveLength(1);
  return forms[0]!;
}

describe("a header field's value", () => {
  test("is the next text to its right, past blanks and the label repeated over a merge", () => {
    const f = only([["单位名称", "单位名称", "", "某局", "别的"], LABELS, COUNT]);
    expect(f.header.deptName).toEqual({ text: "某局", cell: { row: 0, col: 3 } });
  });

  test("is the first cell of a merged value", () => {
    const f = only([["单位名称", "某局", "某局"], LABELS, COUNT]);
    expect(f.header.deptName).toEqual({ text: "某局", cell: { row: 0, col: 1 } });
  });

  test.each([
    ["绩效指标"], ["年度履职目标"], ["部门职责：某某"], ["预算年度"], ["2027年度"], ["三级指标"], ["某某绩效目标表"], ["中长期指标"],
    ["任务名称"], ["填表人："],
  ])("is the text under it when %j (a label) sits to its right", (right) => {
    const f = only([["单位名称", right], ["某局"], LABELS, COUNT]);
    expect(f.header.deptName).toEqual({ text: "某局", cell: { row: 1, col: 0 } });
  });

  test("is blank, pointing right of the label, when there is none", () => {
    const f = only([["单位名称"], LABELS, COUNT]);
    expect(f.header.deptName).toEqual({ text: "", cell: { row: 0, col: 1 } });
  });

  test("a blank field gives way to the same field filled further on; a filled one does not", () => {
    const f = only([["单位名称"], ["单位名称", "某局"], ["部门名称", "另一局"], LABELS, COUNT]);
    expect(f.header.deptName).toEqual({ text: "某局", cell: { row: 1, col: 1 } });
  });

  test("typed in one cell after a colon; blank after the colon, the value to its right", () => {
    const f = only([["单位名称：某局"], ["部门职责：", "负责某事"], ["年度目标：", "年度目标："], LABELS, COUNT]);
    // "年度目标：" is the label itself: blank, pointing right of it.
    expect(f.header.deptName).toEqual({ text: "某局", cell: { row: 0, col: 0 } });
    expect(f.header.duties).toEqual({ text: "负责某事", cell: { row: 1, col: 1 } });
    expect(f.header.goals).toEqual({ text: "", cell: { row: 2, col: 1 } });
  });

  test("an inline field does not replace one already filled", () => {
    const f = only([["单位名称", "某局"], ["单位名称：另一局"], ["部门职责：", ""], ["部门职责：负责某事"], LABELS, COUNT]);
    expect(f.header.deptName.text).toBe("某局");
    expect(f.header.duties).toEqual({ text: "负责某事", cell: { row: 3, col: 0 } });
  });
});

describe("goals laid out as a small table", () => {
  test("are the sub-table's texts joined, numbers and labels left out", () => {
    const f = only([
      ["年度主要任务", "任务名称", "主要内容", "预算金额"],
      ["", "培训", "组织职业技能培训", "12"],
      ["", "补贴", "发放培训补贴", "5.5"],
      LABELS,
      COUNT,
    ]);
    expect(f.header.goals).toEqual({ text: "培训；组织职业技能培训；补贴；发放培训补贴", cell: { row: 1, col: 1 } });
  });

  test("give way to a goals field of their own further on", () => {
    const f = only([
      ["年度主要任务", "任务名称", "主要内容"],
      ["", "培训", "组织职业技能培训"],
      ["年度绩效目标", "完成培训1200人次"],
      LABELS,
      COUNT,
    ]);
    expect(f.header.goals).toEqual({ text: "完成培训1200人次", cell: { row: 2, col: 1 } });
  });

  test("a goals label with neither a value nor a sub-table stays blank", () => {
    const f = only([["年度主要任务", "任务名称", "主要内容"], LABELS, COUNT]);
    expect(f.header.goals).toEqual({ text: "", cell: { row: 0, col: 1 } });
  });

  test("the sub-table ends where the label's own column has text again", () => {
    const f = only([
      ["年度主要任务", "任务名称", "主要内容"],
      ["", "培训", "组织培训"],
      ["另起一行", "补贴", "发放补贴"],
      LABELS,
      COUNT,
    ]);
    expect(f.header.goals.text).toBe("培训；组织培训");
  });
});

describe("the year", () => {
  test.each([
    [[["（ 2027 ）年度"]], 2027, "（ 2027 ）年度", { row: 0, col: 0 }],
    [[["预算年度", "2027"]], 2027, "2027", { row: 0, col: 1 }],
    [[["预算年度", "2027年"]], 2027, "2027年", { row: 0, col: 1 }],
    [[["预算年度", "二〇二七年"]], null, "二〇二七年", { row: 0, col: 1 }],
    [[["预算年度：第2027年"]], 2027, "预算年度：第2027年", { row: 0, col: 0 }],
    [[["预算年度：12027"]], null, "预算年度：12027", { row: 0, col: 0 }],
    [[["预算年度：２０２７"]], 2027, "预算年度：２０２７", { row: 0, col: 0 }],
    [[["2026年度部门整体支出绩效目标表"]], 2026, "2026年度部门整体支出绩效目标表", { row: 0, col: 0 }],
    [[["2026年度部门整体支出绩效目标表"], ["（ 2027 ）年度"]], 2027, "（ 2027 ）年度", { row: 1, col: 0 }],
    [[["（ 2027 ）年度"], ["2026年度部门整体支出绩效目标表"]], 2027, "（ 2027 ）年度", { row: 0, col: 0 }],
    [[["（ 2027 ）年度"], ["预算年度", "2028"]], 2027, "（ 2027 ）年度", { row: 0, col: 0 }],
    [[["预算年度", "2028"], ["（ 2027 ）年度"]], 2028, "2028", { row: 0, col: 1 }],
    [[["部门整体支出绩效目标表"]], null, "", null],
  ] as const)("%j → %j", (preamble, value, text, cell) => {
    const f = only([...preamble.map((r) => [...r]), LABELS, COUNT]);
    expect(f.year).toEqual({ value, text, cell });
  });

  test("the title is the first title line", () => {
    const f = only([["部门整体支出绩效目标表"], ["（续）绩效目标表"], LABELS, COUNT]);
    expect(f.title).toEqual({ text: "部门整体支出绩效目标表", cell: { row: 0, col: 0 } });
  });
});

describe("two forms one above the other", () => {
  test.each([
    [["部门整体支出绩效目标表"]],
    [["（ 2028 ）年度"]],
    [["预算年度", "2028"]],
    [["单位名称", "第二个单位"]],
    [["单位名称：第二个单位"]],
  ])("the second form's preamble starting %j is not the first form's body", (first) => {
    const forms = readForms([
      ["单位名称", "第一个单位"],
      LABELS,
      COUNT,
      [],
      first,
      ["部门职责", "负责第二件事"],
      LABELS,
      COUNT,
    ]);
    expect(forms).toHaveLength(2);
    expect(forms[0]!.rows).toHaveLength(1);
    expect(forms[0]!.lastRow).toBe(2);
    expect(forms[1]!.header.duties.text).toBe("负责第二件事");
    expect(forms[1]!.header.deptName.text).toBe(first[0] === "单位名称" || first[0] === "单位名称：第二个单位" ? "第二个单位" : "");
  });
});
