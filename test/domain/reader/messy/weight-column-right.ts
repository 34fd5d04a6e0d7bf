import { HEADER_GOOD, readOf, ROWS, standardPreamble, type MessyFixture } from "../messy-support";

// A 权重（分） column after 备注, a 编号 column on the left with "一、" style numbers, points typed as "10分".
const fixture: MessyFixture = {
  title: "备注之后的权重列（“15分”“15%”“１０”），左侧编号列",
  grid: [
    ...standardPreamble(),
    ["编号", "一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注", "权重（分）"],
    ["一", ...ROWS.count, "15分"],
    ["二", "", ...ROWS.quality.slice(1), "15%"],
    ["三", ...ROWS.satisfaction, "１０"],
  ],
  forms: [
    {
      headerRow: 6,
      header: HEADER_GOOD,
      rows: [
        { row: 7, read: readOf("count"), points: 15 },
        { row: 8, read: readOf("quality"), points: 15 },
        { row: 9, read: readOf("satisfaction"), points: 10 },
      ],
    },
  ],
};

export default fixture;
