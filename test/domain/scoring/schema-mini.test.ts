// The schemas on zod's mini API parse and complain exactly as they did on the classic API.
import { ScoringMethodSchema } from "../../../src/domain/scoring";
import { DEFAULT_SETTINGS, parseSettings, SettingsSchema } from "../../../src/domain/settings";

const issues = (input: unknown) =>
  ScoringMethodSchema.safeParse(input).error?.issues.map((i) => ({ path: i.path, message: i.message })) ?? [];

describe("scoring schemas on zod/mini", () => {
  test("every failed check on points is reported, in order", () => {
    expect(issues({ kind: "direct", points: -1.234 })).toEqual([
      { path: ["points"], message: "分值必须大于0" },
      { path: ["points"], message: "分值最多保留两位小数" },
    ]);
  });

  test("defaults are filled in: threshold 0.6, step 0.1, the form's satisfaction bands", () => {
    expect(ScoringMethodSchema.parse({ kind: "proportional", variant: "rate", points: 5 })).toEqual({
      kind: "proportional",
      variant: "rate",
      points: 5,
      threshold: 0.6,
    });
    expect(ScoringMethodSchema.parse({ kind: "proportional", variant: "ceiling", points: 5, deduction: 1 })).toEqual({
      kind: "proportional",
      variant: "ceiling",
      points: 5,
      step: 0.1,
      deduction: 1,
    });
    expect(ScoringMethodSchema.parse({ kind: "satisfaction", points: 7.5 })).toEqual({
      kind: "satisfaction",
      points: 7.5,
      bands: [
        { min: 0.9, points: 7.5 },
        { min: 0.8, points: 6 },
        { min: 0.6, points: 3.75 },
      ],
    });
  });

  test("unknown keys are dropped, as before", () => {
    expect(ScoringMethodSchema.parse({ kind: "graded", points: 10, note: "x" })).toEqual({ kind: "graded", points: 10 });
  });

  test("the band checks point at the band and field", () => {
    expect(
      issues({ kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 10 }, { min: 0.95, points: 11 }] }),
    ).toEqual([
      { path: ["bands", 1, "points"], message: "第2档得分不能超过分值10分" },
      { path: ["bands", 1, "min"], message: "满意度分档的下限必须从高到低排列，且不能重复" },
      { path: ["bands", 1, "points"], message: "满意度分档的得分必须从高到低排列" },
    ]);
  });

  test("checks without a Chinese message keep zod's English wording (mini installs no locale by itself)", () => {
    expect(issues({ kind: "satisfaction", points: 10, bands: "x" })).toEqual([
      { path: ["bands"], message: "Invalid input: expected array, received string" },
    ]);
    expect(issues({ kind: "satisfaction", points: 10, bands: [1] })).toEqual([
      { path: ["bands", 0], message: "Invalid input: expected object, received number" },
    ]);
  });

  test("a thrown parse error still lists the Chinese message", () => {
    expect(() => ScoringMethodSchema.parse({ kind: "graded" })).toThrow("分值必须是数字");
  });
});

describe("settings on zod/mini", () => {
  test("defaults: total 90, Chinese", () => {
    expect(DEFAULT_SETTINGS).toEqual({ expectedTotal: 90, language: "zh" });
    expect(SettingsSchema.parse({ expectedTotal: 100 })).toEqual({ expectedTotal: 100, language: "zh" });
  });

  test.each([0, -1, 1000.5, "90", Number.NaN])("expectedTotal %p is refused with the Chinese message", (expectedTotal) => {
    expect(parseSettings({ expectedTotal })).toEqual({
      ok: false,
      message: "设置无效：指标总分应为 1 到 1000 之间的数字（默认 90）。",
    });
  });

  test("1000 is the largest total allowed", () => {
    expect(parseSettings({ expectedTotal: 1000 })).toEqual({ ok: true, settings: { expectedTotal: 1000, language: "zh" } });
  });

  test("an unknown language names the choices, in Chinese through parseSettings and in zod's English below it", () => {
    expect(parseSettings({ language: "fr" })).toEqual({ ok: false, message: "设置无效：语言应为 zh（中文）或 en（英文）。" });
    expect(SettingsSchema.safeParse({ language: "fr" }).error?.issues[0]?.message).toBe('Invalid option: expected one of "zh"|"en"');
  });
});
