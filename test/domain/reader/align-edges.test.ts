// 错位还原的各个小判断：指标值拆分、单元格归类、按内容对回各列（含“还原必须明显更好”的界限）。

import type { IndicatorField } from "../../../src/domain/form";
import { alignRow, classify, fieldIndexByColumn, isUnitLike, splitTarget } from "../../../src/domain/reader/align";

describe("splitTarget", () => {
  test.each([
    ["≥95%", { comparison: "≥", number: 95, unit: "%" }],
    ["≥ 95 %", { comparison: "≥", number: 95, unit: "%" }],
    ["≥95％", { comparison: "≥", number: 95, unit: "%" }],
    ["＞95%", { comparison: ">", number: 95, unit: "%" }],
    ["＜＝5", { comparison: "≤", number: 5, unit: "" }],
    ["=>5", { comparison: "≥", number: 5, unit: "" }],
    ["大于等于90", { comparison: "≥", number: 90, unit: "" }],
    ["不低于90%", { comparison: "≥", number: 90, unit: "%" }],
    ["不超过5天", { comparison: "≤", number: 5, unit: "天" }],
    ["低于3%", { comparison: "<", number: 3, unit: "%" }],
    ["95%以上", { comparison: "≥", number: 95, unit: "%" }],
    ["95%以下", { comparison: "≤", number: 95, unit: "%" }],
    ["95%以内", { comparison: "≤", number: 95, unit: "%" }],
    ["95以上", { comparison: "≥", number: 95, unit: "" }],
    ["95以下", { comparison: "≤", number: 95, unit: "" }],
    ["100以内", { comparison: "≤", number: 100, unit: "" }],
    ["≥95%以上", { comparison: "≥", number: 95, unit: "%" }],
    ["≥95万元以上", { comparison: "≥", number: 95, unit: "万元" }],
    ["95万元以下", { comparison: "≤", number: 95, unit: "万元" }],
    ["达到95%", { comparison: null, number: 95, unit: "%" }],
    ["达到95以上", { comparison: "≥", number: 95, unit: "" }],
    ["1,200人次", { comparison: null, number: 1200, unit: "人次" }],
    ["≥1,200.5人次", { comparison: "≥", number: 1200.5, unit: "人次" }],
    ["28.8万元", { comparison: null, number: 28.8, unit: "万元" }],
    ["-3%", { comparison: null, number: -3, unit: "%" }],
    ["+3.5%", { comparison: null, number: 3.5, unit: "%" }],
    [".5%", { comparison: null, number: 0.5, unit: "%" }],
  ] as const)("%j splits into %j", (text, want) => expect(splitTarget(text)).toEqual(want));

  test.each(["", "  ", "95", "１２０", "1,200", "-3", "abc", "≥", "≥1e5", "≥95abc", "≥95abc以上", "95%以上以上", "≥95%以", "1,2,3人",
    "约95%", "95%左右", "按月安排", "95以上某", "95以内x"])("%j does not split", (text) => expect(splitTarget(text)).toBeNull());
});

describe("classify", () => {
  test.each([
    ["产出指标", "level1"], ["产出 指标", "level1"], ["数量指标", "level2"], ["服务对象满意度指标", "level2"],
    ["≥", "valueType"], ["小于或等于", "valueType"], ["定量", "valueType"], ["定性", "valueType"], ["定 性", "valueType"],
    ["95", "number"], ["１２０", "number"], ["1,200", "number"], ["-3", "number"], [".5", "number"],
    ["人次", "unit"], ["万平方米", "unit"], ["人 次", "unit"], ["％", "unit"],
    ["得10分", "scoring"], ["扣 2 分", "scoring"], ["10分，", "scoring"], ["扣完为止", "scoring"], ["满分", "scoring"], ["不得分", "scoring"],
    ["≥95%", "combined"], ["≥95", "combined"], ["95 %", "combined"], ["不低于90%", "combined"], ["≥95%以上", "combined"],
    ["反映某某情况", "explanation"], ["考核工作开展情况", "explanation"], ["按实际发生数计算", "explanation"], ["某某某某的比例", "explanation"],
    ["反映某某", "text"], ["反映某某某", "text"], ["某某情况", "text"], ["计算方法", "text"], ["说明口径", "text"],
    ["一二三四五六七人次", "text"], ["培训人次", "text"], ["按月安排", "text"], ["明显提升", "text"],
  ] as const)("%j is %s", (text, cls) => expect(classify(text)).toBe(cls));
});

describe("isUnitLike", () => {
  test.each([["人次", true], ["人 次", true], ["％", true], ["万元", true], ["人次x", false], ["", false], ["吨 公里", false]] as const)(
    "%j: %s",
    (text, yes) => expect(isUnitLike(text)).toBe(yes),
  );
});

describe("alignRow", () => {
  const FIELDS: readonly IndicatorField[] = ["level1", "level2", "level3", "valueType", "target", "unit", "explanation", "scoringStandard", "remarks"];
  const standard = FIELDS.map((field, col) => ({ field, col }));
  const cells = (...xs: Array<[number, string]>) => xs.map(([col, text]) => ({ col, text }));

  test("a row that fits where it sits is read as it sits", () => {
    const row = cells([0, "产出指标"], [1, "数量指标"], [2, "培训人次"], [3, "≥"], [4, "1200"], [5, "人次"]);
    expect(alignRow(row, standard)).toEqual({
      assigned: { level1: 0, level2: 1, level3: 2, valueType: 3, target: 4, unit: 5 },
      unplaced: [],
      moved: false,
    });
  });

  test("a row slid one column right is moved back, cell by cell", () => {
    const row = cells([1, "产出指标"], [2, "数量指标"], [3, "培训人次"], [4, "≥"], [5, "1200"], [6, "人次"]);
    expect(alignRow(row, standard)).toEqual({
      assigned: { level1: 0, level2: 1, level3: 2, valueType: 3, target: 4, unit: 5 },
      unplaced: [],
      moved: true,
    });
  });

  test("a cell outside every field is unplaced when nothing fits better", () => {
    expect(alignRow(cells([9, "某某"]), standard)).toEqual({ assigned: {}, unplaced: [0], moved: false });
    expect(alignRow(cells([0, "某某"]), standard)).toEqual({ assigned: { level1: 0 }, unplaced: [], moved: false });
  });

  test("without a known level-2 cell, none is taken for one", () => {
    expect(alignRow(cells([0, "产出指标"], [2, "培训人次"]), standard)).toEqual({ assigned: { level1: 0, level3: 1 }, unplaced: [], moved: false });
  });

  test("a row whose cells all fit where they sit stays, even where moving them would score higher", () => {
    // 培训人次 under 二级指标 (0) and 95 under 备注 (0) would score 2 + 6 one column over: no realignment all the same.
    const fields = [{ field: "level2" as const, col: 0 }, { field: "level3" as const, col: 1 }, { field: "remarks" as const, col: 2 }, { field: "target" as const, col: 3 }];
    expect(alignRow(cells([0, "培训人次"], [2, "95"]), fields)).toEqual({ assigned: { level2: 0, remarks: 1 }, unplaced: [], moved: false });
  });

  test("a cell the row as it sits leaves unplaced counts against it", () => {
    // As it sits: 10 − 6 = 4; moved: 10 + 8 − 2×2 = 14, better by the margin and more.
    const fields = [{ field: "level1" as const, col: 0 }, { field: "target" as const, col: 4 }];
    expect(alignRow(cells([0, "产出指标"], [2, "95"]), fields)).toEqual({ assigned: { level1: 0, target: 1 }, unplaced: [], moved: true });
  });

  test("a cell outside every field is placed into the free field beside it when it fits there", () => {
    const row = cells([0, "产出指标"], [1, "数量指标"], [2, "培训人次"], [3, "≥"], [5, "1200"], [6, "人次"], [10, "某某备注"]);
    const fields = standard.filter((f) => f.field !== "remarks").concat([{ field: "remarks", col: 9 }]);
    const a = alignRow(row, fields);
    expect(a.assigned.remarks).toBe(6);
    expect(a.moved).toBe(true);
  });

  test("a realignment is taken only when it beats the row as it sits by the margin", () => {
    // A number under 一级指标 (a misfit, −8) fits 指标值 four columns away: 8 − 2×4 = 0, exactly the margin better.
    const near = [{ field: "level1" as const, col: 0 }, { field: "target" as const, col: 4 }];
    expect(alignRow(cells([0, "95"]), near)).toEqual({ assigned: { target: 0 }, unplaced: [], moved: true });
    // Five columns away it is only 6 better: left where it is.
    const far = [{ field: "level1" as const, col: 0 }, { field: "target" as const, col: 5 }];
    expect(alignRow(cells([0, "95"]), far)).toEqual({ assigned: { level1: 0 }, unplaced: [], moved: false });
  });

  test("a cell known to be a level-2 is read as one whatever its name", () => {
    const row = cells([0, "产出指标"], [1, "成本指标"], [2, "培训经费"], [3, "≤"], [4, "96"], [5, "万元"]);
    expect(alignRow(row, standard, 1)).toEqual({
      assigned: { level1: 0, level2: 1, level3: 2, valueType: 3, target: 4, unit: 5 },
      unplaced: [],
      moved: false,
    });
    // Alone in the level-2 column (a continued block), read by its name it would be moved to 一级指标.
    expect(alignRow(cells([1, "成本指标"]), standard, 0)).toEqual({ assigned: { level2: 0 }, unplaced: [], moved: false });
    expect(alignRow(cells([1, "成本指标"]), standard)).toEqual({ assigned: { level1: 0 }, unplaced: [], moved: true });
  });

  test("a cell skipped between two placed ones is reported unplaced", () => {
    const row = cells([0, "产出指标"], [1, "数量指标"], [2, "培训人次"], [3, "≥"], [4, "人次"], [5, "1200"], [6, "人次"]);
    const a = alignRow(row, standard);
    expect(a.moved).toBe(true);
    expect(a.unplaced).toEqual([4]);
    expect(a.assigned).toEqual({ level1: 0, level2: 1, level3: 2, valueType: 3, target: 5, unit: 6 });
  });

  test("classOf and colToField may be passed in", () => {
    const row = cells([0, "x"], [1, "y"]);
    const fields = [{ field: "level1" as const, col: 0 }, { field: "level2" as const, col: 1 }];
    const classOf = (t: string) => (t === "x" ? ("level1" as const) : ("level2" as const));
    expect(alignRow(row, fields, -1, classOf, fieldIndexByColumn(fields))).toEqual({ assigned: { level1: 0, level2: 1 }, unplaced: [], moved: false });
    expect(fieldIndexByColumn(fields)).toEqual(new Map([[0, 0], [1, 1]]));
  });
});
