import { cellsOf, HEADER_GOOD, readOf, SIGNOFF_GOOD, standardPreamble, standardSignoff, type MessyFixture } from "../messy-support";

// A two-row header saved to CSV: the merged parent "绩效指标" over the three level columns, and the other labels
// merged down both header rows, keep their text only in the top-left cell.
const fixture: MessyFixture = {
  title: "两行表头（合并的“绩效指标”在三级指标列之上），CSV 只在左上角留字",
  grid: [
    ...standardPreamble(),
    ["绩效指标", "", "", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"],
    ["一级指标", "二级指标", "三级指标", "", "", "", "", "", ""],
    cellsOf("cost"),
    cellsOf("count"),
    cellsOf("quality", { blankLevel1: true }),
    cellsOf("social"),
    cellsOf("satisfaction"),
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
        { row: 11, read: readOf("social") },
        { row: 12, read: readOf("satisfaction") },
      ],
      signoff: SIGNOFF_GOOD,
    },
  ],
};

export default fixture;
