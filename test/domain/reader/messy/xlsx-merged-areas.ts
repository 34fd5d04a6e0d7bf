import { DEPT, DUTIES, GOALS, HEADER_GOOD, readOf, ROWS, SIGNOFF_GOOD, TITLE, type MessyFixture } from "../messy-support";

// The standard form read from .xlsx, where every cell of a merged area repeats the top-left value: the title
// over A1:J1, the year line over A2:J2, header values over B:J, the 绩效指标 label down column A, level-1 blocks
// down column B, a totals row merged over B:D, sign-off lines merged over A:E and F:J. Nothing may be read
// twice or reported as unplaced.
const span = (text: string, n: number): string[] => new Array<string>(n).fill(text);
const L = "绩效指标";
const fixture: MessyFixture = {
  title: ".xlsx 合并单元格：标题、年度行、表头值、绩效指标标签列、一级指标块、合计行、签字栏都在每格重复",
  grid: [
    span(TITLE, 10),
    span("（ 2027 ）年度", 10),
    ["部门（单位）名称", ...span(DEPT, 9)],
    ["部门（单位）职责", ...span(DUTIES, 9)],
    ["年度履职目标", ...span(GOALS, 9)],
    [L, "一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"],
    [L, ...ROWS.count],
    [L, "产出指标", ...ROWS.quality.slice(1)],
    [L, "产出指标", ...ROWS.time.slice(1)],
    [L, ...ROWS.social],
    [L, ...ROWS.satisfaction.slice(0, 8), "按季度统计"],
    [L, "满意度指标", ...ROWS.satisfaction.slice(1, 2), "办事群众满意度", ...ROWS.satisfaction.slice(3, 8), "按季度统计"],
    [L, "合计", "合计", "合计", "", "", "", "", "90", ""],
    [...span("业务股室审核：王芳", 5), ...span("绩效股审核：李强", 5)],
    [...span("填表人：张敏", 5), ...span("联系电话：0745-6221234", 5)],
    [...span("填表日期：2026.10.12", 5), ...span("单位负责人：刘伟", 5)],
  ],
  forms: [
    {
      headerRow: 6,
      year: 2027,
      yearCell: "A2",
      title: TITLE,
      header: HEADER_GOOD,
      rows: [
        { row: 7, read: readOf("count") },
        { row: 8, read: readOf("quality") },
        { row: 9, read: readOf("time") },
        { row: 10, read: readOf("social") },
        { row: 11, read: readOf("satisfaction", { 8: "按季度统计" }) },
        { row: 12, read: readOf("satisfaction", { 2: "办事群众满意度", 8: "按季度统计" }) },
      ],
      signoff: { ...SIGNOFF_GOOD, businessReview: "王芳", performanceReview: "李强" },
    },
  ],
};

export default fixture;
