// The scoring functions at their edges: exact messages, boundaries of each comparison, and the text forms
// (spaces, dashes, colons, signs) that finance staff type.
import {
  defaultMethodFor,
  defaultSatisfactionBands,
  pointsOf,
  readStandard,
  satisfactionBandsFor,
  ScoringInputError,
  ScoringMethodSchema,
  scoreOf,
  targetShare,
  type GradeName,
  type ScoringMethod,
} from "../../../src/domain/scoring";
import { INDICATOR_FIELDS, type IndicatorField, type IndicatorRow } from "../../../src/domain/form";

const parse = (input: unknown): ScoringMethod => ScoringMethodSchema.parse(input);

function row(values: Partial<Record<IndicatorField, string>>): IndicatorRow {
  const all = Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, values[f] ?? ""])) as Record<IndicatorField, string>;
  const cols = Object.fromEntries(INDICATOR_FIELDS.map((f, i) => [f, i + 1])) as Record<IndicatorField, number>;
  return {
    row: 6,
    values: all,
    cols,
    level1: all.level1,
    level2: all.level2,
    level1Inherited: false,
    level2Inherited: false,
    points: null,
    realignment: null,
    targetSplit: null,
    outdated: null,
    level1Points: null,
  };
}

const kindOf = (m: ScoringMethod) => (m.kind === "proportional" ? `proportional/${m.variant}` : m.kind);

describe("pointsOf edges", () => {
  test("a zero or an absurdly long number is no points", () => {
    expect(pointsOf("未按时完成得0分")).toBeNull();
    expect(pointsOf(`完成得${"9".repeat(400)}分`)).toBeNull();
  });

  test("dashes of every width join a range of awards", () => {
    expect(pointsOf("达到目标得8—10分")).toBe(10);
    expect(pointsOf("达到目标得8–10分")).toBe(10);
  });

  test("a full-width colon ends a 每… phrase, so the points after it count", () => {
    expect(pointsOf("考核内容（每月一次）：10分")).toBe(10);
  });

  test("the largest of several totals, awards or bare points", () => {
    expect(pointsOf("满分10分，其中数量（4分）、质量（6分）")).toBe(10);
    expect(pointsOf("A类5分，B类10分")).toBe(10);
  });

  test("an award counts even where a bare number would not (得10分的…)", () => {
    expect(pointsOf("按时完成给予10分的奖励")).toBe(10);
  });
});

describe("defaultMethodFor edges", () => {
  test.each([
    [{ level3: "是否按时拨付", valueType: "=", target: "100%" }, "direct"],
    [{ level3: "是否按时拨付", valueType: "=", target: "100", unit: " % " }, "direct"],
    [{ level3: "是否建立台账", valueType: "=", target: "1", unit: "个" }, "direct"],
    [{ level3: "是否发生事故", valueType: "=", target: "5", unit: "起" }, "proportional/rate"],
    [{ level3: "是否发生事故", valueType: "=", target: "50", unit: "%" }, "proportional/rate"],
    [{ level3: "是否达标", valueType: "≥", target: "100", unit: "%" }, "proportional/rate"],
    [{ level3: "项目验收", valueType: "定性", target: "按时 完成" }, "direct"],
    [{ level1: "产出指标", level2: "时效指标", level3: "办结时限", valueType: "≤", target: "15", unit: "天" }, "proportional/ceiling"],
    [{ level1: "效益指标", level2: "服务对象满意度指标", level3: "群众满意度", valueType: "≥", target: "90", unit: "%" }, "satisfaction"],
  ])("%j → %s", (values, expected) => {
    expect(kindOf(defaultMethodFor(row({ level1: "产出指标", level2: "质量指标", ...values }), 10))).toBe(expected);
  });
});

describe("targetShare", () => {
  test.each([
    ["95", 0.95],
    ["95 %", 0.95],
    ["≥95%", 0.95],
    [">=95", 0.95],
    ["100", 1],
    ["0.5", 0.005],
    ["0", null],
    ["-5", null],
    ["100.5", null],
    ["较高", null],
  ])("%s → %s", (target, expected) => {
    expect(targetShare(row({ target }))).toBe(expected);
  });
});

describe("satisfactionBandsFor edges", () => {
  test("a target below 60% gives the form's bands; 60% itself is a single band", () => {
    expect(satisfactionBandsFor(0.5, 10)).toEqual(defaultSatisfactionBands(10));
    expect(satisfactionBandsFor(0.6, 10)).toEqual([{ min: 0.6, points: 10 }]);
  });

  test("a second band below 60% is left out (target 65%)", () => {
    expect(satisfactionBandsFor(0.65, 10)).toEqual([{ min: 0.65, points: 10 }]);
  });

  test("bands that round to no points are dropped", () => {
    expect(satisfactionBandsFor(0.95, 0.006)).toEqual([{ min: 0.95, points: 0.01 }]);
    expect(defaultSatisfactionBands(0.006)).toEqual([{ min: 0.9, points: 0.01 }]);
  });
});

describe("scoreOf edges", () => {
  const rate = parse({ kind: "proportional", variant: "rate", points: 10 });
  const ceiling = parse({ kind: "proportional", variant: "ceiling", points: 20, step: 0.1, deduction: 2 });
  const direct = parse({ kind: "direct", points: 10 });
  const graded = parse({ kind: "graded", points: 10 });
  const satisfaction = parse({ kind: "satisfaction", points: 10 });

  test("the error carries its own name", () => {
    const e = new ScoringInputError("x");
    expect(e.name).toBe("ScoringInputError");
    expect(e).toBeInstanceOf(Error);
  });

  test("rate text: spaces, decimals, signs and bare fractions are read; anything around the number is refused", () => {
    expect(scoreOf(rate, " 90 % ")).toBeCloseTo(7.5, 10);
    expect(scoreOf(rate, "0.9")).toBeCloseTo(7.5, 10);
    expect(scoreOf(rate, "90.25%")).toBeCloseTo(7.5625, 10);
    expect(scoreOf(rate, "90")).toBe(10);
    expect(scoreOf(rate, "120%")).toBe(10);
    expect(scoreOf(ceiling, "+15%")).toBe(16);
    expect(scoreOf(ceiling, "-5%")).toBe(20);
    expect(() => scoreOf(rate, "约95%")).toThrow("无法读懂实际完成率“约95%”：请填写数字或百分数，例如 95%");
    expect(() => scoreOf(rate, "95%左右")).toThrow(ScoringInputError);
    expect(() => scoreOf(ceiling, "超了")).toThrow("无法读懂超出比例“超了”：请填写数字或百分数，例如 95%");
    expect(() => scoreOf(satisfaction, "很好")).toThrow("无法读懂满意度“很好”：请填写数字或百分数，例如 95%");
  });

  test("numbers must be finite; other kinds of value are refused by name", () => {
    expect(() => scoreOf(rate, Number.POSITIVE_INFINITY)).toThrow("实际完成率必须是有限的数字");
    expect(() => scoreOf(rate, Number.NaN)).toThrow("实际完成率必须是有限的数字");
    expect(() => scoreOf(rate, true)).toThrow("实际完成率应是数字或百分数");
    expect(() => scoreOf(direct, { grade: "基本达成目标" })).toThrow("直接赋分的实际情况应为“是”或“否”");
  });

  test("satisfaction: a bare number above 1 is a percent, a percent above 100% is full", () => {
    expect(scoreOf(satisfaction, "85")).toBe(8);
    expect(scoreOf(satisfaction, "0.85")).toBe(8);
    expect(scoreOf(satisfaction, "101%")).toBe(10);
  });

  test("direct: a number or a percent is met from 100%; padded words are read", () => {
    expect([1, 0.99, 1.5].map((a) => scoreOf(direct, a))).toEqual([10, 0, 10]);
    expect([" 是 ", "50%", "100%"].map((a) => scoreOf(direct, a))).toEqual([10, 0, 10]);
  });

  test("graded: padded grade names are read; anything else names the grades", () => {
    expect(scoreOf(graded, " 部分实现目标 ")).toBeCloseTo(8, 10);
    expect(scoreOf(graded, Number.NaN)).toBe(0);
    const names = "评判等级应为基本达成目标、部分实现目标、实现目标程度较低之一";
    expect(() => scoreOf(graded, "效果一般")).toThrow(names);
    expect(() => scoreOf(graded, true)).toThrow(names);
    expect(() => scoreOf(graded, { grade: "优秀" as GradeName })).toThrow("没有“优秀”这一评判等级");
  });
});

describe("readStandard edges", () => {
  test("spaces inside a typed standard do not matter", () => {
    expect(readStandard("达到指标值得 10 分；未达到不得分。")).toEqual({ kind: "direct", points: 10 });
  });

  test("graded: all three grades named, points from a range written with a dash", () => {
    expect(readStandard("基本达成目标得8—10分，部分实现目标得6—8分，实现目标程度较低得0—6分")).toEqual({ kind: "graded", points: 10 });
    expect(readStandard("基本达成目标得10分，否则不得分")).toBeNull();
  });

  test("satisfaction bands written from the lowest up are sorted", () => {
    expect(readStandard("满意度60%至80%得5分，80%至90%得8分，90%及以上得10分")).toEqual({
      kind: "satisfaction",
      points: 10,
      bands: [
        { min: 0.9, points: 10 },
        { min: 0.8, points: 8 },
        { min: 0.6, points: 5 },
      ],
    });
  });

  test("a satisfaction standard that deducts per point below (每低1%) has no bands", () => {
    expect(readStandard("满意度90%及以上得10分，每低1%扣1分")).toBeNull();
  });

  test("rate: needs 完成率 and a threshold; the points come from ×N分 or else the award", () => {
    expect(readStandard("合格率低于60%不得分，其余按合格率×10分计分")).toBeNull();
    expect(readStandard("按完成率计分，满分10分")).toBeNull();
    expect(readStandard("完成率低于60%不得分，全部完成得10分")).toEqual({ kind: "proportional", variant: "rate", points: 10, threshold: 0.6 });
  });
});

describe("schema edges: each bound and each message at its field", () => {
  const issues = (input: unknown) =>
    ScoringMethodSchema.safeParse(input).error?.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })) ?? [];

  test.each([
    [{ kind: "proportional", variant: "rate", points: 10, threshold: 0 }, ["threshold"], "及格门槛必须在0到1之间（例如0.6表示60%）"],
    [{ kind: "proportional", variant: "ceiling", points: 10, step: 1.5, deduction: 1 }, ["step"], "超出步长必须大于0且不超过1（例如0.1表示每超出10%）"],
    [{ kind: "satisfaction", points: 10, bands: [{ min: 0, points: 10 }] }, ["bands", 0, "min"], "满意度分档的下限必须大于0且不超过100%"],
    [{ kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 10 }, { min: 0.8, points: 0 }] }, ["bands", 1, "points"], "满意度分档的得分必须大于0（低于最低一档自动不得分）"],
  ])("%j is refused at %j", (input, path, message) => {
    expect(issues(input)).toContainEqual({ code: expect.any(String), path, message });
  });

  test.each([
    [{ kind: "direct", points: 10, deduction: 12 }, ["deduction"], "未达到时的扣分必须大于0且不超过分值"],
    [{ kind: "proportional", variant: "ceiling", points: 10, deduction: 0 }, ["deduction"], "每超出一档的扣分必须大于0且不超过分值"],
    [{ kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 8 }] }, ["bands", 0, "points"], "最高一档应得满分（与分值相同）"],
    [{ kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 10 }, { min: 0.9, points: 8 }] }, ["bands", 1, "min"], "满意度分档的下限必须从高到低排列，且不能重复"],
    [{ kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 10 }, { min: 0.8, points: 12 }] }, ["bands", 1, "points"], "第2档得分不能超过分值10分"],
  ])("cross-check %j is a custom issue at %j", (input, path, message) => {
    expect(issues(input)).toContainEqual({ code: "custom", path, message });
  });

  test("the bounds themselves are allowed", () => {
    expect(ScoringMethodSchema.safeParse({ kind: "direct", points: 10, deduction: 10 }).success).toBe(true);
    expect(ScoringMethodSchema.safeParse({ kind: "proportional", variant: "ceiling", points: 10, step: 1, deduction: 10 }).success).toBe(true);
    expect(ScoringMethodSchema.safeParse({ kind: "satisfaction", points: 10, bands: [{ min: 1, points: 10 }] }).success).toBe(true);
  });
});
