import { DEPT, DUTIES, GOALS, HEADER_GOOD, LABELS, readOf, ROWS, type MessyFixture } from "../messy-support";

// The header labels side by side in one row and their values in the row under them; the year as a label and a
// number in the next cell; the title carries no year.
const fixture: MessyFixture = {
  title: "表头标签排成一行，值在下一行；年度为“预算年度 | 2027”两格",
  grid: [
    ["部门整体支出绩效目标表"],
    ["预算年度", 2027],
    ["部门（单位）名称", "部门（单位）职责", "", "年度履职目标"],
    [DEPT, DUTIES, "", GOALS],
    [...LABELS],
    [...ROWS.count],
  ],
  forms: [{ headerRow: 5, year: 2027, yearCell: "B2", title: "部门整体支出绩效目标表", header: HEADER_GOOD, rows: [{ row: 6, read: readOf("count") }] }],
};

export default fixture;
