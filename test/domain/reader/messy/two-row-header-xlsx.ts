import { HEADER_GOOD, readOf, ROWS, SIGNOFF_GOOD, standardPreamble, standardSignoff, type MessyFixture } from "../messy-support";

// The same two-row header read from .xlsx: every cell of a merged area repeats its top-left value, so "绩效指标"
// fills A6:C6, each other label fills both header rows, and a merged level-1 block repeats on each of its rows.
const fixture: MessyFixture = {
  title: "两行表头从 .xlsx 读出：合并区域每格都是左上角的值",
  grid: [
    ...standardPreamble(),
    ["绩效指标", "绩效指标", "绩效指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"],
    ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"],
    [...ROWS.cost],
    [...ROWS.count],
    [...ROWS.quality],
    [...ROWS.time],
    [...ROWS.social],
    [...ROWS.satisfaction],
    ...standardSignoff(),
  ],
  forms: [
    {
      headerRow: 7,
      year: 2027,
      header: HEADER_GOOD,
      rows: [
        { row: 8, read: readOf("cost") },
        { row: 9, read: readOf("count") },
        { row: 10, read: readOf("quality") },
        { row: 11, read: readOf("time") },
        { row: 12, read: readOf("social") },
        { row: 13, read: readOf("satisfaction") },
      ],
      signoff: SIGNOFF_GOOD,
    },
  ],
};

export default fixture;
