// 不分一级、二级指标的版式（重庆：绩效指标 | 指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值）：读作一张表，
// 缺的列报一次，不因没有一级指标而逐类报缺类；没有比较列和指标值列的表（预算表）仍不是绩效表。

import { readForms } from "../../../src/domain/reader";
import { checkForm } from "../../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";

const grid = [
  ["2024年部门(单位)整体绩效目标表"],
  ["部门(单位)名称", "某区某街道办事处"],
  ["当年整体绩效目标", "保障辖区道路清扫保洁，群众满意度不低于90%。"],
  ["绩效指标", "指标名称", "指标权重", "计量单位", "指标性质", "指标值"],
  ["", "道路清扫面积", "50", "万平方米", "≥", "30"],
  ["", "群众满意度", "50", "%", "≥", "90"],
];

describe("indicators listed without levels", () => {
  test("are read as one table, with its points, goals and comparisons", () => {
    const forms = readForms(grid);
    expect(forms).toHaveLength(1);
    const [form] = forms;
    expect(form?.rows.map((r) => [r.values.level3, r.points, r.values.valueType, r.values.target])).toEqual([
      ["道路清扫面积", 50, "≥", "30"],
      ["群众满意度", 50, "≥", "90"],
    ]);
    expect(form?.header.goals.text).toContain("群众满意度");
  });

  test("say the missing level columns once, and no category as missing", () => {
    const [form] = readForms(grid);
    const rules = checkForm(form!, DEFAULT_SETTINGS).map((f) => f.rule);
    expect(rules.filter((r) => r === "column-missing")).toHaveLength(1);
    expect(rules).not.toContain("category-missing");
    expect(form?.missingColumns).toEqual(expect.arrayContaining(["level1", "level2"]));
  });

  test("a table naming indicators and targets but no comparison column is still not a form", () => {
    const budget = [["项目名称", "指标名称", "指标值", "金额", "备注"], ["办公经费", "办公用品", "12", "3.5", ""]];
    expect(readForms(budget)).toEqual([]);
  });
});
