// 读表的边界情形：每个用例一张小表，核对读出的确切内容（行、格、年度、签字栏、表下说明、缺列）。

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
const level3s = (f: Form) => f.rows.map((r) => r.values.level3);

describe("rows that are not indicators", () => {
  test("ellipsis rows left open in the template are skipped, not unplaced", () => {
    const f = only([LABELS, COUNT, ["……", "", "……", "...", "…", "。。", "··", "．．", ""], QUALITY]);
    expect(level3s(f)).toEqual(["职业技能培训人次", "培训合格率"]);
    expect(f.notes).toEqual([]);
  });

  test("a single dot or a dotted word is content", () => {
    const f = only([LABELS, COUNT, ["", "", ".", "≥", "1", "个", "", "", ""], ["", "", "...某某", "≥", "1", "个", "", "", ""], ["", "", "·", "≥", "1", "个", "", "", ""]]);
    expect(level3s(f)).toEqual(["职业技能培训人次", ".", "...某某", "·"]);
  });

  test("a totals row is no indicator, however far its label is merged", () => {
    const f = only([[...LABELS, "分值"], [...COUNT, "15"], ["合计", "合计", "合计", "", "", "", "", "", "", "90"], [...QUALITY, "15"]]);
    expect(f.rows.map((r) => [r.values.level3, r.points])).toEqual([["职业技能培训人次", 15], ["培训合格率", 15]]);
    expect(f.notes).toEqual([]);
  });
});

describe("points", () => {
  test.each([["15", 15], ["15分", 15], ["15 分", 15], ["15%", 15], ["15％", 15], ["", null], ["十五", null], ["15分分", null]] as const)(
    "%j reads as %j",
    (text, points) => {
      const f = only([[...LABELS, "分值"], [...COUNT, text]]);
      expect(f.rows[0]?.points).toBe(points);
    },
  );

  test("a row slid sideways takes its points along: a lone number beside a blank points cell", () => {
    const header = ["序号", ...LABELS.slice(0, 8), "分值"];
    const slid = [...COUNT.slice(0, 8), "15", ""];
    const f = only([header, ["1", ...COUNT.slice(0, 8), "15"], slid, [...COUNT.slice(0, 8), "", "", "15"], [...COUNT.slice(0, 8), "", "12", "15"]]);
    expect(f.rows.map((r) => [r.points, r.realignment !== null])).toEqual([[15, false], [15, true], [15, true], [12, true]]);
    // The points cell holds its own number: the one beside it is not the points.
    expect(f.notes).toEqual([{ kind: "unplaced", cell: { row: 4, col: 10 }, text: "15" }]);
  });
});

describe("the grid's end", () => {
  const below: CellValue[][] = [["2027年部门预算支出表"], ["办公费", "", "某某办公用品采购", "", "12", "万元"]];

  test("after three blank rows a table's title line starts another table", () => {
    const f = only([LABELS, COUNT, [], [], [], ...below]);
    expect(level3s(f)).toEqual(["职业技能培训人次"]);
    expect(f.lastRow).toBe(1);
    expect(f.notes).toEqual([]);
  });

  test("after two blank rows the same lines are still the grid's", () => {
    const f = only([LABELS, COUNT, [], [], ...below]);
    expect(level3s(f)).toEqual(["职业技能培训人次", "某某办公用品采购"]);
    expect(f.lastRow).toBe(5);
  });

  test("a title line needs the look of a title: one text, ending in 表 or starting 单位：", () => {
    expect(level3s(only([LABELS, COUNT, [], [], [], ["单位：万元"], below[1]!]))).toEqual(["职业技能培训人次"]);
    expect(level3s(only([LABELS, COUNT, [], [], [], ["2027年部门预算支出表（一）"], below[1]!]))).toEqual(["职业技能培训人次"]);
    expect(level3s(only([LABELS, COUNT, [], [], [], ["预算支出", "表"], below[1]!]))).toEqual(["职业技能培训人次", "某某办公用品采购"]);
    expect(level3s(only([LABELS, COUNT, [], [], [], ["产出指标表"], ["", "数量指标", "某某人次", "≥", "1", "人次"]]))).toEqual([
      "职业技能培训人次",
    ]);
  });

  test("an instruction or approval line ends the grid", () => {
    const f = only([LABELS, COUNT, ["填表说明：指标值类型填比较符号。"], QUALITY]);
    expect(level3s(f)).toEqual(["职业技能培训人次"]);
    expect(f.linesBelow).toEqual([{ text: "填表说明：指标值类型填比较符号。", cell: { row: 2, col: 0 } }]);
    const g = only([LABELS, COUNT, ["主管部门审核意见："], QUALITY]);
    expect(level3s(g)).toEqual(["职业技能培训人次"]);
    expect(g.linesBelow).toEqual([{ text: "主管部门审核意见：", cell: { row: 2, col: 0 } }]);
  });
});

describe("sign-off below the grid", () => {
  test("labels and values in one cell or side by side; a value after a label with none", () => {
    const f = only([LABELS, COUNT, ["填表人：", "张敏", "联系电话：0745-1", "", "填表日期", "2026.10.12"], ["单位负责人：刘伟"]]);
    expect(f.signoff.filledBy).toEqual({ text: "张敏", cell: { row: 2, col: 1 } });
    expect(f.signoff.phone).toEqual({ text: "0745-1", cell: { row: 2, col: 2 } });
    expect(f.signoff.fillDate).toEqual({ text: "2026.10.12", cell: { row: 2, col: 5 } });
    expect(f.signoff.head).toEqual({ text: "刘伟", cell: { row: 3, col: 0 } });
    expect(f.signoff.businessReview).toEqual({ text: "", cell: null });
  });

  test("up to two blank rows between sign-off lines; a third ends the sign-off", () => {
    const two = only([LABELS, COUNT, ["填表人：张敏"], [], [], ["单位负责人：刘伟"]]);
    expect(two.signoff.head.text).toBe("刘伟");
    const three = only([LABELS, COUNT, ["填表人：张敏"], [], [], [], ["单位负责人：刘伟"]]);
    expect(three.signoff.head).toEqual({ text: "", cell: null });
  });

  test("the first value of a field wins; a blank one gives way to a later filled one", () => {
    const f = only([LABELS, COUNT, ["填表人：", "", "填表人：张敏"], ["填表人：王五"]]);
    expect(f.signoff.filledBy).toEqual({ text: "张敏", cell: { row: 2, col: 2 } });
  });

  test("a blank label with no value keeps the label's cell", () => {
    const f = only([LABELS, COUNT, ["填表人："]]);
    expect(f.signoff.filledBy).toEqual({ text: "", cell: { row: 2, col: 0 } });
  });

  test("note and approval lines are kept as lines below; other text ends the sign-off", () => {
    const f = only([LABELS, COUNT, ["填表人：张敏"], ["注：本表一式两份。"], ["1.指标值填数字。"], ["（盖章）"], ["某某其他文字"], ["单位负责人：刘伟"]]);
    expect(f.linesBelow.map((l) => l.text)).toEqual(["注：本表一式两份。", "1.指标值填数字。", "（盖章）"]);
    expect(f.signoff.head.text).toBe("");
  });

  test.each([
    ["（一）本表一式两份", true], ["(1)本表一式两份", true], ["12、本表一式两份", true], ["一．本表", true], ["十二)本表", true],
    ["123.本表一式两份", false], ["1本表一式两份", false], ["本表一式两份", false], ["x1.本表", false],
  ] as const)("%j under the sign-off is a note line: %s", (text, yes) => {
    const f = only([LABELS, COUNT, ["填表人：张敏"], [text]]);
    expect(f.linesBelow.map((l) => l.text)).toEqual(yes ? [text] : []);
  });

  test("html tags and runs of spaces in a sign-off cell are dropped", () => {
    const f = only([LABELS, COUNT, ["填表人：张敏"], ["<b>单位负责人</b>：  刘伟"]]);
    expect(f.signoff.head.text).toBe("刘伟");
  });
});

describe("levels in force", () => {
  test("a row naming its level-1 but not its level-2 has no level-2; a row naming neither continues both", () => {
    const f = only([LABELS, COUNT, ["效益指标", "", "某某效益", "定性", "明显", "", "", "", ""], ["", "", "另一效益", "定性", "明显", "", "", "", ""]]);
    expect(f.rows.map((r) => [r.level1, r.level2, r.level1Inherited, r.level2Inherited])).toEqual([
      ["产出指标", "数量指标", false, false],
      ["效益指标", "", false, false],
      ["效益指标", "", true, true],
    ]);
  });

  test("a weight printed in a level-2 cell is dropped from the name and is no block weight", () => {
    const f = only([LABELS, ["产出指标（30分）", "数量指标（10分）", "培训人次", "≥", "1200", "人次", "", "", ""], ["", "质量指标", "合格率", "≥", "90", "%", "", "", ""], ["效益指标", "社会效益指标", "某某", "定性", "明显", "", "", "", ""]]);
    expect(f.rows.map((r) => [r.level1, r.level2, r.level1Points])).toEqual([
      ["产出指标", "数量指标", 30],
      ["产出指标", "质量指标", 30],
      ["效益指标", "社会效益指标", null],
    ]);
  });

  test("a long or weightless text in a level cell is left as typed", () => {
    const long = "产出指标（30分）产出指标（30分）产出指标";
    const f = only([LABELS, [long, "数量指标", "培训人次", "≥", "1200", "人次", "", "", ""], ["某某（30分）", "数量指标", "培训人次2", "≥", "1", "人次", "", "", ""]]);
    expect(f.rows.map((r) => [r.level1, r.level1Points])).toEqual([[long, null], ["某某（30分）", null]]);
  });

  test("the old framework's 成本指标 under 产出指标 is read as it sits and marked", () => {
    const f = only([LABELS, ["产出指标", "成本指标", "培训经费", "≤", "96", "万元", "", "", ""], ["", "数量指标", "培训人次", "≥", "1200", "人次", "", "", ""]]);
    expect(f.rows.map((r) => [r.level1, r.level2, r.outdated, r.realignment])).toEqual([
      ["产出指标", "成本指标", "cost", null],
      ["产出指标", "数量指标", null, null],
    ]);
  });
});

describe("comparison and unit carried in the target", () => {
  const grid = (targets: string[]) => [
    ["一级指标", "二级指标", "三级指标", "指标值", "指标解释", "评（扣）分标准"],
    ...targets.map((t, i) => ["产出指标", "数量指标", `指标${i}`, t, "某某", "某某"]),
  ];
  test.each([
    [["≥95%", "90", "80", "效果明显"], { comparison: false, unit: false }],
    [["≥95%", "90"], { comparison: true, unit: true }],
    [["≥95%", "≥90", "80", "效果明显"], { comparison: true, unit: false }],
    [["95%以上", "90%", "80"], { comparison: false, unit: true }],
    [["95以上", "≤90", "80个"], { comparison: true, unit: false }],
    [["不低于95%", "100%"], { comparison: true, unit: true }],
    [["效果明显", "较好"], { comparison: false, unit: false }],
  ] as const)("targets %j carry %j", (targets, carries) => {
    const f = only(grid([...targets]));
    expect(f.targetCarries).toEqual(carries);
    const missing = ["valueType", "unit"].filter((k) => !(k === "valueType" ? carries.comparison : carries.unit));
    expect(f.missingColumns).toEqual(missing);
  });

  test("with a value-type column, only the unit may be carried", () => {
    const f = only([["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "指标解释", "评（扣）分标准"], ["产出指标", "数量指标", "某某", "≥", "95%", "x", "x"]]);
    expect(f.targetCarries).toEqual({ comparison: false, unit: true });
    expect(f.missingColumns).toEqual([]);
  });

  test("with both columns nothing is carried", () => {
    const f = only([[...LABELS], ["产出指标", "数量指标", "某某", "≥", "≥95%", "%", "x", "x", ""]]);
    expect(f.targetCarries).toEqual({ comparison: false, unit: false });
  });
});
