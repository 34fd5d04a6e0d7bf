import { DEPT, DUTIES, GOALS, LABELS, readOf, ROWS, TITLE, type MessyFixture } from "../messy-support";

// Header field labels with a "（必填）" tail, a "*" and half-width brackets, each label merged over two cells.
const fixture: MessyFixture = {
  title: "表头字段标签带（必填）、星号、半角括号，标签合并两格",
  grid: [
    [TITLE],
    ["（2027）年度"],
    ["部门(单位)名称（必填）", "部门(单位)名称（必填）", DEPT],
    ["*部门（单位）职责", "*部门（单位）职责", DUTIES],
    ["年度履职目标：", "年度履职目标：", GOALS],
    [...LABELS],
    [...ROWS.count],
  ],
  forms: [{ headerRow: 6, year: 2027, header: { deptName: DEPT, duties: DUTIES, goals: GOALS }, rows: [{ row: 7, read: readOf("count") }] }],
};

export default fixture;
