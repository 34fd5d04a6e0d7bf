import { HEADER_GOOD, readOf, ROWS, standardPreamble, type MessyFixture } from "../messy-support";

// Another province's order: 指标值 before 指标值类型, 评（扣）分标准 before 指标解释, 计量单位 last.
const reorder = (c: readonly string[]): string[] => [c[0] ?? "", c[1] ?? "", c[2] ?? "", c[4] ?? "", c[3] ?? "", c[7] ?? "", c[6] ?? "", c[8] ?? "", c[5] ?? ""];

const fixture: MessyFixture = {
  title: "列的顺序不同：指标值在指标值类型前，评分标准在指标解释前，计量单位在最后",
  grid: [
    ...standardPreamble(),
    ["一级指标", "二级指标", "三级指标", "指标值", "指标值类型", "评（扣）分标准", "指标解释", "备注", "计量单位"],
    reorder(ROWS.cost),
    reorder(ROWS.count),
    reorder(["", ...ROWS.time.slice(1)]),
    reorder(ROWS.social),
    reorder(ROWS.satisfaction),
  ],
  forms: [
    {
      headerRow: 6,
      header: HEADER_GOOD,
      rows: [
        { row: 7, read: readOf("cost") },
        { row: 8, read: readOf("count") },
        { row: 9, read: readOf("time") },
        { row: 10, read: readOf("social") },
        { row: 11, read: readOf("satisfaction") },
      ],
    },
  ],
};

export default fixture;
