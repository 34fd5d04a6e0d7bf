// 性质测试：标准版式的任意一张表（含各种填写错误），改排成各地的版式——别的标签、加分值列、比较符号和单位写进
// 指标值、一级指标单元格印分值、中长期/年度并排的宽表——逐行的检查结果（规则、第几个指标）都不变。

import fc from "fast-check";
import type { CellValue } from "../../../src/domain/grid";
import { readForms } from "../../../src/domain/reader";
import { checkForm } from "../../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import type { RuleId } from "../../../src/domain/findings";

/** Rules about one indicator row that do not depend on which columns the layout has. */
const ROW_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "level1-invalid", "level2-invalid", "level2-mismatch", "row-shifted", "level3-missing", "level3-duplicate",
  "level3-contains-value", "explanation-missing", "explanation-unrelated", "explanation-boilerplate", "scoring-missing",
  "scoring-no-points", "scoring-boilerplate", "timeliness-not-time", "framework-outdated", "content-unplaced",
]);

const PAIRS = [
  ["成本指标", "经济成本指标"], ["产出指标", "数量指标"], ["产出指标", "质量指标"], ["产出指标", "时效指标"],
  ["效益指标", "社会效益指标"], ["效益指标", "可持续影响指标"], ["满意度指标", "服务对象满意度指标"],
  // mistakes a reviewer looks for: a level-2 under the wrong level-1, the old framework, an unknown name
  ["产出指标", "社会效益指标"], ["产出指标", "成本指标"], ["效益指标", "数量"],
] as const;
const NAMES = ["培训人次", "验收合格率", "房屋修缮面积", "补贴按时发放率", "群众满意度", "资金支出", "村组干部230人", "办结时间"];
const EXPLANATIONS = ["反映培训工作开展情况。", "考核社会组织年检率情况。", "", "统计口径为全年实际完成数。"];
const SCORING = ["完成目标得10分，未完成按比例扣分。", "未达指标值酌情扣分。", "", "达到目标得15分，每低1个百分点扣1分。"];
const UNITS = ["人次", "%", "平方米", "万元", "天"];

const arbRow = fc.record({
  pair: fc.constantFrom(...PAIRS),
  level3: fc.constantFrom(...NAMES),
  comparison: fc.constantFrom("≥", "≤", "="),
  number: fc.integer({ min: 1, max: 5000 }),
  unit: fc.constantFrom(...UNITS),
  explanation: fc.constantFrom(...EXPLANATIONS),
  scoring: fc.constantFrom(...SCORING),
  points: fc.integer({ min: 5, max: 20 }),
});
type Row = { pair: readonly [string, string]; level3: string; comparison: string; number: number; unit: string; explanation: string; scoring: string; points: number };

type Variant = "standard" | "labels" | "points" | "inTarget" | "weights" | "wide";
const VARIANTS: readonly Variant[] = ["standard", "labels", "points", "inTarget", "weights", "wide"];

const STANDARD = ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"];
const OTHER = ["一级指标", "二级指标", "指标内容", "指标性质", "目标值", "度量单位", "指标说明", "评分标准", "备注"];

/** The table laid out as `variant`; the indicator rows always start on the same sheet row (row 9). */
function layout(rows: readonly Row[], variant: Variant): CellValue[][] {
  const preamble: CellValue[][] =
    variant === "labels"
      ? [["部门整体支出绩效目标表"], ["(2027年度)"], ["单位名称", "某局"], ["主要职能", "负责本县相关工作。"], ["年度总体目标", "完成年度工作任务。"]]
      : [["部门（单位）整体支出绩效目标表"], ["（ 2027 ）年度"], ["部门（单位）名称", "某局"], ["部门（单位）职责", "负责本县相关工作。"], ["年度履职目标", "完成年度工作任务。"]];
  const level1Of = (i: number): string => {
    const own = rows[i]!.pair[0];
    if (i > 0 && rows[i - 1]!.pair[0] === own) return "";
    return variant === "weights" ? `${own}(${rows.slice(i).filter((r, k) => k === 0 || r.pair[0] === own).length * 10}分)` : own;
  };
  const body = rows.map((r, i) => {
    const target = variant === "inTarget" ? `${r.comparison}${r.number}${r.unit}` : String(r.number);
    const base: CellValue[] = [level1Of(i), r.pair[1], r.level3, r.comparison, target, r.unit, r.explanation, r.scoring, ""];
    if (variant === "inTarget") return [base[0]!, base[1]!, base[2]!, base[4]!, base[6]!, base[7]!, base[8]!];
    if (variant === "points") return [...base, r.points];
    // The 中长期 columns hold the same text on every row: read by mistake, they would be duplicates.
    if (variant === "wide") return [base[0]!, base[1]!, "中长期规划指标", "≥1", ...base.slice(2)];
    return base;
  });
  let header: CellValue[][];
  if (variant === "labels") header = [["", ""], OTHER];
  else if (variant === "points") header = [["", ""], [...STANDARD, "分值"]];
  else if (variant === "inTarget") header = [["", ""], ["一级指标", "二级指标", "三级指标", "指标值", "指标解释", "评（扣）分标准", "备注"]];
  else if (variant === "wide")
    header = [
      ["一级指标", "二级指标", "中长期指标", "", "年度指标", "", "", "", "", "", ""],
      ["", "", "三级指标", "指标值", ...STANDARD.slice(2)],
    ];
  else header = [["", ""], STANDARD];
  return [...preamble, ...header, ...body, [], ["填表人：张敏", "联系电话：0745-6221234"], ["填表日期：2026.10.12", "单位负责人：刘伟"]];
}

function rowFindings(grid: CellValue[][]): string[] {
  const forms = readForms(grid);
  if (forms.length !== 1) return [`forms: ${forms.length}`];
  return checkForm(forms[0]!, DEFAULT_SETTINGS)
    .filter((f) => ROW_RULES.has(f.rule))
    .map((f) => `${f.rule}@${f.row}`)
    .sort();
}

describe("re-laid tables keep their row findings", () => {
  it("standard, other labels, 分值 column, comparison in the target, weights in level-1 cells, wide 中长期/年度", () => {
    fc.assert(
      fc.property(fc.array(arbRow, { minLength: 1, maxLength: 9 }), (rows) => {
        const standard = rowFindings(layout(rows, "standard"));
        for (const v of VARIANTS) {
          // A 分值 column states the points, so the standards need not (scoring-no-points is about the layout).
          const want = v === "points" ? standard.filter((f) => !f.startsWith("scoring-no-points@")) : standard;
          expect([v, rowFindings(layout(rows, v))]).toEqual([v, want]);
        }
      }),
      { numRuns: 100, seed: 20310 },
    );
  });

  it("the standard layout's findings include real row mistakes (the property is not vacuous)", () => {
    const rows: Row[] = [
      { pair: ["产出指标", "社会效益指标"], level3: "培训人次", comparison: "≥", number: 10, unit: "人次", explanation: "考核社会组织年检率情况。", scoring: "", points: 10 },
      { pair: ["产出指标", "成本指标"], level3: "培训人次", comparison: "≤", number: 5, unit: "万元", explanation: "", scoring: "未达指标值酌情扣分。", points: 10 },
    ];
    expect(rowFindings(layout(rows, "standard"))).toEqual(
      expect.arrayContaining(["level2-mismatch@8", "level3-duplicate@8", "level3-duplicate@9", "framework-outdated@9", "explanation-missing@9", "scoring-missing@8"]),
    );
  });
});
