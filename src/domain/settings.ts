// 检查设置：在边界处用 zod 校验（文档设置、命令行参数）。

import { z } from "zod";

export const SettingsSchema = z.object({
  /** 指标分值应合计的总分；其余 10 分通常留给预算执行率。 */
  expectedTotal: z.number().positive().max(1000).default(90),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Settings from untrusted input; a Chinese message when they do not fit. */
export function parseSettings(input: unknown): { ok: true; settings: Settings } | { ok: false; message: string } {
  const r = SettingsSchema.safeParse(input ?? {});
  if (r.success) return { ok: true, settings: r.data };
  return { ok: false, message: "设置无效：指标总分应为 1 到 1000 之间的数字（默认 90）。" };
}
