// 性质测试：各种版式（序号列、绩效指标标签列、分值列、两行表头、.xlsx 合并重复、列序不同、首尾空白）下，
// 填写正确的指标行一律照原样读出：不判为错位、不报无法归位、一行不丢。

import fc from "fast-check";
import type { CellValue } from "../../../src/domain/grid";
import type { IndicatorField } from "../../../src/domain/form";
import { readForms } from "../../../src/domain/reader";
import { LEVEL1_NAMES, LEVEL2_BY_LEVEL1 } from "../../../src/domain/taxonomy";

const pairs = LEVEL1_NAMES.flatMap((l1) => LEVEL2_BY_LEVEL1[l1].map((l2) => [l1, l2] as const));
const names = ["培训人次", "设备更新改造数量", "验收合格率", "房屋修缮面积", "补贴发放及时率", "群众满意度", "项目完成数", "农村公路养护里程"];
// Includes units the taxonomy does not list: an honest row with an unusual unit is still honest.
const units = ["人次", "个", "%", "万元", "平方米", "天", "公里", "平方公里", "车次", "人/年"];
const explanations = ["反映培训工作开展情况。", "统计口径为全年实际完成数。", "按实际发生数计算。", "项目验收合格的比例。", "当年新建和改造的数量"];
const remarks = ["", "", "按季度统计", "含续建项目"];
const noise = fc.constantFrom("", " ", "\u00a0", "\u3000", "\n");

const arbRow = fc.record({
  pair: fc.constantFrom(...pairs),
  keepLevel1: fc.boolean(),
  level3: fc.constantFrom(...names),
  qualitative: fc.boolean(),
  comparison: fc.constantFrom("≥", ">", "=", "≤", "<", ">=", "＞"),
  number: fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.constantFrom("1,200", "９５", "156.91")),
  unit: fc.constantFrom(...units),
  explanation: fc.constantFrom(...explanations),
  points: fc.integer({ min: 1, max: 30 }),
  remarks: fc.constantFrom(...remarks),
  pad: fc.tuple(noise, noise),
});

const arbLayout = fc.record({
  serial: fc.boolean(),
  labelCol: fc.constantFrom("none", "header", "repeated"),
  points: fc.constantFrom("none", "middle", "end"),
  twoRow: fc.constantFrom("none", "csv", "xlsx"),
  targetFirst: fc.boolean(),
  repeatLevel1: fc.boolean(),
});

const LABEL: Record<IndicatorField, string> = {
  level1: "一级指标", level2: "二级指标", level3: "三级指标", valueType: "指标值类型", target: "指标值",
  unit: "计量单位", explanation: "指标解释", scoringStandard: "评（扣）分标准", remarks: "备注",
};

type Column = IndicatorField | "serial" | "label" | "points";

describe("readForms property: honest rows in any layout are read as they sit", () => {
  it("never realigns, drops or leaves unplaced a well-formed row", () => {
    fc.assert(
      fc.property(arbLayout, fc.array(arbRow, { minLength: 1, maxLength: 10 }), (layout, rows) => {
        const columns: Column[] = [];
        if (layout.serial) columns.push("serial");
        if (layout.labelCol !== "none") columns.push("label");
        columns.push("level1", "level2", "level3");
        if (layout.points === "middle") columns.push("points");
        columns.push(...(layout.targetFirst ? (["target", "valueType"] as const) : (["valueType", "target"] as const)));
        columns.push("unit", "explanation", "scoringStandard", "remarks");
        if (layout.points === "end") columns.push("points");

        const lower = columns.map((c) => (c === "serial" ? "序号" : c === "label" ? "绩效指标" : c === "points" ? "分值" : LABEL[c]));
        const header: CellValue[][] = [];
        if (layout.twoRow === "none") header.push(lower);
        else {
          // A merged 绩效指标 parent over the three level columns; the other labels merged down both rows.
          const isLevel = (c: Column) => c === "level1" || c === "level2" || c === "level3";
          const firstLevel = columns.indexOf("level1");
          const upper = columns.map((c, i) => (isLevel(c) ? (layout.twoRow === "xlsx" || i === firstLevel ? "绩效指标" : "") : lower[i]));
          const under = columns.map((c, i) => (isLevel(c) || layout.twoRow === "xlsx" ? lower[i] : ""));
          header.push(upper, under);
        }

        const input = rows.map((r, i) => {
          const values: Record<IndicatorField, string> = {
            level1: i === 0 || r.keepLevel1 || layout.repeatLevel1 ? r.pair[0] : "",
            level2: r.pair[1],
            level3: `${r.level3}${i}`,
            valueType: r.qualitative ? "定性" : r.comparison,
            target: r.qualitative ? "效果明显" : String(r.number),
            unit: r.qualitative ? "" : r.unit,
            explanation: r.explanation,
            scoringStandard: `完成目标得${r.points}分，未完成按比例扣分。`,
            remarks: r.remarks,
          };
          const cells = columns.map((c): CellValue => {
            if (c === "serial") return i + 1;
            if (c === "label") return layout.labelCol === "repeated" ? "绩效指标" : "";
            if (c === "points") return r.points;
            const v = values[c];
            return v === "" ? "" : `${r.pad[0]}${v}${r.pad[1]}`;
          });
          return { values, cells };
        });

        const grid: CellValue[][] = [["部门（单位）整体支出绩效目标表"], ["（ 2027 ）年度"], ["部门（单位）名称", "某局"], ...header, ...input.map((x) => x.cells), ["填表人：张敏"]];
        const forms = readForms(grid);
        expect(forms).toHaveLength(1);
        const form = forms[0]!;
        expect(form.notes).toEqual([]);
        expect(form.missingColumns).toEqual([]);
        expect(form.year.value).toBe(2027);
        expect(form.headerRow).toBe(2 + header.length);
        expect(form.signoff.filledBy.text).toBe("张敏");
        expect(form.rows).toHaveLength(input.length);
        form.rows.forEach((row, i) => {
          const want = input[i]!.values;
          expect(row.realignment).toBeNull();
          for (const f of ["level3", "valueType", "target", "unit", "explanation", "scoringStandard", "remarks"] as const) {
            expect(row.values[f]).toBe(want[f].replace(/\s+/g, " ").trim());
          }
          expect(row.level1).toBe(input.slice(0, i + 1).reverse().find((x) => x.values.level1 !== "")!.values.level1);
          expect(row.points).toBe(layout.points === "none" ? null : rows[i]!.points);
        });
      }),
      { numRuns: 300, seed: 20272 },
    );
  });
});
