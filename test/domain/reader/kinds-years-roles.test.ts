// 表格种类、年度写法、按内容定列：读表的几个小判断，各举正反例。

import { readForms } from "../../../src/domain/reader";
import { formKindOf } from "../../../src/domain/reader/kind";
import { isApprovalLine, periodOf, splitLevelWeight, yearLineOf } from "../../../src/domain/reader/labels";
import { comparisonColumns } from "../../../src/domain/reader/roles";

describe("table kinds", () => {
  test.each([
    ["部门（单位）整体支出绩效目标表", [], "department"],
    ["2023年度项目支出绩效目标申报表", [], "project"],
    ["财政支出项目绩效目标申报表", [], "project"],
    ["部门整体支出绩效自评表", [], "selfeval"],
    ["绩效目标表", ["项目名称", "主管部门"], "project"],
    ["绩效目标表", ["一级指标", "年度指标值", "全年实际值", "得分"], "selfeval"],
    ["", ["部门名称", "部门职责"], "department"],
  ] as const)("%s %j → %s", (title, labels, kind) => {
    expect(formKindOf({ title, labels })).toBe(kind);
  });
});

describe("year lines", () => {
  test.each([
    ["（ 2026 ）年度", "2026"], ["(2022年度)", "2022"], ["（2022年度）", "2022"], ["(2021年)", "2021"], ["2019年度)", "2019"],
    ["2027年度", "2027"], ["预算年度：2027", "2027"], ["（    ）年度", ""],
  ])("%s holds %s", (text, year) => expect(yearLineOf(text)).toBe(year));

  test.each(["2019年度部门预算", "填报日期：2021年", "(2022年度)说明"])("%s is not a year line", (text) => {
    expect(yearLineOf(text)).toBeNull();
  });
});

describe("small label judgements", () => {
  test.each([
    ["产出指标(50分)", { name: "产出指标", points: 50 }], ["成本指标（0-20）分", { name: "成本指标", points: 20 }],
    ["效益指标 30分", { name: "效益指标", points: 30 }], ["产出指标", null], ["数量指标（个）", null],
  ] as const)("weight in %s", (text, want) => expect(splitLevelWeight(text)).toEqual(want));

  test.each([
    ["中长期指标", "longer"], ["实施期指标值", "longer"], ["长期绩效指标", "longer"], ["年度指标", "annual"],
    ["年度指标值", "annual"], ["三级指标", null], ["年度履职目标", null],
    ["三级指标(长期)", "longer"], ["二级指标（中长期）", "longer"], ["指标值(年度)", "annual"], ["指标值（单位）", null],
  ] as const)("period of %s is %s", (text, period) => expect(periodOf(text)).toBe(period));

  test.each([["主管部门审核意见", true], ["（盖章）", true], ["年  月  日", true], ["单位公章：", true], ["单位名称", false], ["审核意见办理及时率", false], ["财政部门审核意见：", true], ["财政部门支出股室初审意见", true], ["审查意见落实率", false], ["产出指标", false]] as const)(
    "%s is an approval line: %s",
    (text, yes) => expect(isApprovalLine(text)).toBe(yes),
  );
});

describe("the comparison column decided by contents", () => {
  const body: Record<number, string[]> = { 1: ["正向", "≥"], 2: ["反向", "≤"], 3: ["正向", "定性"] };
  const cellAt = (r: number, c: number) => body[r]?.[c] ?? "";

  test("正向/反向 is a direction, the other column holds the comparison", () => {
    expect(comparisonColumns([0, 1], 0, cellAt, 1, 4)).toEqual({ valueType: 1, directions: [0] });
  });

  test("a column of comparisons keeps its place whatever it is called", () => {
    expect(comparisonColumns([1], 1, cellAt, 1, 4)).toEqual({ valueType: 1, directions: [] });
  });

  test("a table whose only such column holds directions has no value-type column", () => {
    const forms = readForms([
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值"],
      ["产出指标", "数量指标", "培训人次", "正向", "≥1200人次"],
      ["成本指标", "经济成本指标", "培训经费", "反向", "≤96万元"],
    ]);
    expect(forms[0]?.columns.valueType).toBeUndefined();
    expect(forms[0]?.targetCarries).toEqual({ comparison: true, unit: true });
    expect(forms[0]?.notes).toEqual([]);
    expect(forms[0]?.rows.map((r) => r.realignment)).toEqual([null, null]);
  });
});

describe("weights printed in level-1 cells", () => {
  test("are the block's points, on every row of the block, and leave the category name", () => {
    const [form] = readForms([
      ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位"],
      ["产出指标(50分)", "数量指标", "培训人次", "≥", "1200", "人次"],
      ["", "质量指标", "培训合格率", "≥", "90", "%"],
      ["成本指标（0-20）分", "经济成本指标", "培训经费", "≤", "96", "万元"],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥", "90", "%"],
    ]);
    expect(form?.rows.map((r) => [r.level1, r.level1Points, r.realignment])).toEqual([
      ["产出指标", 50, null],
      ["产出指标", 50, null],
      ["成本指标", 20, null],
      ["满意度指标", null, null],
    ]);
  });
});

describe("self-evaluation columns", () => {
  test("are left to the self-evaluation reader: named with their column, never unplaced", () => {
    const [form] = readForms([
      ["项目绩效自评表"],
      ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "培训人次", "20", "≥1200人次", "1150人次", "18", "部分学员未到"],
    ]);
    expect(form?.kind).toBe("selfeval");
    expect(form?.otherColumns).toEqual([
      { label: "全年实际值", col: 5 },
      { label: "得分", col: 6 },
      { label: "偏差原因分析及改进措施", col: 7 },
    ]);
    expect(form?.notes).toEqual([]);
    expect(form?.rows[0]?.values.target).toBe("≥1200人次");
  });
});

describe("regional target columns (区域绩效目标表)", () => {
  test("place-name columns instead of 指标值: the first region's is the target, the others are not unplaced", () => {
    const [form] = readForms([
      ["某区2025年水利专项资金绩效目标表"],
      ["项目名称", "水利专项资金"],
      ["主管部门(单位)名称", "某区水利局"],
      ["总体目标", "开展2个水毁修复"],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标解释", "指标方向", "笏石街道办", "埭头镇"],
      ["", "产出指标", "数量指标", "开展修复工程(个)", "反映修复项目开展情况", "≥", "1", "1"],
    ]);
    expect(form?.columns.target).toBe(6);
    expect(form?.missingColumns).toEqual([]);
    expect(form?.notes).toEqual([]);
    expect(form?.header.deptName.text).toBe("某区水利局");
    expect(form?.rows[0]?.values.target).toBe("1");
  });

  test("any labels in the row under a 区域目标值 parent: that row is part of the header", () => {
    const [form] = readForms([
      ["专项转移支付绩效目标表"],
      ["一级指标", "二级指标", "三级指标", "指标解释", "区域目标值", ""],
      ["", "", "", "", "甲片区", "乙片区"],
      ["产出指标", "数量指标", "补助村数量", "反映补助村数量", "2", "3"],
    ]);
    expect(form?.columns.target).toBe(4);
    expect(form?.headerRow).toBe(2);
    expect(form?.notes).toEqual([]);
    expect(form?.rows.map((r) => [r.values.level3, r.values.target])).toEqual([["补助村数量", "2"]]);
  });

  test("a column named after a place is not taken when the table has its own 指标值", () => {
    const [form] = readForms([
      ["一级指标", "二级指标", "三级指标", "指标值", "城关镇"],
      ["产出指标", "数量指标", "培训人次", "≥1200人次", "600"],
    ]);
    expect(form?.columns.target).toBe(3);
    expect(form?.notes.map((n) => n.kind)).toEqual(["unplaced"]);
  });
});

describe("wide tables whose two indicator sets are not labelled by period", () => {
  test("the later 二级/三级/指标值 set under the one 一级指标 is the year's; the earlier is left unread", () => {
    const [form] = readForms([
      ["某市财政项目支出绩效目标批复表"],
      ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "计划指标值(或计划水平)"],
      ["产出指标", "数量指标", "补助项目数", "10", "数量指标", "补助项目数", "3"],
    ]);
    expect(form?.columns).toEqual({ level1: 0, level2: 4, level3: 5, target: 6 });
    expect(form?.notes).toEqual([]);
    expect(form?.rows[0]?.values.target).toBe("3");
  });

  test("two forms side by side, each with its 一级指标, are not one wide table", () => {
    const forms = readForms([
      ["一级指标", "二级指标", "三级指标", "指标值", "一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "培训人次", "≥1200人次", "产出指标", "数量指标", "检查次数", "≥12次"],
    ]);
    expect(forms.map((f) => f.columns.target)).toEqual([3, 7]);
  });
});

describe("labels with a 绩效 prefix and a 指标方向性 column", () => {
  test("绩效指标性质 holds the comparison, 绩效度量单位 the unit, 指标方向性 (正向指标) is a direction", () => {
    const [form] = readForms([
      ["项目绩效目标表"],
      ["一级指标*", "二级指标*", "三级指标*", "绩效指标性质*", "绩效指标值*", "绩效度量单位", "权重*", "指标方向性*"],
      ["产出指标", "数量指标", "举办展会数量", "≥", "6", "个", "30%", "正向指标"],
    ]);
    expect(form?.columns).toEqual({ level1: 0, level2: 1, level3: 2, valueType: 3, target: 4, unit: 5, points: 6 });
    expect(form?.notes).toEqual([]);
  });
});
