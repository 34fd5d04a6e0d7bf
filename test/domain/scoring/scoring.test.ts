import fc from "fast-check";
import {
  GRADES,
  METHOD_LABELS,
  ScoringInputError,
  ScoringMethodSchema,
  defaultMethodFor,
  pointsOf,
  renderStandard,
  scoreOf,
  type ScoringMethod,
} from "../../../src/domain/scoring";
import { INDICATOR_FIELDS, type IndicatorField, type IndicatorRow } from "../../../src/domain/form";

// ---- generators of valid parameters -------------------------------------------------------------

/** Points with at most two decimals, as the schema allows. */
const points = fc.integer({ min: 1, max: 10000 }).map((n) => n / 100);
const fractionOpen = fc.integer({ min: 1, max: 999 }).map((n) => n / 1000);

const direct = points.chain((p) =>
  fc.record({
    kind: fc.constant("direct" as const),
    points: fc.constant(p),
    deduction: fc.option(fc.integer({ min: 1, max: Math.round(p * 100) }).map((n) => n / 100), { nil: undefined }),
  }),
);
const rate = fc.record({
  kind: fc.constant("proportional" as const),
  variant: fc.constant("rate" as const),
  points,
  threshold: fractionOpen,
});
const ceiling = points.chain((p) =>
  fc.record({
    kind: fc.constant("proportional" as const),
    variant: fc.constant("ceiling" as const),
    points: fc.constant(p),
    step: fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
    deduction: fc.integer({ min: 1, max: Math.round(p * 100) }).map((n) => n / 100),
  }),
);
const graded = fc.record({ kind: fc.constant("graded" as const), points });
const satisfaction = points.chain((p) => {
  const cents = Math.round(p * 100);
  return fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
      fc.array(fc.integer({ min: 1, max: cents }), { minLength: 5, maxLength: 5 }),
    )
    .map(([mins, shares]) => {
      const sortedMins = [...mins].sort((a, b) => b - a);
      const sortedShares = [...shares].sort((a, b) => b - a);
      return {
        kind: "satisfaction" as const,
        points: p,
        bands: sortedMins.map((m, i) => ({ min: m / 100, points: (i === 0 ? cents : (sortedShares[i] ?? 1)) / 100 })),
      };
    });
});
const anyMethod: fc.Arbitrary<ScoringMethod> = fc
  .oneof(direct, rate, ceiling, graded, satisfaction)
  .map((m) => ScoringMethodSchema.parse(m));

function parse(input: unknown): ScoringMethod {
  return ScoringMethodSchema.parse(input);
}

// ---- schema ----------------------------------------------------------------------------------

describe("ScoringMethodSchema", () => {
  test("every generated parameter set is valid", () => {
    fc.assert(fc.property(fc.oneof(direct, rate, ceiling, graded, satisfaction), (m) => ScoringMethodSchema.safeParse(m).success));
  });

  test("fills defaults: 60% threshold, 10% step, the form's satisfaction bands scaled to the points", () => {
    expect(parse({ kind: "proportional", variant: "rate", points: 10 })).toEqual({
      kind: "proportional",
      variant: "rate",
      points: 10,
      threshold: 0.6,
    });
    const c = parse({ kind: "proportional", variant: "ceiling", points: 20, deduction: 2 });
    expect(c.kind === "proportional" && c.variant === "ceiling" && c.step).toBe(0.1);
    const s10 = parse({ kind: "satisfaction", points: 10 });
    expect(s10.kind === "satisfaction" && s10.bands).toEqual([
      { min: 0.9, points: 10 },
      { min: 0.8, points: 8 },
      { min: 0.6, points: 5 },
    ]);
    const s20 = parse({ kind: "satisfaction", points: 20 });
    expect(s20.kind === "satisfaction" && s20.bands.map((b) => b.points)).toEqual([20, 16, 10]);
  });

  const messages = (input: unknown): string[] =>
    ScoringMethodSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

  test.each([
    [{ kind: "graded", points: 0 }, "分值必须大于0"],
    [{ kind: "graded", points: -5 }, "分值必须大于0"],
    [{ kind: "graded", points: 120 }, "分值不能超过100分"],
    [{ kind: "graded", points: 3.333 }, "分值最多保留两位小数"],
    [{ kind: "graded", points: "10" }, "分值必须是数字"],
    [{ kind: "proportional", variant: "rate", points: 10, threshold: 1 }, "及格门槛必须在0到1之间（例如0.6表示60%）"],
    [{ kind: "proportional", variant: "rate", points: 10, threshold: 60 }, "及格门槛必须在0到1之间（例如0.6表示60%）"],
    [{ kind: "proportional", variant: "ceiling", points: 10, deduction: 12 }, "每超出一档的扣分必须大于0且不超过分值"],
    [{ kind: "proportional", variant: "ceiling", points: 10, step: 0, deduction: 1 }, "超出步长必须大于0且不超过1（例如0.1表示每超出10%）"],
    [{ kind: "proportional", variant: "other", points: 10 }, "按完成比例赋分须指明是“完成率”还是“控制上限”"],
    [{ kind: "direct", points: 10, deduction: 0 }, "未达到时的扣分必须大于0且不超过分值"],
    [{ kind: "satisfaction", points: 10, bands: [] }, "满意度分档至少要有一档"],
    [
      { kind: "satisfaction", points: 10, bands: [{ min: 0.8, points: 10 }, { min: 0.9, points: 8 }] },
      "满意度分档的下限必须从高到低排列，且不能重复",
    ],
    [
      { kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 10 }, { min: 0.8, points: 12 }] },
      "满意度分档的得分必须从高到低排列",
    ],
    [{ kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 8 }] }, "最高一档应得满分（与分值相同）"],
    [{ kind: "satisfaction", points: 10, bands: [{ min: 1.5, points: 10 }] }, "满意度分档的下限必须大于0且不超过100%"],
    [{ kind: "bonus", points: 10 }, "赋分方法必须是直接赋分、按完成比例赋分、按评判等级赋分或满意度赋分之一"],
  ])("rejects %j with a Chinese message", (input, message) => {
    expect(messages(input)).toContain(message);
  });

  test("METHOD_LABELS names the four methods of the form", () => {
    expect(METHOD_LABELS).toEqual({
      direct: "直接赋分",
      proportional: "按完成比例赋分，设及格门槛",
      graded: "按评判等级赋分",
      satisfaction: "满意度赋分",
    });
  });
});

// ---- renderStandard --------------------------------------------------------------------------

describe("renderStandard", () => {
  test("states the points so that pointsOf reads them back, for any valid parameters", () => {
    fc.assert(fc.property(anyMethod, (m) => pointsOf(renderStandard(m)) === m.points), { numRuns: 2000 });
  });

  test("reads like the standards finance staff write", () => {
    expect(renderStandard(parse({ kind: "proportional", variant: "rate", points: 10 }))).toBe(
      "完成率达到100%得10分；完成率低于60%不得分；60%及以上按（实际完成率-60%）/（1-60%）×10分计分。",
    );
    expect(renderStandard(parse({ kind: "proportional", variant: "ceiling", points: 20, deduction: 2 }))).toBe(
      "控制在指标值以内得20分；每超出10%扣2分，不足10%的按10%计，扣完为止。",
    );
    expect(renderStandard(parse({ kind: "satisfaction", points: 10 }))).toBe(
      "满意度达到90%及以上得10分；80%（含）至90%得8分；60%（含）至80%得5分；低于60%不得分。",
    );
    expect(renderStandard(parse({ kind: "graded", points: 15 }))).toBe(
      "按目标实现程度分档计分（满分15分）：基本达成目标的，得12分（含）至15分；部分实现目标的，得9分（含）至12分；实现目标程度较低的，得0至9分。",
    );
    expect(renderStandard(parse({ kind: "direct", points: 10 }))).toBe("达到指标值得10分；未达到不得分。");
    expect(renderStandard(parse({ kind: "direct", points: 10, deduction: 4 }))).toBe("达到指标值得10分；未达到扣4分。");
  });

  test("writes thresholds and points without float noise", () => {
    const text = renderStandard(parse({ kind: "proportional", variant: "rate", points: 7.5, threshold: 0.57 }));
    expect(text).toContain("低于57%");
    expect(text).toContain("得7.5分");
    expect(text).not.toMatch(/\d\.\d{5,}/);
  });
});

// ---- scoreOf ---------------------------------------------------------------------------------

describe("scoreOf", () => {
  const anyActual = fc.oneof(
    fc.boolean(),
    fc.double({ min: -5, max: 5, noNaN: true }),
    fc.constantFrom(...GRADES.map((g) => g.name)),
    fc.record({ grade: fc.constantFrom(...GRADES.map((g) => g.name)), within: fc.double({ min: -1, max: 2, noNaN: true }) }),
  );

  test("stays within [0, points] for any method and any actual it accepts", () => {
    fc.assert(
      fc.property(anyMethod, anyActual, (m, actual) => {
        let score: number;
        try {
          score = scoreOf(m, actual);
        } catch (e) {
          return e instanceof ScoringInputError;
        }
        return score >= 0 && score <= m.points;
      }),
      { numRuns: 3000 },
    );
  });

  const sortedPair = fc
    .tuple(fc.double({ min: -1, max: 3, noNaN: true }), fc.double({ min: -1, max: 3, noNaN: true }))
    .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
  const sortedFractions = fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));

  test("proportional: non-decreasing in the completion rate, full at 100%, zero below the threshold", () => {
    fc.assert(
      fc.property(rate.map(parse), sortedPair, (m, [a, b]) => {
        if (m.kind !== "proportional" || m.variant !== "rate") return false;
        return (
          scoreOf(m, a) <= scoreOf(m, b) &&
          scoreOf(m, 1) === m.points &&
          scoreOf(m, m.threshold - 1e-6) === 0 &&
          scoreOf(m, m.threshold) === 0
        );
      }),
    );
  });

  test("proportional: follows (实际完成率 − 门槛)/(1 − 门槛) × 分值 between the threshold and 100%", () => {
    fc.assert(
      fc.property(rate.map(parse), fc.double({ min: 0, max: 1, noNaN: true }), (m, u) => {
        if (m.kind !== "proportional" || m.variant !== "rate") return false;
        const r = m.threshold + u * (1 - m.threshold);
        return Math.abs(scoreOf(m, r) - ((r - m.threshold) / (1 - m.threshold)) * m.points) < 1e-9;
      }),
    );
    const m = parse({ kind: "proportional", variant: "rate", points: 10 });
    expect(scoreOf(m, 0.8)).toBeCloseTo(5, 10);
    expect(scoreOf(m, "90%")).toBeCloseTo(7.5, 10);
    expect(scoreOf(m, 1.3)).toBe(10);
  });

  test("ceiling: non-increasing in the overrun, full within the ceiling, 扣完为止", () => {
    fc.assert(
      fc.property(ceiling.map(parse), sortedPair, (m, [a, b]) => {
        if (m.kind !== "proportional" || m.variant !== "ceiling") return false;
        return scoreOf(m, a) >= scoreOf(m, b) && scoreOf(m, 0) === m.points && scoreOf(m, -0.2) === m.points;
      }),
    );
    // The seed's cost standard: 20 points, 每超出10%扣2分.
    const seed = parse({ kind: "proportional", variant: "ceiling", points: 20, step: 0.1, deduction: 2 });
    expect(scoreOf(seed, 0.1)).toBe(18);
    expect(scoreOf(seed, 0.2)).toBe(16);
    expect(scoreOf(seed, 0.15)).toBe(16); // 不足10%的按10%计
    expect(scoreOf(seed, "30%")).toBe(14);
    expect(scoreOf(seed, 1.5)).toBe(0);
  });

  test("satisfaction: the form's example exactly (95% → 10, 85% → 8, 70% → 5, 50% → 0)", () => {
    const m = parse({ kind: "satisfaction", points: 10 });
    expect([0.95, 0.85, 0.7, 0.5].map((a) => scoreOf(m, a))).toEqual([10, 8, 5, 0]);
    expect(["95%", "85%", "70%", "50%"].map((a) => scoreOf(m, a))).toEqual([10, 8, 5, 0]);
    expect([95, 85, 70, 50].map((a) => scoreOf(m, a))).toEqual([10, 8, 5, 0]);
    // Band edges are inclusive at the bottom.
    expect([0.9, 0.8, 0.6, 0.5999].map((a) => scoreOf(m, a))).toEqual([10, 8, 5, 0]);
  });

  test("satisfaction: a band's edge is compared in hundredths of a percent, so float noise and 0.005% round", () => {
    const m = parse({ kind: "satisfaction", points: 10 });
    // 0.7 + 0.1 is 0.7999999999999999 in floating point: still the 80% band.
    expect(scoreOf(m, 0.7 + 0.1)).toBe(8);
    expect(scoreOf(m, 0.79995)).toBe(8);
    expect(scoreOf(m, 0.79994)).toBe(5);
    expect(scoreOf(m, 0.59995)).toBe(5);
    expect(scoreOf(m, 0.59994)).toBe(0);
    // A band's own bound is rounded too: 0.07 × 10000 is 700.0000000000001.
    const low = parse({ kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 10 }, { min: 0.07, points: 2 }] });
    expect(scoreOf(low, 0.07)).toBe(2);
    expect(scoreOf(low, "7%")).toBe(2);
  });

  test("satisfaction: non-decreasing, full at 100%, zero below the lowest band", () => {
    fc.assert(
      fc.property(satisfaction.map(parse), sortedFractions, (m, [a, b]) => {
        if (m.kind !== "satisfaction") return false;
        const lowest = m.bands[m.bands.length - 1];
        return (
          scoreOf(m, a) <= scoreOf(m, b) &&
          scoreOf(m, 1) === m.points &&
          lowest !== undefined &&
          scoreOf(m, lowest.min - 0.001) === 0
        );
      }),
    );
  });

  test("graded: by band, 基本达成目标 ≥ 部分实现目标 ≥ 实现目标程度较低, full at the top", () => {
    fc.assert(
      fc.property(graded.map(parse), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (m, u, v) => {
        const [top, mid, low] = GRADES.map((g) => g.name);
        if (!top || !mid || !low) return false;
        const a = scoreOf(m, { grade: top, within: u });
        const b = scoreOf(m, { grade: mid, within: v });
        const c = scoreOf(m, { grade: low, within: u });
        return a >= b && b >= c && scoreOf(m, top) === m.points && a >= 0.8 * m.points - 1e-9;
      }),
    );
    const m = parse({ kind: "graded", points: 10 });
    expect(scoreOf(m, { grade: "部分实现目标", within: 0 })).toBeCloseTo(6, 10);
    expect(scoreOf(m, { grade: "实现目标程度较低", within: 0.5 })).toBeCloseTo(3, 10);
    expect(scoreOf(m, 0.7)).toBeCloseTo(7, 10);
    expect(() => scoreOf(m, "效果一般")).toThrow(ScoringInputError);
  });

  test("direct: full when met, the stated deduction or nothing otherwise", () => {
    const plain = parse({ kind: "direct", points: 10 });
    const deducting = parse({ kind: "direct", points: 10, deduction: 4 });
    expect([scoreOf(plain, true), scoreOf(plain, false), scoreOf(deducting, false)]).toEqual([10, 0, 6]);
    expect([scoreOf(plain, "是"), scoreOf(plain, "未完成"), scoreOf(plain, "100%")]).toEqual([10, 0, 10]);
    expect(() => scoreOf(plain, "差不多")).toThrow(/请填写“是”或“否”/);
  });

  test("rejects text it cannot read, with a Chinese message", () => {
    const m = parse({ kind: "proportional", variant: "rate", points: 10 });
    expect(() => scoreOf(m, "大部分")).toThrow(/无法读懂实际完成率“大部分”/);
    expect(() => scoreOf(m, true)).toThrow(ScoringInputError);
  });
});

// ---- defaultMethodFor ------------------------------------------------------------------------

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

describe("defaultMethodFor", () => {
  const kindOf = (m: ScoringMethod) => (m.kind === "proportional" ? `proportional/${m.variant}` : m.kind);

  test.each([
    [{ level1: "满意度指标", level2: "服务对象满意度指标", level3: "群众满意度", valueType: "≥", target: "95", unit: "%" }, "satisfaction"],
    [{ level1: "效益指标", level2: "社会效益指标", level3: "保障受伤劳动者合法权益", valueType: "定性", target: "效果明显" }, "graded"],
    [{ level1: "成本指标", level2: "经济成本指标", level3: "部门预算支出金额", valueType: "≤", target: "156.91", unit: "万元" }, "proportional/ceiling"],
    [{ level1: "成本指标", level2: "经济成本指标", level3: "人均成本", valueType: "=", target: "300", unit: "元" }, "proportional/ceiling"],
    [{ level1: "产出指标", level2: "时效指标", level3: "办结时限", valueType: "<", target: "15", unit: "天" }, "proportional/ceiling"],
    [{ level1: "产出指标", level2: "数量指标", level3: "完成全年参保人数", valueType: "≥", target: "20000", unit: "人" }, "proportional/rate"],
    [{ level1: "产出指标", level2: "数量指标", level3: "完成全年参保人数", valueType: "＞＝", target: "20000", unit: "人" }, "proportional/rate"],
    [{ level1: "产出指标", level2: "质量指标", level3: "资金是否按时拨付", valueType: "=", target: "100", unit: "%" }, "direct"],
    [{ level1: "产出指标", level2: "质量指标", level3: "有无安全事故", valueType: "=", target: "0", unit: "起" }, "direct"],
    [{ level1: "产出指标", level2: "质量指标", level3: "资金拨付合规性", valueType: "=", target: "是" }, "direct"],
    [{ level1: "效益指标", level2: "社会效益指标", level3: "项目完成情况", valueType: "定性", target: "完成" }, "direct"],
    [{ level1: "产出指标", level2: "质量指标", level3: "工伤保险待遇发放率", valueType: "=", target: "100", unit: "%" }, "proportional/rate"],
  ])("%j → %s", (values, expected) => {
    const m = defaultMethodFor(row(values), 10);
    expect(kindOf(m)).toBe(expected);
    expect(m.points).toBe(10);
    expect(pointsOf(renderStandard(m))).toBe(10);
  });

  test("a cost ceiling deducts a tenth of the points per 10% overrun, as the seed does", () => {
    const m = defaultMethodFor(row({ level1: "成本指标", level2: "经济成本指标", valueType: "≤", target: "156.91" }), 20);
    expect(m).toEqual({ kind: "proportional", variant: "ceiling", points: 20, step: 0.1, deduction: 2 });
  });

  test("uses the level-1 in force for a row continuing a merged block", () => {
    const r = { ...row({ level3: "群众满意度", valueType: "≥", target: "95", unit: "%" }), level1: "满意度指标", level1Inherited: true };
    expect(defaultMethodFor(r, 10).kind).toBe("satisfaction");
  });
});

// ---- pointsOf --------------------------------------------------------------------------------

describe("pointsOf", () => {
  test("the seed's standards give 10, 10, 10, 15, 15, 10, 20", () => {
    const seed = [
      "按计划完成得10分，否则按实际值/计划值*指标分值计分。",
      "按计划完成得10分，否则按实际值/计划值*指标分值计分。",
      "按计划完成得10分，否则按实际值/计划值*指标分值计分。",
      "效果明显得15分，效果一般得10分，否则不得分。",
      "效果明显得15分，效果一般得10分，否则不得分。",
      "群众满意度达95%以上得10分，每下降1%，扣0.5分，扣完为止。",
      "部门预算总额控制在总成本范围内，得20分，每超出10%，扣2分，扣完为止。",
    ];
    expect(seed.map(pointsOf)).toEqual([10, 10, 10, 15, 15, 10, 20]);
  });

  test.each([
    ["满分10分，未按时完成的不得分。", 10],
    ["满分为12分", 12],
    ["（10分）按时完成得满分，否则不得分。", 10],
    ["(8分)按时完成得满分", 8],
    ["分值：10。完成率每低于目标1个百分点扣0.5分。", 10],
    ["分值10，按完成比例计分", 10],
    ["本指标10分，完成得满分。", 10],
    ["本项指标分值为6分", 6],
    ["权重5分，按时完成得满分", 5],
    ["完成得１０分，未完成不得分。", 10],
    ["完成得１２．５分", 12.5],
    ["全部完成得7.5分，部分完成得3分。", 7.5],
    ["满意度达到90%及以上得8-10分，80%至90%得5至7分", 10],
    ["基本达成目标得8分至10分", 10],
    ["每项2分，共10分", 10],
    ["按时完成10分，延期一天扣2分，扣完为止。", 10],
    ["完成率达到100%得 10 分", 10],
    ["<p>达到目标得10分</p>", 10],
    ["满意度95分以上得10分，每低1分扣1分", 10],
    ["得分：8分", 8],
    ["10分。按时完成得满分，否则不得分", 10],
    ["指标分值10分，按完成比例计分", 10],
  ])("%s → %s", (text, expected) => {
    expect(pointsOf(text)).toBe(expected);
  });

  test.each([
    "未达指标值酌情扣分",
    "",
    "按实际完成情况评分",
    "完成率达到95%以上得满分，每下降1%扣0.5分",
    "满意度达到95%，每下降1%扣1分",
    "评分低于60分扣5分",
    "得分=（实际完成率-60%）/（1-60%）×指标分值",
    "满分100%",
    "在10分钟内响应",
    "按每人0.5分计算，扣完为止",
  ])("%s → null (no points stated)", (text) => {
    expect(pointsOf(text)).toBeNull();
  });

  test("percentages are never read as points", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 30 }), (pct, p) => {
        const text = `满意度达${pct}%以上得${p}分，每下降${pct % 10 || 1}%，扣0.5分，扣完为止。`;
        return pointsOf(text) === p;
      }),
    );
  });
});
