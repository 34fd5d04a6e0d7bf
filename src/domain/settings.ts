// 检查设置：在边界处用 zod 校验（文档设置、命令行参数）。

// zod's mini API, so the pane bundles only what it uses (the CLI may still use the classic API).
import * as z from "zod/mini";
import "./zod-locale";

/** Languages the findings can be written in: Simplified Chinese first, English where Office runs in English. */
export const LANGUAGES = ["zh", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const SettingsSchema = z.object({
  /** 指标分值应合计的总分；其余 10 分通常留给预算执行率。 */
  expectedTotal: z._default(z.number().check(z.positive(), z.lte(1000)), 90),
  /** 检查结果说明的语言。 */
  language: z._default(z.enum(LANGUAGES), "zh"),
});

/** Parsed settings; `language` may be left out by callers that build settings by hand (it means "zh"). */
export type Settings = Omit<z.infer<typeof SettingsSchema>, "language"> & { language?: Language };

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Settings from untrusted input; a Chinese message when they do not fit. */
export function parseSettings(input: unknown): { ok: true; settings: Settings } | { ok: false; message: string } {
  const r = SettingsSchema.safeParse(input ?? {});
  if (r.success) return { ok: true, settings: r.data };
  const language = r.error.issues.some((i) => i.path[0] === "language");
  return {
    ok: false,
    message: language
      ? "设置无效：语言应为 zh（中文）或 en（英文）。"
      : "设置无效：指标总分应为 1 到 1000 之间的数字（默认 90）。",
  };
}
