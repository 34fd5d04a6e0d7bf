// 表头栏目印成表格左侧的列（单位名称 | 项目名称 | 年度目标 | 一级指标 …，按项目合并单元格）：这些列的内容是表头的值，
// 不是指标内容；“指标方向性”一列填“正向指标”，不归入任何一栏。

import { readForms } from "../../../src/domain/reader";
import { checkForm } from "../../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";

const grid = [
  ["项目绩效目标申报表(2024年度)"],
  ["单位名称", "项目名称", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标方向性"],
  ["某镇人民政府", "道路养护", "完成村道养护12公里", "产出指标", "数量指标", "村道养护里程", "≥", "12", "公里", "正向指标"],
  ["", "", "", "成本指标", "经济成本指标", "每公里养护成本", "≤", "2", "万元", "反向指标"],
  ["", "", "", "效益指标", "社会效益指标", "群众出行条件", "定性", "明显改善", "", "正向指标"],
  ["", "", "", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "正向指标"],
];

describe("header fields printed as grid columns", () => {
  const [form] = readForms(grid);

  test("give the unit name and the goals from the first row under them", () => {
    expect(form?.header.deptName).toEqual({ text: "某镇人民政府", cell: { row: 2, col: 0 } });
    expect(form?.header.goals).toEqual({ text: "完成村道养护12公里", cell: { row: 2, col: 2 } });
  });

  test("are not indicator content, and a 指标方向性 column of directions is no field either", () => {
    // No points column: only the points total is left to say.
    const rules = checkForm(form!, DEFAULT_SETTINGS).map((f) => `${f.rule}@${f.cell}`);
    expect(rules).toEqual(["score-total@D2"]);
    expect(form?.columns.valueType).toBe(6);
    expect(form?.rows.map((r) => r.values.valueType)).toEqual(["≥", "≤", "定性", "≥"]);
  });

  test("a header field stated above the grid wins over the column", () => {
    const [above] = readForms([["项目绩效目标申报表(2024年度)"], ["单位名称", "某县交通局"], ...grid.slice(1)]);
    expect(above?.header.deptName.text).toBe("某县交通局");
  });
});
