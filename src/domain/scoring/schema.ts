// 四种赋分方法及其参数（zod 校验，出错时给中文说明）。

// zod's mini API: the pane bundles only the pieces used here (the classic API was most of its script).
import * as z from "zod/mini";
import "../zod-locale";

/** Points are stated in the text, so keep them short enough to write: at most two decimals. */
function hasAtMostTwoDecimals(n: number): boolean {
  return Math.abs(n * 100 - Math.round(n * 100)) < 1e-7;
}

const Points = z
  .number({ error: "分值必须是数字" })
  .check(
    z.refine((n) => Number.isFinite(n) && n > 0, { error: "分值必须大于0" }),
    z.refine((n) => n <= 100, { error: "分值不能超过100分" }),
    z.refine(hasAtMostTwoDecimals, { error: "分值最多保留两位小数" }),
  );

/** A fraction strictly between 0 and 1 (0.6 means 60%). */
function fraction(what: string) {
  return z
    .number({ error: `${what}必须是数字` })
    .check(z.refine((n) => n > 0 && n < 1, { error: `${what}必须在0到1之间（例如0.6表示60%）` }));
}

/** 直接赋分：符合要求得满分，否则不得分或扣相应的分。 */
export const DirectMethodSchema = z
  .object({
    kind: z.literal("direct"),
    points: Points,
    /** 未达到时扣的分；不填表示不得分。 */
    deduction: z.optional(z.number({ error: "未达到时的扣分必须是数字" })),
  })
  .check(
    z.superRefine((m, ctx) => {
      if (m.deduction !== undefined && !(m.deduction > 0 && m.deduction <= m.points)) {
        ctx.addIssue({ code: "custom", path: ["deduction"], message: "未达到时的扣分必须大于0且不超过分值" });
      }
    }),
  );

/** 按完成比例赋分，设及格门槛：得分 =（实际完成率 − 门槛）/（1 − 门槛）× 分值。 */
export const RateMethodSchema = z.object({
  kind: z.literal("proportional"),
  variant: z.literal("rate"),
  points: Points,
  threshold: z._default(fraction("及格门槛"), 0.6),
});

/** 控制上限（≤、<、成本指标）：不超出得满分，每超出一个步长扣相应的分，扣完为止。 */
export const CeilingMethodSchema = z
  .object({
    kind: z.literal("proportional"),
    variant: z.literal("ceiling"),
    points: Points,
    /** 0.1 means "每超出10%". */
    step: z._default(
      z
        .number({ error: "超出步长必须是数字" })
        .check(z.refine((n) => n > 0 && n <= 1, { error: "超出步长必须大于0且不超过1（例如0.1表示每超出10%）" })),
      0.1,
    ),
    /** Points deducted per step. */
    deduction: z.number({ error: "每档扣分必须是数字" }),
  })
  .check(
    z.superRefine((m, ctx) => {
      if (!(m.deduction > 0 && m.deduction <= m.points)) {
        ctx.addIssue({ code: "custom", path: ["deduction"], message: "每超出一档的扣分必须大于0且不超过分值" });
      }
    }),
  );

export const ProportionalMethodSchema = z.discriminatedUnion("variant", [RateMethodSchema, CeilingMethodSchema], {
  error: "按完成比例赋分须指明是“完成率”还是“控制上限”",
});

/** 评判等级：名称与该档占分值的区间（上、下限，按分值的比例）。 */
export const GRADES = [
  { name: "基本达成目标", low: 0.8, high: 1 },
  { name: "部分实现目标", low: 0.6, high: 0.8 },
  { name: "实现目标程度较低", low: 0, high: 0.6 },
] as const;
export type GradeName = (typeof GRADES)[number]["name"];

/** 按评判等级赋分：三档 100%–80%（含）、80%–60%（含）、60%–0%。 */
export const GradedMethodSchema = z.object({
  kind: z.literal("graded"),
  points: Points,
});

const SatisfactionBand = z.object({
  /** Lower bound of the band, inclusive, as a fraction (0.9 = 90%). */
  min: z
    .number({ error: "满意度分档的下限必须是数字" })
    .check(z.refine((n) => n > 0 && n <= 1, { error: "满意度分档的下限必须大于0且不超过100%" })),
  points: z
    .number({ error: "满意度分档的得分必须是数字" })
    .check(
      z.refine((n) => n > 0, { error: "满意度分档的得分必须大于0（低于最低一档自动不得分）" }),
      z.refine(hasAtMostTwoDecimals, { error: "满意度分档的得分最多保留两位小数" }),
    ),
});
export type SatisfactionBand = z.infer<typeof SatisfactionBand>;

/** The form's example for 10 points (≥90% → 10, 80–90% → 8, 60–80% → 5, below → 0), scaled to `points`. */
export function defaultSatisfactionBands(points: number): SatisfactionBand[] {
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return [
    { min: 0.9, points: round2(points) },
    { min: 0.8, points: round2(points * 0.8) },
    { min: 0.6, points: round2(points * 0.5) },
  ].filter((b) => b.points > 0);
}

/** The satisfaction method's fields and their cross-checks, before the default bands are filled in. */
const SatisfactionFields = z
  .object({
    kind: z.literal("satisfaction"),
    points: Points,
    bands: z.optional(z.array(SatisfactionBand).check(z.minLength(1, { error: "满意度分档至少要有一档" }))),
  })
  .check(
    z.superRefine((m, ctx) => {
      const bands = m.bands;
      if (!bands) return;
      bands.forEach((b, i) => {
        if (b.points > m.points) {
          ctx.addIssue({ code: "custom", path: ["bands", i, "points"], message: `第${i + 1}档得分不能超过分值${m.points}分` });
        }
        const prev = bands[i - 1];
        if (prev && !(b.min < prev.min)) {
          ctx.addIssue({ code: "custom", path: ["bands", i, "min"], message: "满意度分档的下限必须从高到低排列，且不能重复" });
        }
        if (prev && b.points > prev.points) {
          ctx.addIssue({ code: "custom", path: ["bands", i, "points"], message: "满意度分档的得分必须从高到低排列" });
        }
      });
      const top = bands[0];
      if (top && top.points !== m.points) {
        ctx.addIssue({ code: "custom", path: ["bands", 0, "points"], message: "最高一档应得满分（与分值相同）" });
      }
    }),
  );

/** 满意度赋分：按区间给分；不给分档时用表样的例子按分值缩放。 */
export const SatisfactionMethodSchema = z.pipe(
  SatisfactionFields,
  z.transform((m: z.output<typeof SatisfactionFields>) => ({ ...m, bands: m.bands ?? defaultSatisfactionBands(m.points) })),
);

export const ScoringMethodSchema = z.discriminatedUnion(
  "kind",
  [DirectMethodSchema, ProportionalMethodSchema, GradedMethodSchema, SatisfactionMethodSchema],
  { error: "赋分方法必须是直接赋分、按完成比例赋分、按评判等级赋分或满意度赋分之一" },
);

/** A validated method with its defaults filled in. */
export type ScoringMethod = z.infer<typeof ScoringMethodSchema>;
/** What a caller may pass to `ScoringMethodSchema.parse` (defaults may be left out). */
export type ScoringMethodInput = z.input<typeof ScoringMethodSchema>;
export type ScoringKind = ScoringMethod["kind"];

/** Chinese names of the four methods, for the pane. */
export const METHOD_LABELS: Readonly<Record<ScoringKind, string>> = {
  direct: "直接赋分",
  proportional: "按完成比例赋分，设及格门槛",
  graded: "按评判等级赋分",
  satisfaction: "满意度赋分",
};

/** The two forms of the proportional method. */
export const PROPORTIONAL_VARIANT_LABELS: Readonly<Record<"rate" | "ceiling", string>> = {
  rate: "按完成率计分（设及格门槛）",
  ceiling: "控制上限（超出扣分，扣完为止）",
};
