import { DEPT, DUTIES, GOALS, LABELS, readOf, ROWS, type MessyFixture } from "../messy-support";

// The department and year in the title, no year line; a "单位：万元" line that is not a header field; the
// department's name value spread over merged cells (repeated, as .xlsx reads them).
const title = `${DEPT}2027年度部门整体支出绩效目标表`;
const fixture: MessyFixture = {
  title: "标题里带单位名称和年度，没有年度行",
  grid: [
    [title],
    ["", "", "", "", "", "", "", "单位：万元"],
    ["部门（单位）名称", DEPT, DEPT, DEPT],
    ["部门（单位）职责", DUTIES, DUTIES, DUTIES],
    ["年度履职目标", GOALS, GOALS, GOALS],
    [...LABELS],
    [...ROWS.cost],
  ],
  forms: [
    {
      headerRow: 6,
      year: 2027,
      yearCell: "A1",
      title,
      header: { deptName: DEPT, duties: DUTIES, goals: GOALS },
      rows: [{ row: 7, read: readOf("cost") }],
    },
  ],
};

export default fixture;
