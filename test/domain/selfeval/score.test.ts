// 由实际完成值算得分：每种方法、每个方向（SPEC 第8节），预算执行率，总分与等级。
import { ScoringMethodSchema, type ScoringMethodInput } from "../../../src/domain/scoring";
import {
  executionOf,
  methodOf,
  gradeOf,
  missesTarget,
  scoreOf,
  totalOf,
  type SelfEvalIndicator,
  type SelfScore,
} from "../../../src/domain/selfeval";

function ind(valueType: SelfEvalIndicator["valueType"], target: number | string, unit: string, method: ScoringMethodInput | null): SelfEvalIndicator {
  const m = method ? ScoringMethodSchema.parse(method) : null;
  return {
    level1: "产出指标",
    level2: "数量指标",
    level3: "培训人次",
    valueType,
    target: typeof target === "number" ? `${valueType ?? ""}${target}${unit}` : target,
    targetNumber: typeof target === "number" ? target : null,
    unit,
    standard: "",
    points: m?.points ?? null,
    method: m,
    sourceRow: null,
  };
}

const score = (s: SelfScore): number | null => (s.kind === "computed" ? s.score : null);

describe("floor (≥, >) with a pass threshold", () => {
  const floor = ind("≥", 1200, "人次", { kind: "proportional", variant: "rate", points: 15, threshold: 0.6 });
  test("met: full points, also above the target (the rate is capped at 100%)", () => {
    expect(score(scoreOf(floor, "1200"))).toBe(15);
    expect(score(scoreOf(floor, "1500人次"))).toBe(15);
  });
  test("partly: (rate − threshold) / (1 − threshold) × points", () => {
    // 1080 / 1200 = 90% → (0.9 − 0.6) / 0.4 × 15 = 11.25
    expect(score(scoreOf(floor, "1080"))).toBe(11.25);
    expect(missesTarget(scoreOf(floor, "1080"))).toBe(true);
    // exactly at the threshold: 720 / 1200 = 60% → 0
    expect(score(scoreOf(floor, "720"))).toBe(0);
  });
  test("below the threshold: no points", () => {
    expect(score(scoreOf(floor, "600"))).toBe(0);
  });
  test("a percent target read with or without the % sign, full-width digits too", () => {
    const rate = ind(">", 95, "%", { kind: "proportional", variant: "rate", points: 10, threshold: 0.6 });
    expect(score(scoreOf(rate, "９５％"))).toBe(10);
    expect(score(scoreOf(rate, "85.5"))).toBe(7.5); // 85.5 / 95 = 90% → (0.9 − 0.6) / 0.4 × 10
  });
  test("an unreadable actual value says what to enter", () => {
    const s = scoreOf(floor, "大约一千");
    expect(s.kind).toBe("unreadable");
    expect(s.kind === "unreadable" && s.why).toContain("只填写数字");
  });
});

describe("ceiling (≤, <, cost) with deduction steps", () => {
  const cost = ind("≤", 156.91, "万元", { kind: "proportional", variant: "ceiling", points: 20, step: 0.1, deduction: 2 });
  test("within the ceiling: full points", () => {
    expect(score(scoreOf(cost, "150"))).toBe(20);
    expect(score(scoreOf(cost, "156.91万元"))).toBe(20);
  });
  test("over by one, two, three steps (a part step counts as a whole one)", () => {
    expect(score(scoreOf(cost, String(156.91 * 1.05)))).toBe(18);
    expect(score(scoreOf(cost, String(156.91 * 1.1)))).toBe(18);
    expect(score(scoreOf(cost, String(156.91 * 1.15)))).toBe(16);
    expect(score(scoreOf(cost, String(156.91 * 1.3)))).toBe(14);
  });
  test("floored at 0", () => {
    expect(score(scoreOf(cost, String(156.91 * 3)))).toBe(0);
  });
});

describe("= targets", () => {
  const eq = ind("=", 100, "%", { kind: "proportional", variant: "rate", points: 10, threshold: 0.6 });
  test("met: full points; otherwise as a floor", () => {
    expect(score(scoreOf(eq, "100%"))).toBe(10);
    expect(score(scoreOf(eq, "90%"))).toBe(7.5);
    expect(score(scoreOf(eq, "50%"))).toBe(0);
  });
  test("direct method: met or not, with a stated deduction", () => {
    const direct = ind("=", "是", "", { kind: "direct", points: 5, deduction: 3 });
    expect(score(scoreOf(direct, "是"))).toBe(5);
    expect(score(scoreOf(direct, "否"))).toBe(2);
    const none = ind("=", "否", "", { kind: "direct", points: 5 });
    expect(score(scoreOf(none, "否"))).toBe(5); // 是否发生安全事故：否
    expect(score(scoreOf(none, "是"))).toBe(0);
    const count = ind("=", 100, "%", { kind: "direct", points: 5 });
    expect(score(scoreOf(count, "100"))).toBe(5);
    expect(score(scoreOf(count, "99"))).toBe(0);
  });
});

describe("graded (定性)", () => {
  const q = ind("定性", "明显提升", "", { kind: "graded", points: 15 });
  test("each grade's band; the score defaults to the band's top", () => {
    expect(scoreOf(q, "基本达成目标")).toMatchObject({ score: 15, low: 12, high: 15 });
    expect(scoreOf(q, "部分实现目标")).toMatchObject({ score: 12, low: 9, high: 12 });
    expect(scoreOf(q, "实现目标程度较低")).toMatchObject({ score: 9, low: 0, high: 9 });
    expect(missesTarget(scoreOf(q, "部分实现目标"))).toBe(true);
    expect(missesTarget(scoreOf(q, "基本达成目标"))).toBe(false);
  });
  test("anything else asks for a grade", () => {
    expect(scoreOf(q, "效果明显")).toMatchObject({ kind: "unreadable" });
  });
});

describe("satisfaction bands", () => {
  const s = ind("≥", 90, "%", { kind: "satisfaction", points: 10 });
  test.each([
    ["95%", 10],
    ["90", 10],
    ["89.99%", 8],
    ["80%", 8],
    ["60", 5],
    ["59.5%", 0],
  ])("%s → %d", (actual, expected) => {
    expect(score(scoreOf(s, actual))).toBe(expected);
  });

  // The sheet's formula rounds the rate to four decimals before comparing, so the engine must too.
  test.each([
    ["79.99995%", 8],
    ["79.99994%", 5],
    ["59.99995", 5],
    ["59.99994", 0],
  ])("at a band's edge, %s rounds as the sheet does → %d", (actual, expected) => {
    expect(score(scoreOf(s, actual))).toBe(expected);
  });

  test("a band's own bound is rounded as the sheet's formula rounds it (0.07 × 100 is 7.000000000000001)", () => {
    const low = ind("≥", 90, "%", { kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 10 }, { min: 0.07, points: 2 }] });
    expect(score(scoreOf(low, "7%"))).toBe(2);
    expect(score(scoreOf(low, "6.9999%"))).toBe(0);
  });
});

describe("standards the product cannot read", () => {
  test("the score is the user's, checked for range only", () => {
    const free = { ...ind("定性", "效果明显", "", null), points: 15 };
    expect(scoreOf(free, "效果明显")).toMatchObject({ kind: "user", low: 0, high: 15 });
    expect(scoreOf(free, "")).toEqual({ kind: "blank" });
  });
});

describe("budget execution", () => {
  test.each([
    [100, 0, 0, 0],
    [100, 50, 0.5, 5],
    [100, 89, 0.89, 8.9],
    [100, 100, 1, 10],
  ])("A %d, B %d → rate %d, score %d", (a, b, rate, points) => {
    expect(executionOf(a, b, 10)).toEqual({ kind: "ok", rate, score: points });
  });
  test("over 100%, A missing or zero: invalid", () => {
    expect(executionOf(100, 101, 10)).toEqual({ kind: "invalid", problem: "spent-over" });
    expect(executionOf(0, 10, 10)).toEqual({ kind: "invalid", problem: "annual-missing" });
    expect(executionOf(null, 10, 10)).toEqual({ kind: "invalid", problem: "annual-missing" });
    expect(executionOf(null, null, 10)).toEqual({ kind: "blank" });
  });
});

describe("total and grade", () => {
  test("total of the scores given", () => {
    expect(totalOf([10, 15, null, 11.25])).toBe(36.25);
    expect(totalOf([null, null])).toBeNull();
  });
  test.each([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.5, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
  ])("%d → %s", (total, grade) => {
    expect(gradeOf(total)).toBe(grade);
  });
});

describe("hand-written standards that state their method", () => {
  const withStandard = (valueType: SelfEvalIndicator["valueType"], target: number | string, unit: string, standard: string): SelfEvalIndicator => {
    const base = ind(valueType, target, unit, null);
    const method = methodOf(standard, valueType);
    return { ...base, standard, method, points: method?.points ?? null };
  };

  test("按实际值/计划值*指标分值计分: the completion rate times the points", () => {
    const i = withStandard("≥", 20000, "人", "按计划完成得10分，否则按实际值/计划值*指标分值计分。");
    expect(i.method).toMatchObject({ kind: "proportional", variant: "rate", threshold: 0, points: 10 });
    expect(score(scoreOf(i, "19000"))).toBe(9.5);
    expect(score(scoreOf(i, "21000人"))).toBe(10);
  });

  test("每下降1%扣0.5分: whole steps below the target, floored at 0", () => {
    const i = withStandard("≥", 95, "%", "群众满意度达95%以上得10分，每下降1%，扣0.5分，扣完为止。");
    expect(i.method).toEqual({ kind: "shortfall", points: 10, per: 1, deduction: 0.5 });
    expect(score(scoreOf(i, "96%"))).toBe(10);
    expect(score(scoreOf(i, "93%"))).toBe(9);
    expect(score(scoreOf(i, "94.5%"))).toBe(9.5); // a part step counts as a whole one
    expect(score(scoreOf(i, "50%"))).toBe(0);
  });

  test("效果明显得15分，效果一般得10分: the actual value names a level", () => {
    const i = withStandard("定性", "效果明显", "", "效果明显得15分，效果一般得10分，否则不得分。");
    expect(i.method).toMatchObject({ kind: "levels", points: 15 });
    expect(score(scoreOf(i, "效果明显"))).toBe(15);
    expect(score(scoreOf(i, "效果一般"))).toBe(10);
    expect(missesTarget(scoreOf(i, "效果一般"))).toBe(true);
    expect(score(scoreOf(i, "效果不明显"))).toBe(0); // 否则不得分
    const strict = withStandard("定性", "效果明显", "", "效果明显得15分，效果一般得10分。");
    expect(scoreOf(strict, "还行")).toMatchObject({ kind: "unreadable" });
  });

  test("a vague standard is still the user's", () => {
    expect(methodOf("未达指标值酌情扣分。", "≥")).toBeNull();
    expect(methodOf("全部按时发放得10分，每延迟一笔扣1分，扣完为止。", "=")).toBeNull();
  });
});
