import { DEPT, DUTIES, GOALS, LABELS, readOf, ROWS, TITLE, type MessyFixture } from "../messy-support";

// Two forms side by side on one sheet (two units' tables pasted next to each other), one blank column between
// them, each with its own title, year, header fields, rows and sign-off. Each is read within its own columns.
const gap = "";
const fixture: MessyFixture = {
  title: "两张表左右并排，各读各的（年度、表头、指标行、签字栏）",
  grid: [
    [TITLE, "", "", "", "", "", "", "", "", gap, TITLE],
    ["（ 2027 ）年度", "", "", "", "", "", "", "", "", gap, "（ 2028 ）年度"],
    ["部门（单位）名称", DEPT, "", "", "", "", "", "", "", gap, "部门（单位）名称", "第二个单位"],
    ["部门（单位）职责", DUTIES, "", "", "", "", "", "", "", gap, "部门（单位）职责", "负责第二件事。"],
    ["年度履职目标", GOALS, "", "", "", "", "", "", "", gap, "年度履职目标", "做好第二件事。"],
    [...LABELS, gap, ...LABELS],
    [...ROWS.count, gap, ...ROWS.quality],
    [...ROWS.satisfaction, gap, "", ...ROWS.time.slice(1)],
    [gap, "", "", "", "", "", "", "", "", gap, ...ROWS.social],
    ["填表人：张敏", "", "", "", "联系电话：0745-6221234", "", "", "", "", gap, "填表人：王五", "", "", "", "联系电话：0745-1111111"],
  ],
  forms: [
    {
      headerRow: 6,
      year: 2027,
      yearCell: "A2",
      header: { deptName: DEPT, duties: DUTIES, goals: GOALS },
      rows: [
        { row: 7, read: readOf("count") },
        { row: 8, read: readOf("satisfaction") },
      ],
      signoff: { filledBy: "张敏", phone: "0745-6221234" },
    },
    {
      headerRow: 6,
      year: 2028,
      yearCell: "K2",
      header: { deptName: "第二个单位", duties: "负责第二件事。", goals: "做好第二件事。" },
      rows: [
        { row: 7, read: readOf("quality") },
        { row: 8, read: readOf("time") },
        { row: 9, read: readOf("social") },
      ],
      signoff: { filledBy: "王五", phone: "0745-1111111" },
    },
  ],
};

export default fixture;
