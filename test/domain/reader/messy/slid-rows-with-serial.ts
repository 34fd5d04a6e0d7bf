import { HEADER_GOOD, readOf, ROWS, standardPreamble, type MessyFixture } from "../messy-support";

// A 序号 column and a two-row header, with rows slid as a paste from Word leaves them: one a column left (its
// level-1 lands in the 序号 column), one a column right (its 备注 falls off the grid). Both are realigned;
// the honest rows around them are read as they sit.
const fixture: MessyFixture = {
  title: "有序号列和两行表头时的错位行：左移一列（一级指标落在序号列）、右移一列",
  grid: [
    ...standardPreamble(),
    ["序号", "绩效指标", "", "", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"],
    ["", "一级指标", "二级指标", "三级指标", "", "", "", "", "", ""],
    [1, ...ROWS.count],
    [...ROWS.quality.slice(0, 8)],
    [3, "", "", ...ROWS.time.slice(1, 8)],
    [4, ...ROWS.satisfaction],
  ],
  forms: [
    {
      headerRow: 7,
      header: HEADER_GOOD,
      rows: [
        { row: 8, read: readOf("count") },
        { row: 9, read: readOf("quality"), shifted: true },
        { row: 10, read: readOf("time"), shifted: true },
        { row: 11, read: readOf("satisfaction") },
      ],
    },
  ],
};

export default fixture;
