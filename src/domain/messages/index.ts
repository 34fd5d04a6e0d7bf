// 按语言选检查结果的说明：中文为主，Excel 以英文运行时用英文。
import type { Language } from "../settings";
import { en } from "./en";
import type { FindingMessages } from "./types";
import { zh } from "./zh";

export type { FindingMessages, RowMove, TargetSplitHint } from "./types";
export { en, zh };

const BY_LANGUAGE: Readonly<Record<Language, FindingMessages>> = { zh, en };

/** The finding texts in `language`. */
export function findingMessages(language: Language): FindingMessages {
  return BY_LANGUAGE[language];
}
