import { cellsOf, HEADER_GOOD, readOf, standardPreamble, type MessyFixture } from "../messy-support";

// "指标值" merged over two sub-columns (指标值类型 | 指标值); the other labels merged down both rows.
const fixture: MessyFixture = {
  title: "“指标值”下分“指标值类型 | 指标值”两列（CSV）",
  grid: [
    ...standardPreamble(),
    ["一级指标", "二级指标", "三级指标", "指标值", "", "计量单位", "指标解释", "评（扣）分标准", "备注"],
    ["", "", "", "指标值类型", "指标值", "", "", "", ""],
    cellsOf("count"),
    cellsOf("quality", { blankLevel1: true }),
    cellsOf("social"),
  ],
  forms: [
    {
      headerRow: 7,
      year: 2027,
      header: HEADER_GOOD,
      rows: [
        { row: 8, read: readOf("count") },
        { row: 9, read: readOf("quality") },
        { row: 10, read: readOf("social") },
      ],
    },
  ],
};

export default fixture;
