// 按内容定列、表格种类、旧指标体系：各个判断在界限两侧的结果。

import { isOutdatedLevel2, outdatedOf } from "../../../src/domain/reader/framework";
import { formKindOf, isFormHeader, kindHasField } from "../../../src/domain/reader/kind";
import { comparisonColumns } from "../../../src/domain/reader/roles";

describe("comparisonColumns", () => {
  /** Body cells by column: column c holds cols[c][r − 1] on row r. */
  const at = (cols: ReadonlyArray<readonly string[]>) => (r: number, c: number) => cols[c]?.[r - 1] ?? "";

  test("no candidates: the column chosen by label stays", () => {
    expect(comparisonColumns([], 3, at([]), 1, 10)).toEqual({ valueType: 3, directions: [] });
    expect(comparisonColumns([], undefined, at([]), 1, 10)).toEqual({ valueType: undefined, directions: [] });
  });

  test("directions win a tie with comparisons; blanks and other texts count for neither", () => {
    const cols = [["正向", "≥", "", "某某"], ["≥", "定 量", "反向", ""]];
    expect(comparisonColumns([0, 1], 0, at(cols), 1, 5)).toEqual({ valueType: 1, directions: [0] });
  });

  test("an empty candidate is no direction column", () => {
    expect(comparisonColumns([0, 1], 1, at([["", ""], ["≥", "≤"]]), 1, 3)).toEqual({ valueType: 1, directions: [] });
    expect(comparisonColumns([0], 0, at([["", ""]]), 1, 3)).toEqual({ valueType: 0, directions: [] });
  });

  test("the column chosen by label keeps its place on a tie; more comparisons elsewhere take it", () => {
    const tie = [["≥", "≤"], ["=", "≥"]];
    expect(comparisonColumns([0, 1], 0, at(tie), 1, 3)).toEqual({ valueType: 0, directions: [] });
    expect(comparisonColumns([0, 1], 1, at(tie), 1, 3)).toEqual({ valueType: 1, directions: [] });
    const more = [["≥", ""], ["=", "≥"]];
    expect(comparisonColumns([0, 1], 0, at(more), 1, 3)).toEqual({ valueType: 1, directions: [] });
    // Nothing chosen by label: the first candidate, unless a later one holds more comparisons.
    expect(comparisonColumns([0, 1], undefined, at(tie), 1, 3)).toEqual({ valueType: 0, directions: [] });
    expect(comparisonColumns([0, 1], undefined, at(more), 1, 3)).toEqual({ valueType: 1, directions: [] });
  });

  test("a direction column chosen by label gives way", () => {
    expect(comparisonColumns([0, 1], 0, at([["正向", "反向"], ["", ""]]), 1, 3)).toEqual({ valueType: 1, directions: [0] });
    expect(comparisonColumns([0], 0, at([["正向", "反向"]]), 1, 3)).toEqual({ valueType: undefined, directions: [0] });
  });

  test("only rows [from, to) are looked at", () => {
    const cols = [["正向", "正向", "≥", "≥", "≥"]];
    expect(comparisonColumns([0], 0, at(cols), 3, 6)).toEqual({ valueType: 0, directions: [] });
    expect(comparisonColumns([0], 0, at(cols), 1, 4)).toEqual({ valueType: undefined, directions: [0] });
    // row `to` itself is not looked at
    expect(comparisonColumns([0], 0, at([["正向", "正向", "≥", "正向"]]), 3, 4)).toEqual({ valueType: 0, directions: [] });
  });

  test("only the first 60 non-blank cells of a column are looked at", () => {
    // 29 directions and 30 comparisons among the first 60 texts (one other word): a comparison column, whatever follows.
    const head = [...Array<string>(29).fill("正向"), ...Array<string>(30).fill("≥"), "某某"];
    const withBlanks = [...head.slice(0, 10), "", "", ...head.slice(10), "反向", "反向"];
    expect(comparisonColumns([0], 0, at([withBlanks]), 1, withBlanks.length + 1)).toEqual({ valueType: 0, directions: [] });
    // One direction more within the first 60 turns it into a direction column.
    const more = ["正向", ...head.slice(0, 59)];
    expect(comparisonColumns([0], 0, at([more]), 1, more.length + 1)).toEqual({ valueType: undefined, directions: [0] });
  });
});

describe("isFormHeader", () => {
  const h = (keys: string[]) => ({ columns: Object.fromEntries(keys.map((k, i) => [k, i])), count: keys.length });

  test.each([
    [["level1", "level2", "level3", "target"], true],
    [["level1", "level3", "target", "unit"], true],
    [["level2", "level3", "target", "unit"], true],
    [["level3", "valueType", "target", "points"], true],
    [["level1", "level2", "level3"], false],
    [["level1", "level2", "target", "unit"], false],
    [["level3", "target", "unit", "points"], false],
    [["level3", "valueType", "unit", "points"], false],
  ])("%j: %s", (keys, yes) => expect(isFormHeader(h(keys))).toBe(yes));

  test("the count is what the header found, not the keys present", () => {
    expect(isFormHeader({ columns: { level1: 0, level2: 1, level3: 2, target: 3 }, count: 3 })).toBe(false);
  });
});

describe("formKindOf", () => {
  test.each([
    ["部门（单位）整体支出绩效目标表", [], "department"],
    ["某项目整体支出绩效目标表", [], "department"],
    ["整体支出绩效自评表", [], "selfeval"],
    ["绩效自 评表", [], "selfeval"],
    ["项目 支出绩效目标表", [], "project"],
    ["项目支出绩效目标表", ["部门职责"], "project"],
    ["绩效目标表", ["实际完成值："], "selfeval"],
    ["绩效目标表", ["项目 名称"], "project"],
    ["整体 支出绩效目标表", ["项目名称"], "department"],
    ["", [], "department"],
    ["绩效目标表", ["部门名称"], "department"],
  ] as const)("%j %j → %s", (title, labels, kind) => expect(formKindOf({ title, labels })).toBe(kind));

  test.each([
    ["department", "duties", true], ["department", "goals", true], ["project", "duties", false], ["project", "goals", true],
    ["selfeval", "goals", false], ["selfeval", "deptName", true],
  ] as const)("%s has %s: %s", (kind, field, yes) => expect(kindHasField(kind, field)).toBe(yes));
});

describe("the framework before 2021", () => {
  test.each([["成本指标", true], ["成本 指标", true], ["满意度指标", true], ["社会公众或服务对象满意度指标", true], ["数量指标", false], ["", false]] as const)(
    "%j is an old level-2: %s",
    (name, yes) => expect(isOutdatedLevel2(name)).toBe(yes),
  );

  test.each([
    ["产出指标", "成本指标", "cost"], ["产 出指标", "成本 指标", "cost"], ["效益指标", "满意度指标", "satisfaction"],
    ["效益 指标", "社会公众满意度 指标", "satisfaction"], ["效益指标", "成本指标", null], ["产出指标", "满意度指标", null],
    ["产出指标", "数量指标", null], ["成本指标", "经济成本指标", null], ["", "成本指标", null],
  ] as const)("%j / %j → %s", (l1, l2, want) => expect(outdatedOf(l1, l2)).toBe(want));
});
