import { HEADER_GOOD, readOf, ROWS, standardPreamble, type MessyFixture } from "../messy-support";

// A header that names one column twice (备注 and 说明 are both read as remarks, 指标值 again over a second
// target column): one form, not two side by side; the extra column's text is reported, not dropped.
const fixture: MessyFixture = {
  title: "表头里同一栏出现两个名称（备注、说明）：仍是一张表，多出的列内容报告为无法归位",
  grid: [
    ...standardPreamble(),
    ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注", "说明"],
    [...ROWS.count, "年中调整"],
    [...ROWS.satisfaction],
  ],
  forms: [
    {
      headerRow: 6,
      header: HEADER_GOOD,
      rows: [
        { row: 7, read: readOf("count") },
        { row: 8, read: readOf("satisfaction") },
      ],
      unplaced: [["J7", "年中调整"]],
    },
  ],
};

export default fixture;
