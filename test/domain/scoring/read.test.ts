// 评（扣）分标准读回：产品写出的每一种标准原样读回方法和参数（性质测试），手写标准只在写明参数时读出。
import fc from "fast-check";
import { readStandard, renderStandard, ScoringMethodSchema, type ScoringMethod } from "../../../src/domain/scoring";

const points = fc.integer({ min: 1, max: 10000 }).map((n) => n / 100);
const method: fc.Arbitrary<ScoringMethod> = fc
  .oneof(
    points.chain((p) =>
      fc.record({
        kind: fc.constant("direct" as const),
        points: fc.constant(p),
        deduction: fc.option(fc.integer({ min: 1, max: Math.round(p * 100) }).map((n) => n / 100), { nil: undefined }),
      }),
    ),
    fc.record({
      kind: fc.constant("proportional" as const),
      variant: fc.constant("rate" as const),
      points,
      threshold: fc.integer({ min: 1, max: 999 }).map((n) => n / 1000),
    }),
    points.chain((p) =>
      fc.record({
        kind: fc.constant("proportional" as const),
        variant: fc.constant("ceiling" as const),
        points: fc.constant(p),
        step: fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
        deduction: fc.integer({ min: 1, max: Math.round(p * 100) }).map((n) => n / 100),
      }),
    ),
    fc.record({ kind: fc.constant("graded" as const), points }),
    points.chain((p) => {
      const cents = Math.round(p * 100);
      return fc
        .tuple(
          fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 5 }),
          fc.array(fc.integer({ min: 1, max: cents }), { minLength: 5, maxLength: 5 }),
        )
        .map(([mins, shares]) => {
          const m = [...mins].sort((a, b) => b - a);
          const s = [...shares].sort((a, b) => b - a);
          return {
            kind: "satisfaction" as const,
            points: p,
            bands: m.map((min, i) => ({ min: min / 1000, points: (i === 0 ? cents : (s[i] ?? 1)) / 100 })),
          };
        });
    }),
  )
  .map((m) => ScoringMethodSchema.parse(m));

describe("readStandard", () => {
  test("every standard the product writes reads back as the same method and parameters", () => {
    fc.assert(
      fc.property(method, (m) => {
        expect(readStandard(renderStandard(m))).toEqual(m);
      }),
      { numRuns: 2000 },
    );
  });

  test("reads the seed's ceiling and the form's satisfaction example", () => {
    expect(readStandard("部门预算总额控制在总成本范围内，得20分，每超出10%，扣2分，扣完为止。")).toEqual({
      kind: "proportional",
      variant: "ceiling",
      points: 20,
      step: 0.1,
      deduction: 2,
    });
    expect(
      readStandard("满意度大于等于90%的得10分，满意度小于90%且大于等于80%的得8分，满意度小于80%且大于等于60%的得5分，满意度小于60%不得分。"),
    ).toEqual({ kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 10 }, { min: 0.8, points: 8 }, { min: 0.6, points: 5 }] });
    expect(readStandard("完成率小于60%为不及格，不得分；大于等于60%的，按（实际完成率-60%）/（1-60%）×15分计分。")).toMatchObject({
      variant: "rate",
      threshold: 0.6,
      points: 15,
    });
  });

  test("standards that state no parameters are left to the user", () => {
    for (const text of ["", "未达指标值酌情扣分", "按计划完成得10分，否则酌情扣分", "效果明显得15分，效果一般得10分，否则不得分。", "群众满意度达95%以上得10分，每下降1%，扣0.5分，扣完为止。"]) {
      expect(readStandard(text)).toBeNull();
    }
  });
});
