// 表头和表体的读法边界：不认识的列、合并的宽列、序号列、表外文字、长期指标表、空表。

import type { CellValue } from "../../../src/domain/grid";
import type { Form } from "../../../src/domain/form";
import { readForms } from "../../../src/domain/reader";

const LABELS = ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"];
const COUNT = ["产出指标", "数量指标", "职业技能培训人次", "≥", "1200", "人次", "全年组织职业技能培训的人次。", "完成得15分，未完成按比例计分。", ""];
const QUALITY = ["", "质量指标", "培训合格率", "≥", "90", "%", "培训考核合格人数占参训人数的比例。", "达到90%得15分，每低1个百分点扣1分。", ""];

function only(grid: CellValue[][]): Form {
  const forms = readForms(grid);
  expect(forms).toHaveLength(1);
  return forms[0]!;
}
const insert = (row: readonly string[], at: number, ...xs: string[]) => [...row.slice(0, at), ...xs, ...row.slice(at)];

describe("columns the reader does not know", () => {
  test("inside the grid: said once at the header cell when used, rows read as they sit", () => {
    const f = only([insert(LABELS, 3, "资金来源"), insert(COUNT, 3, "财政拨款"), insert(QUALITY, 3, "财政拨款")]);
    expect(f.notes).toEqual([{ kind: "unplaced", cell: { row: 0, col: 3 }, text: "资金来源" }]);
    expect(f.rows.map((r) => [r.values.valueType, r.values.target, r.realignment])).toEqual([["≥", "1200", null], ["≥", "90", null]]);
  });

  test("inside the grid and never used: nothing to say", () => {
    const f = only([insert(LABELS, 3, "资金来源"), insert(COUNT, 3, ""), insert(QUALITY, 3, "")]);
    expect(f.notes).toEqual([]);
  });

  test("a long text over a column is no label: its cells are aligned like any other", () => {
    const long = "这一列的说明文字写得很长很长不像标签";
    const f = only([insert(LABELS, 3, long), insert(COUNT, 3, "")]);
    expect(f.notes).toEqual([]);
  });

  test("right of the grid: each text is unplaced where it sits", () => {
    const f = only([LABELS, [...COUNT, "", "表外一"], [...QUALITY, "表外二"]]);
    expect(f.notes).toEqual([
      { kind: "unplaced", cell: { row: 1, col: 10 }, text: "表外一" },
      { kind: "unplaced", cell: { row: 2, col: 9 }, text: "表外二" },
    ]);
  });
});

describe("merged and numbered columns", () => {
  test("a label merged over two columns: the repeated text is one cell, another text there is content", () => {
    const header = insert(LABELS, 3, "三级指标");
    const f = only([header, insert(COUNT, 3, COUNT[2]!), insert(QUALITY, 3, "")]);
    expect(f.notes).toEqual([]);
    expect(f.rows.map((r) => [r.values.level3, r.values.target, r.realignment])).toEqual([
      ["职业技能培训人次", "1200", null],
      ["培训合格率", "90", null],
    ]);
  });

  test("a 序号 column's numbers belong to no field; other text there is content", () => {
    const f = only([["序号", ...LABELS], ["1", ...COUNT], ["（二）", ...QUALITY], ["第三", ...QUALITY.slice(0, 2), "另一指标", ...QUALITY.slice(3)]]);
    expect(f.rows.map((r) => r.values.level3)).toEqual(["职业技能培训人次", "培训合格率", "另一指标"]);
    expect(f.rows.map((r) => r.realignment)).toEqual([null, null, null]);
    expect(f.notes).toEqual([{ kind: "unplaced", cell: { row: 3, col: 0 }, text: "第三" }]);
  });

  test("a 绩效指标 label column: the merged label repeated down it is skipped", () => {
    const f = only([["绩效指标", ...LABELS], ["绩效指标", ...COUNT], ["绩效指标", ...QUALITY]]);
    expect(f.notes).toEqual([]);
    expect(f.rows.map((r) => r.realignment)).toEqual([null, null]);
  });
});

describe("an empty form", () => {
  test("has no rows, ends at its header and names its columns", () => {
    const f = only([["部门整体支出绩效目标表"], LABELS, [], []]);
    expect(f.rows).toEqual([]);
    expect([f.headerRow, f.firstRow, f.lastRow]).toEqual([1, 2, 1]);
    expect(f.missingColumns).toEqual([]);
    expect(f.kind).toBe("department");
  });

  test("the last row is the last used indicator row, not a blank or totals row under it", () => {
    const f = only([[...LABELS, "分值"], [...COUNT, "15"], [], ["合计", "", "", "", "", "", "", "", "", "15"], []]);
    expect(f.lastRow).toBe(1);
  });
});

describe("a grid of the project's longer-period indicators stacked above the year's", () => {
  // The heading sits right of the header's columns here, so the header's own columns are not read as 中长期 ones.
  const heading = [...Array<string>(10).fill(""), "中长期指标"];
  const longer: CellValue[][] = [heading, LABELS, ["产出指标", "数量指标", "三年培训人次", "≥", "3600", "人次", "x", "x", ""]];
  const annual: CellValue[][] = [["年度指标"], LABELS, COUNT];

  test("is not the table's targets", () => {
    const f = only([...longer, [], ...annual]);
    expect(f.rows.map((r) => r.values.level3)).toEqual(["职业技能培训人次"]);
    expect(f.headerRow).toBe(5);
  });

  test("is named beside its header as well as above it", () => {
    const f = only([["长期绩效指标", ...LABELS], ["", ...COUNT.slice(0, 2), "三年培训人次", ...COUNT.slice(3)], [], ["", ...LABELS], ["", ...COUNT]]);
    expect(f.headerRow).toBe(3);
  });

  test("a period named right of the header does not make it a longer-period grid", () => {
    const forms = readForms([["", ...LABELS, "中长期指标"], ["", ...COUNT], [], ["", ...LABELS], ["", ...COUNT]]);
    expect(forms.map((f) => f.headerRow)).toEqual([0, 3]);
  });

  test("alone, it is read (there is nothing else to read)", () => {
    const f = only(longer);
    expect(f.rows.map((r) => r.values.level3)).toEqual(["三年培训人次"]);
  });
});

describe("the kind read from the labels above the grid and in its header", () => {
  test.each([
    [[["项目名称", "某项目"]], LABELS, "project"],
    [[], [...LABELS, "实际完成值"], "selfeval"],
    [[["单位名称", "某局"]], LABELS, "department"],
  ] as const)("%j / %j → %s", (above, header, kind) => {
    const f = only([...above.map((r) => [...r]), [...header], COUNT]);
    expect(f.kind).toBe(kind);
  });

  test("labels of the form above in the same columns do not count", () => {
    const forms = readForms([["项目名称", "某项目"], LABELS, COUNT, [], ["部门整体支出绩效目标表"], LABELS, COUNT]);
    expect(forms.map((f) => f.kind)).toEqual(["project", "department"]);
  });
});

describe("columns labelled like 指标值类型, decided by what they hold", () => {
  test.each([
    [["指标性质", "指标值类型"]],
    [["指标性质", "指标方向"]],
    [["指标方向", "指标性质"]],
  ])("of %j, the one holding 正向 is no field and the one holding ≥ is the value type", (labels) => {
    const f = only([["一级指标", "二级指标", "三级指标", ...labels, "指标值"], ["产出指标", "数量指标", "培训人次", "正向", "≥", "1200"], ["", "", "合格率", "反向", "≤", "5"]]);
    expect(f.columns.valueType).toBe(4);
    expect(f.notes).toEqual([]);
    expect(f.rows.map((r) => [r.values.valueType, r.values.target, r.realignment])).toEqual([["≥", "1200", null], ["≤", "5", null]]);
  });

  test("in a two-row header the upper label counts too", () => {
    const f = only([
      ["绩效指标", "", "", "指标性质", "指标值类型", "指标值"],
      ["一级指标", "二级指标", "三级指标", "", "", ""],
      ["产出指标", "数量指标", "培训人次", "正向", "≥", "1200"],
    ]);
    expect(f.headerRow).toBe(1);
    expect(f.columns.valueType).toBe(4);
    expect(f.notes).toEqual([]);
  });
});

describe("self-evaluation columns in a two-row header", () => {
  test("are found in the lower row as well as the upper", () => {
    const f = only([
      ["绩效指标", "", "", "年度指标值", "实际完成值", ""],
      ["一级指标", "二级指标", "三级指标", "", "", "得分"],
      ["产出指标", "数量指标", "培训人次", "1200", "1100", "10"],
    ]);
    expect(f.headerRow).toBe(1);
    expect(f.otherColumns).toEqual([{ label: "实际完成值", col: 4 }, { label: "得分", col: 5 }]);
    expect(f.notes).toEqual([]);
    expect(f.kind).toBe("selfeval");
  });
});

describe("wide tables and region columns at their edges", () => {
  const read = (grid: string[][]) => {
    const f = only(grid);
    return { cols: f.columns, notes: f.notes.map((n) => [n.cell.row, n.cell.col, n.text]), rows: f.rows.map((r) => [r.values.level2, r.values.level3, r.values.target]), headerRow: f.headerRow };
  };

  test("二级/三级 repeated without a second 指标值 is no wide table: the repeats are unknown columns", () => {
    expect(read([["一级指标", "二级指标", "三级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "补助项目数", "数量指标", "补助项目数", "3"]])).toEqual({
      cols: { level1: 0, level2: 1, level3: 2, target: 5 },
      notes: [[0, 3, "二级指标"], [0, 4, "三级指标"]],
      rows: [["数量指标", "补助项目数", "3"]],
      headerRow: 0,
    });
  });

  test("a repeated set is no wide table when 一级指标 does not come first", () => {
    const r = read([["二级指标", "一级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"], ["数量指标", "产出指标", "补助项目数", "10", "数量指标", "补助项目数", "3"]]);
    expect(r.cols).toEqual({ level2: 0, level1: 1, level3: 2, target: 3 });
    expect(r.rows).toEqual([["数量指标", "补助项目数", "10"]]);
  });

  test("the run of place names stops at a blank column or at a label that names no place", () => {
    const gap = read([["一级指标", "二级指标", "三级指标", "指标解释", "城关镇", "河西乡", "", "某某村"], ["产出指标", "数量指标", "补助村数量", "反映补助村数量", "2", "3", "", "4"]]);
    expect([gap.cols.target, gap.notes]).toEqual([4, [[1, 7, "4"]]]);
    const other = read([["一级指标", "二级指标", "三级指标", "指标解释", "城关镇", "备注说明", "河西乡"], ["产出指标", "数量指标", "补助村数量", "反映补助村数量", "2", "x", "3"]]);
    expect([other.cols.target, other.notes]).toEqual([4, [[1, 6, "3"], [1, 5, "x"]]]);
  });

  test("under a 区域目标值 parent the run stops at a blank lower cell", () => {
    const r = read([["一级指标", "二级指标", "三级指标", "指标解释", "区域目标值", "", ""], ["", "", "", "", "甲片区", "乙片区", ""], ["产出指标", "数量指标", "补助村数量", "反映补助村数量", "2", "3", "9"]]);
    expect([r.cols.target, r.headerRow, r.notes]).toEqual([4, 1, [[2, 6, "9"]]]);
  });

  test("a place name after a column that names nothing is not a region column", () => {
    const r = read([["一级指标", "二级指标", "三级指标", "指标解释", "某某", "城关镇"], ["产出指标", "数量指标", "补助村数量", "反映补助村数量", "2", "3"]]);
    expect(r.cols.target).toBeUndefined();
  });
});
