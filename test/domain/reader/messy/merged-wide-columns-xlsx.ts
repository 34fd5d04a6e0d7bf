import { HEADER_GOOD, readOf, ROWS, standardPreamble, type MessyFixture } from "../messy-support";

// Wide columns made by merging two cells (三级指标 over C:D, 指标解释 over H:I), read from .xlsx: the label and
// every row's text repeat in both cells. The copy is the same cell, not a second value.
const wide = (cells: readonly string[]): string[] => [cells[0] ?? "", cells[1] ?? "", cells[2] ?? "", cells[2] ?? "", ...cells.slice(3, 7), cells[6] ?? "", ...cells.slice(7)];

const fixture: MessyFixture = {
  title: "合并两格做成的宽列（三级指标、指标解释），.xlsx 读出时每格重复",
  grid: [
    ...standardPreamble(),
    wide(["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"]),
    wide(ROWS.count),
    wide(ROWS.quality),
    wide(ROWS.satisfaction),
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
