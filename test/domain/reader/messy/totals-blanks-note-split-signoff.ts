import { cellsOf, HEADER_GOOD, readOf, standardPreamble, type MessyFixture } from "../messy-support";

// A blank row inside the grid, a totals row, a note line under the grid before the sign-off, and sign-off
// labels and values in separate cells ("填表人：" in A, the name in B, "联系电话：" in D, the number in E).
const fixture: MessyFixture = {
  title: "表内空行、合计行、表下“注：”、签字栏标签和值分在不同单元格",
  grid: [
    ...standardPreamble(),
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"],
    ["", ...cellsOf("count")],
    ["", "", "", "", "", "", "", "", "", ""],
    ["", ...cellsOf("quality", { blankLevel1: true })],
    ["", ...cellsOf("satisfaction")],
    ["合计", "", "", "", "", "", "", "", "90", ""],
    ["注：指标值类型为定量的，指标值只填数字。"],
    ["填表人：", "张敏", "", "联系电话：", 7456221234],
    ["填表日期", "2026.10.12", "", "单位负责人", "刘伟"],
    ["业务股室审核：", "王芳", "", "绩效股审核：", "李强"],
  ],
  forms: [
    {
      headerRow: 6,
      header: HEADER_GOOD,
      rows: [
        { row: 7, read: readOf("count") },
        { row: 9, read: readOf("quality") },
        { row: 10, read: readOf("satisfaction") },
      ],
      signoff: { filledBy: "张敏", phone: "7456221234", fillDate: "2026.10.12", head: "刘伟", businessReview: "王芳", performanceReview: "李强" },
    },
  ],
};

export default fixture;
