import { HEADER_GOOD, readOf, ROWS, standardPreamble, type MessyFixture } from "../messy-support";

// A 序号 column on the left, a 分值 column between 三级指标 and 指标值类型, no 备注 column.
const row = (n: number, points: number, cells: readonly string[]): Array<string | number> => [
  n, cells[0] ?? "", cells[1] ?? "", cells[2] ?? "", points, ...cells.slice(3, 8),
];

const fixture: MessyFixture = {
  title: "左侧有序号列，分值列夹在中间，没有备注列",
  grid: [
    ...standardPreamble(),
    ["序号", "一级指标", "二级指标", "三级指标", "分值", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准"],
    row(1, 20, ROWS.cost),
    row(2, 15, ROWS.count),
    row(3, 15, ["", ...ROWS.quality.slice(1)]),
    row(4, 10, ["", ...ROWS.time.slice(1)]),
    row(5, 15, ROWS.social),
    row(6, 15, ROWS.satisfaction),
  ],
  forms: [
    {
      headerRow: 6,
      header: HEADER_GOOD,
      rows: [
        { row: 7, read: readOf("cost"), points: 20 },
        { row: 8, read: readOf("count"), points: 15 },
        { row: 9, read: readOf("quality"), points: 15 },
        { row: 10, read: readOf("time"), points: 10 },
        { row: 11, read: readOf("social"), points: 15 },
        { row: 12, read: readOf("satisfaction"), points: 15 },
      ],
    },
  ],
};

export default fixture;
