import fc from "fast-check";
import { readForms } from "../../../src/domain/reader";
import type { CellValue } from "../../../src/domain/grid";
import { LEVEL2_BY_LEVEL1, LEVEL1_NAMES } from "../../../src/domain/taxonomy";
import { seedGrid } from "../../support/markdown-grid";
import { formGrid, GOOD_ROWS } from "../../support/form-grid";

function only<T>(xs: readonly T[]): T {
  expect(xs).toHaveLength(1);
  return xs[0] as T;
}

describe("readForms on the seed", () => {
  const form = only(readForms(seedGrid()));

  it("reads the header fields, year and sign-off", () => {
    expect(form.year.value).toBe(2026);
    expect(form.header.deptName.text).toBe("芷江侗族自治县工伤保险服务中心");
    expect(form.header.goals.text).toMatch(/^完成全年参保人数20000人/);
    expect(form.signoff.filledBy.text).toBe("肖鸿雁");
    expect(form.signoff.phone.text).toBe("18274514999");
    expect(form.signoff.fillDate.text).toBe("2025.12.12");
    expect(form.signoff.head.text).toBe("黄长春");
    expect(form.signoff.businessReview.text).toBe("肖鸿雁");
    expect(form.signoff.performanceReview.text).toBe("黄长春");
    expect(form.missingColumns).toEqual([]);
  });

  it("reads seven indicator rows and stops at the sign-off lines", () => {
    expect(form.rows.map((r) => r.row)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(form.rows.map((r) => r.level2)).toEqual([
      "数量指标", "质量指标", "时效指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标", "经济成本指标",
    ]);
  });

  it("continues the level-1 block over blank level-1 cells", () => {
    expect(form.rows.map((r) => [r.level1, r.level1Inherited])).toEqual([
      ["产出指标", false], ["产出指标", true], ["产出指标", true], ["产出指标", true], ["产出指标", true],
      ["满意度指标", false], ["成本指标", false],
    ]);
  });

  it("realigns the three slid rows and leaves the others as they sit", () => {
    expect(form.rows.map((r) => r.realignment !== null)).toEqual([false, false, false, true, true, false, true]);
    const [social, sustain, cost] = [form.rows[3]!, form.rows[4]!, form.rows[6]!];
    expect(social.values.explanation).toMatch(/^考核工作实施对社会效益/);
    expect(social.values.scoringStandard).toMatch(/^效果明显得15分/);
    expect(sustain.values.level3).toBe("加强专项基金监管，保障受伤劳动者合法权益");
    expect(sustain.values.valueType).toBe("定性");
    expect(cost.values.level1).toBe("成本指标");
    expect(cost.values.unit).toBe("万元");
    expect(cost.values.scoringStandard).toMatch(/得20分/);
    expect(cost.realignment?.moved.find((m) => m.field === "level1")).toEqual({ field: "level1", fromCol: 0, toCol: 1 });
  });
});

describe("readForms on other layouts", () => {
  it("reads the drawn template with no indicator rows used", () => {
    const form = only(readForms(formGrid([{ level1: "产出指标", level2: "数量指标" }])));
    expect(form.year.value).toBe(2027);
    expect(form.rows).toHaveLength(0);
    expect(form.header.deptName.cell).toEqual({ row: 2, col: 1 });
  });

  it("finds columns under other provinces' names and reads a points column", () => {
    const grid: CellValue[][] = [
      ["2027年度部门整体支出绩效目标表"],
      ["部门(单位)名称", "某局"],
      ["*部门(单位)职责", "负责某事"],
      ["年度绩效目标", "做好某事"],
      ["一级指标", "二级指标", "指标内容", "指标性质", "年度指标值", "度量单位", "指标解释", "评分标准", "分值", "备注"],
      ["产出指标", "数量指标", "培训人次", ">=", "１,２００", "人次", "培训人次数", "完成得10分", "10", ""],
    ];
    const form = only(readForms(grid));
    expect(form.year.value).toBe(2027);
    expect(form.header.deptName.text).toBe("某局");
    expect(form.header.duties.text).toBe("负责某事");
    expect(form.header.goals.text).toBe("做好某事");
    expect(form.columns.points).toBe(8);
    const row = only(form.rows);
    expect(row.points).toBe(10);
    expect(row.values.target).toBe("１,２００");
    expect(row.realignment).toBeNull();
  });

  it("reports columns missing under every alias", () => {
    const grid: CellValue[][] = [["一级指标", "二级指标", "三级指标", "指标值", "备注"], ["产出指标", "数量指标", "某指标", "1", ""]];
    expect(only(readForms(grid)).missingColumns).toEqual(["valueType", "unit", "explanation", "scoringStandard"]);
  });

  it("does not read a budget table or a letter as a form", () => {
    expect(readForms([["项目名称", "金额", "单位"], ["办公费", 12, "万元"]])).toEqual([]);
    expect(readForms([["关于报送2027年绩效目标的函"], ["各股室：请按时报送三级指标、指标值。"]])).toEqual([]);
  });

  it("finds two forms stacked on one sheet, each with its own year and rows", () => {
    const a = formGrid(GOOD_ROWS, { year: 2026 });
    const b = formGrid(GOOD_ROWS.slice(0, 2), { year: 2027, deptName: "第二个单位" });
    const forms = readForms([...a, [], ...b]);
    expect(forms.map((f) => f.year.value)).toEqual([2026, 2027]);
    expect(forms.map((f) => f.header.deptName.text)).toEqual(["某县人力资源服务中心", "第二个单位"]);
    expect(forms.map((f) => f.rows.length)).toEqual([GOOD_ROWS.length, 2]);
    expect(forms[1]!.rows[0]!.row).toBe(a.length + 1 + 6);
  });

  it("reports text beyond the grid instead of dropping it", () => {
    const grid = formGrid(GOOD_ROWS);
    grid[6]![11] = "漏在表外的说明";
    const form = only(readForms(grid));
    expect(form.notes).toEqual([{ kind: "unplaced", cell: { row: 6, col: 11 }, text: "漏在表外的说明" }]);
  });

  it("realigns a row slid one column right", () => {
    const grid = formGrid(GOOD_ROWS);
    const r = grid[7]!;
    grid[7] = ["", "", ...r.slice(1, 9)];
    const row = only(readForms(grid)).rows[1]!;
    expect(row.realignment).not.toBeNull();
    expect(row.values.level3).toBe("职业技能培训人次");
    expect(row.values.target).toBe("1200");
    expect(row.values.scoringStandard).toMatch(/^完成率达到100%/);
  });

  it("reads the 年度 columns of a wide table whose labels carry the period as a note (“指标值(年度)”)", () => {
    const [form, ...rest] = readForms([
      ["项目支出绩效目标表"],
      ["2020年度)"],
      ["项目名称", "教育系统基础设施建设"],
      ["一级指标", "二级指标(长期)", "三级指标(长期)", "指标值(长期)", "二级指标(年度)", "三级指标(年度)", "指标值(年度)"],
      ["产出指标", "数量指标", "", "", "数量指标", "重点建设工程安排数量", "2个"],
      ["满意度指标", "服务对象满意度指标", "", "", "服务对象满意度指标", "学生、家长满意度", "≥90%"],
    ]);
    expect(rest).toEqual([]);
    expect(form?.columns).toMatchObject({ level1: 0, level2: 4, level3: 5, target: 6 });
    expect(form?.rows.map((r) => [r.values.level2, r.values.level3, r.values.target])).toEqual([
      ["数量指标", "重点建设工程安排数量", "2个"],
      ["服务对象满意度指标", "学生、家长满意度", "≥90%"],
    ]);
    expect(form?.notes).toEqual([]);
  });

  it("splits combined targets when they split cleanly", () => {
    const grid = formGrid([
      { ...GOOD_ROWS[1], target: "≥95%" },
      { ...GOOD_ROWS[2], level3: "另一指标", target: "28.8万元" },
      { ...GOOD_ROWS[3], level3: "第三指标", target: "280人次" },
      { ...GOOD_ROWS[4], level3: "第四指标", target: "按月安排" },
    ]);
    expect(only(readForms(grid)).rows.map((r) => r.targetSplit)).toEqual([
      { comparison: "≥", number: 95, unit: "%" },
      { comparison: null, number: 28.8, unit: "万元" },
      { comparison: null, number: 280, unit: "人次" },
      null,
    ]);
  });
});

describe("readForms property: honest rows are read as they sit", () => {
  const pairs = LEVEL1_NAMES.flatMap((l1) => LEVEL2_BY_LEVEL1[l1].map((l2) => [l1, l2] as const));
  const names = ["培训人次", "设备更新改造数量", "验收合格率", "房屋修缮面积", "补贴发放及时率", "群众满意度", "项目完成数"];
  const units = ["人次", "个", "%", "万元", "平方米", "天"];
  const arbRow = fc.record({
    pair: fc.constantFrom(...pairs),
    keepLevel1: fc.boolean(),
    level3: fc.constantFrom(...names),
    qualitative: fc.boolean(),
    comparison: fc.constantFrom("≥", ">", "=", "≤", "<"),
    number: fc.integer({ min: 0, max: 100000 }),
    unit: fc.constantFrom(...units),
    explanation: fc.constantFrom("反映培训工作开展情况。", "统计口径为全年实际完成数。", "按实际发生数计算。", "项目验收合格的比例。"),
    points: fc.integer({ min: 1, max: 30 }),
    remarks: fc.constantFrom("", "", "按季度统计"),
  });
  it("never realigns or drops a well-formed row", () => {
    fc.assert(
      fc.property(fc.array(arbRow, { minLength: 1, maxLength: 12 }), (rows) => {
        const input = rows.map((r, i) => ({
          level1: i === 0 || r.keepLevel1 ? r.pair[0] : "",
          level2: r.pair[1],
          level3: `${r.level3}${i}`,
          valueType: r.qualitative ? "定性" : r.comparison,
          target: r.qualitative ? "效果明显" : r.number,
          unit: r.qualitative ? "" : r.unit,
          explanation: r.explanation,
          scoringStandard: `完成目标得${r.points}分，未完成按比例扣分。`,
          remarks: r.remarks,
        }));
        const form = only(readForms(formGrid(input)));
        expect(form.rows).toHaveLength(input.length);
        expect(form.notes).toEqual([]);
        form.rows.forEach((row, i) => {
          expect(row.realignment).toBeNull();
          expect(row.values.level3).toBe(input[i]!.level3);
          expect(row.values.target).toBe(String(input[i]!.target));
        });
      }),
      { numRuns: 200, seed: 20271 },
    );
  });
});
