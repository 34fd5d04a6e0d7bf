import { cellsOf, HEADER_GOOD, readOf, standardPreamble, type MessyFixture } from "../messy-support";

// Header labels typed with line breaks inside the cell, a "（必填）" or "(必填)" tail, a leading or trailing "*",
// half-width brackets and stray spaces.
const fixture: MessyFixture = {
  title: "表头文字带换行、（必填）、星号、半角括号和空格",
  grid: [
    ...standardPreamble(),
    ["绩效指标", "一级\n指标", "二级指标*", "三级指标（必填）", "指标值\n类型", "*指标值", "计量\n单位", " 指标解释(必填)", "评(扣)\n分标准", "备 注"],
    ["", ...cellsOf("count")],
    ["", ...cellsOf("quality", { blankLevel1: true })],
    ["", ...cellsOf("satisfaction")],
  ],
  forms: [
    {
      headerRow: 6,
      header: HEADER_GOOD,
      rows: [
        { row: 7, read: readOf("count") },
        { row: 8, read: readOf("quality") },
        { row: 9, read: readOf("satisfaction") },
      ],
    },
  ],
};

export default fixture;
