import { DEPT, DUTIES, GOALS, HEADER_GOOD, LABELS, readOf, ROWS, TITLE, type MessyFixture } from "../messy-support";

// Header fields typed as "标签：值" in one cell, the label and its value several blank cells apart, the value in
// the cell under its label, and "预算年度：2027" instead of the year line.
const fixture: MessyFixture = {
  title: "表头字段：一格内“标签：值”、标签与值隔几格空格、值在标签下一格，“预算年度：2027”",
  grid: [
    [TITLE],
    ["", "", "", "", "", "", "预算年度：2027"],
    [`部门（单位）名称：${DEPT}`],
    ["部门（单位）职责：", "", "", DUTIES],
    ["年度履职目标"],
    [GOALS],
    [...LABELS],
    [...ROWS.count],
    [...ROWS.satisfaction],
  ],
  forms: [{ headerRow: 7, year: 2027, yearCell: "G2", header: HEADER_GOOD, rows: [{ row: 8, read: readOf("count") }, { row: 9, read: readOf("satisfaction") }] }],
};

export default fixture;
