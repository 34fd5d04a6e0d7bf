import { DEPT, DUTIES, GOALS, LABELS, readOf, ROWS, TITLE, type MessyFixture } from "../messy-support";
import type { CellValue } from "../../../../src/domain/grid";

// Four forms stacked on one sheet, each with the year line spelt another way.
const form = (yearLine: CellValue): CellValue[][] => [
  [TITLE],
  [yearLine],
  ["部门（单位）名称", DEPT],
  ["部门（单位）职责", DUTIES],
  ["年度履职目标", GOALS],
  [...LABELS],
  [...ROWS.count],
  [],
];

const fixture: MessyFixture = {
  title: "年度行的各种写法：(2027)年度、2028年度、（２０２９）年度、2030年",
  grid: [...form("(2027)年度"), ...form("2028年度"), ...form("（２０２９）年度"), ...form("2030 年")],
  forms: [2027, 2028, 2029, 2030].map((year, i) => ({
    headerRow: 8 * i + 6,
    year,
    yearCell: `A${8 * i + 2}`,
    header: { deptName: DEPT },
    rows: [{ row: 8 * i + 7, read: readOf("count") }],
  })),
};

export default fixture;
