// 预算年度：新表默认年度，以及文字中提到的年份（2026年、（ 2026 ）年度、2026-2028年、二〇二六年）。

import { toHalfWidth } from "../text";

/** Budgets are prepared in the autumn for the next year: from September on, a new table is for next year. */
export function defaultFiscalYear(now: Date): number {
  return now.getMonth() >= 8 ? now.getFullYear() + 1 : now.getFullYear();
}

export interface YearMention {
  /** Index of the year's first character in the text, and how many characters it spans (the year only). */
  index: number;
  length: number;
  year: number;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** Four digits, not part of a longer number ("20000人") nor a decimal ("12.2026"). */
const ARABIC = /(?<!\d)(?<!\d\.)\d{4}(?!\d)/g;
/** What may follow a year: "年", " 年", "）年度" (the year line), "]年". */
const THEN_NIAN = /^\s*[)\]】]?\s*年/;
/** A range's first year: "2026-2028年", "2026—2028年度", "2026至2028年", "2026年-2028年". */
const THEN_RANGE = /^\s*(?:年度?)?\s*(?:-|—|–|~|至|到)\s*(\d{4})(?!\d)\s*[)\]】]?\s*年/;
/** A full date: "2026.12.31", "2026-01-05", "2026/1/5". "2026.5万元" is an amount, not a date. */
const THEN_DATE = /^([-./])(\d{1,2})\1(\d{1,2})(?![\d.])/;

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, "○": 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
/** 二〇二六年, 二零二六年度, 二〇二六至二〇二八年; not inside a longer run of numerals. */
const CHINESE =
  /(?<![〇零○Ｏ一二三四五六七八九十百千万])[〇零○Ｏ一二三四五六七八九]{4}(?=\s*(?:年|(?:-|—|–|~|至|到)\s*[〇零○Ｏ一二三四五六七八九]{4}\s*年))/g;

function inRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Every year mentioned in a text, in order. A year counts when it is written as a year: followed by 年
 * (2026年, 2026年度, （ 2026 ）年度), as the first year of a range (2026-2028年), as a full date
 * (2026.12.31) or in Chinese numerals (二〇二六年). Four digits inside longer numbers, amounts (2026.5万元)
 * or bare counts (2026人) are not years.
 */
export function findYearMentions(text: string): YearMention[] {
  const h = toHalfWidth(text); // same length: every full-width character maps to one half-width one
  const found: YearMention[] = [];
  for (const m of h.matchAll(ARABIC)) {
    const index = m.index ?? 0;
    const year = Number(m[0]);
    if (!inRange(year)) continue;
    const rest = h.slice(index + 4);
    let isYear = THEN_NIAN.test(rest);
    if (!isYear) {
      const range = THEN_RANGE.exec(rest);
      isYear = range !== null && range[1] !== undefined && inRange(Number(range[1])) && Number(range[1]) >= year;
    }
    if (!isYear) {
      const date = THEN_DATE.exec(rest);
      const month = Number(date?.[2]);
      const day = Number(date?.[3]);
      isYear = date !== null && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }
    if (isYear) found.push({ index, length: 4, year });
  }
  for (const m of h.matchAll(CHINESE)) {
    const year = Number([...m[0]].map((ch) => CHINESE_DIGITS[ch] ?? 0).join(""));
    if (inRange(year)) found.push({ index: m.index ?? 0, length: 4, year });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** `year` written the way `original` was: ASCII digits, full-width digits or Chinese numerals. */
export function writeYearLike(original: string, year: number): string {
  const digits = String(year);
  if (/^\d{4}$/.test(original)) return digits;
  if (/^[０-９]{4}$/.test(original)) return [...digits].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join("");
  const zero = [...original].find((ch) => CHINESE_DIGITS[ch] === 0) ?? "〇";
  const names = [zero, "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  return [...digits].map((d) => names[Number(d)] ?? d).join("");
}

/**
 * The text with every mentioned year that `shift` accepts moved one year on, and what moved.
 * Mentions are replaced in place, so the rest of the text (line breaks, spacing) stays as it was.
 */
export function shiftYearMentions(
  text: string,
  shift: (year: number) => boolean,
): { text: string; moved: Array<{ from: string; to: string }> } {
  let out = text;
  const moved: Array<{ from: string; to: string }> = [];
  const mentions = findYearMentions(text).filter((m) => shift(m.year));
  for (const m of [...mentions].reverse()) {
    const original = text.slice(m.index, m.index + m.length);
    const next = writeYearLike(original, m.year + 1);
    out = out.slice(0, m.index) + next + out.slice(m.index + m.length);
    moved.unshift({ from: original, to: next });
  }
  return { text: out, moved };
}
