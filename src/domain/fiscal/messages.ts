// 结转下一年度的说明文字：每种语言一份，都实现 NextYearMessages；planNextYear 只传数据、不拼文字。
// 英文里表格自己的文字（单元格原文）照样加引号保留，方便在表上找到。

import type { Language } from "../settings";

/** A year mention moved on: the text as written before and after (digits or 〇 numerals). */
export interface YearMove {
  from: string;
  to: string;
}

/** The texts of planNextYear, in one language: one reason per kind of edit, and the error. */
export interface NextYearMessages {
  /** The year line (or a bare year cell) moved on. */
  readonly yearChanged: (d: { fromYear: number; toYear: number }) => string;
  /** Years in a text moved on; `moves` without repeats, in the text's order. */
  readonly mentionsMoved: (d: { moves: readonly YearMove[] }) => string;
  /** The fill date taken out; `date` as the form had it. */
  readonly fillDateCleared: (d: { date: string }) => string;
  /** Joins the reasons of one cell. */
  readonly joinReasons: (reasons: readonly string[]) => string;
  /** The form states no year (FiscalYearError's message). */
  readonly noYear: () => string;
}

export const zhNextYear: NextYearMessages = {
  yearChanged: ({ fromYear, toYear }) => `表格年度由${fromYear}年改为${toYear}年`,
  mentionsMoved: ({ moves }) => `文字中的年份顺延一年：${moves.map((m) => `${m.from}→${m.to}`).join("、")}`,
  fillDateCleared: ({ date }) => `清空填表日期（原为“${date}”），新表填好后再填写`,
  joinReasons: (reasons) => reasons.join("；"),
  noYear: () => "没有读到表格的年度：请在标题下一行填写“（ 2026 ）年度”这样的年度后，再生成下一年度的表。",
};

export const enNextYear: NextYearMessages = {
  yearChanged: ({ fromYear, toYear }) => `The form's year changed from ${fromYear} to ${toYear}`,
  mentionsMoved: ({ moves }) =>
    `Years in the text moved on by one year: ${moves.map((m) => `"${m.from}" → "${m.to}"`).join(", ")}`,
  fillDateCleared: ({ date }) => `Fill date cleared (was "${date}"); fill it in once the new form is complete`,
  joinReasons: (reasons) => reasons.join("; "),
  // Same words as the Excel layer's own no-year message, so the pane says it one way.
  noYear: () =>
    `The form's year could not be read: enter the year on the line below the title, as in "（ 2026 ）年度", then make next year's sheet.`,
};

const BY_LANGUAGE: Readonly<Record<Language, NextYearMessages>> = { zh: zhNextYear, en: enNextYear };

/** The next-year texts in `language`. */
export function nextYearMessages(language: Language): NextYearMessages {
  return BY_LANGUAGE[language];
}
